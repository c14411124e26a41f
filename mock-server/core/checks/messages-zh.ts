import { CHECK_IDS } from './catalog.js';
import { EVERY_ATTACK_NAME as ATTACK_NAMES, securityCheckId } from './attack-names.js';
import { ATTACK_TEXTS } from './attack-texts.js';
import { OAUTH_CHECK_MESSAGES_ZH } from './oauth-messages-zh.js';

/** Chinese text per check id: what it verifies, and what a seller does to pass. */
export interface CheckTextZh {
  readonly title: string;
  readonly hint: string;
}

/** Chinese title and hint per `security.*` id. */
const SECURITY_CHECK_MESSAGES_ZH: Readonly<Record<string, CheckTextZh>> = Object.fromEntries(
  ATTACK_NAMES.map((a) => [securityCheckId(a), { title: ATTACK_TEXTS[a].titleZh, hint: `koomock 发送了${ATTACK_TEXTS[a].sendsZh}。卖家应当：${ATTACK_TEXTS[a].mustZh}。验签失败时返回 HTTP 200 和 resultCode 000001，且不做任何修改。` }]),
);

/**
 * Chinese titles and hints, keyed by check id, for reporters that show Chinese next to (or
 * instead of) the English hint of a CheckResult.
 * @example
 *   CHECK_MESSAGES_ZH['result.code']?.title; // 'resultCode 为 000000（newInstance 可为 000004）'
 */
export const CHECK_MESSAGES_ZH: Readonly<Record<string, CheckTextZh>> = {
  'transport.reachable': {
    title: '生产接口地址可以连通',
    hint: '请确认卖家服务已启动，生产接口地址的域名、端口正确；云商店要求 HTTPS（TLS 1.2 及以上、CA 签发的证书）和域名地址。本地自签证书可用 --ca <文件> 指定。',
  },
  'transport.timeout': {
    title: '在调用超时时间内返回完整应答',
    hint: '请在超时时间内（默认 20 秒，较早的欧洲站文档为 5 秒）返回应答。耗时的开通操作请放到后台执行：newInstance 可以先返回 000004，云商店随后轮询 queryInstance。',
  },
  'run.deadline': {
    title: '场景在本次运行的截止时间（--deadline）之前执行',
    hint: '卖家服务无应答时，每次调用都要等到调用超时：请先修复因 transport.* 失败的场景，或用 --deadline 给本次运行更多时间。',
  },
  'transport.reset': {
    title: '应答完整返回之前连接没有被关闭或重置',
    hint: '连接在应答完整之前被关闭：在任何应答之前关闭，请查看卖家日志中同一时间的崩溃或未捕获异常，以及中间代理、网关、负载均衡的空闲/长连接超时；在应答头之后关闭，通常是写应答体时进程崩溃，或 Content-Length 大于实际应答体。请写完整个应答体，由框架设置 Content-Length。',
  },
  'http.protocol': {
    title: '应答是格式正确的 HTTP/1.1',
    hint: '请由 Web 框架写出状态行和应答头：头的值不含控制字符，头的名称不含空格，Content-Length 与应答体长度一致（204/304 不带应答体），状态码在 100 到 599 之间。如果该地址上运行的是其他（非 HTTP）服务，请把生产接口地址指向卖家服务。',
  },
  'http.redirect': {
    title: '应答不是重定向（云商店不跟随 3xx）',
    hint: '云商店不跟随重定向：请把最终地址配置为生产接口地址，并在该地址直接返回 HTTP 200。常见原因：HTTP 跳转 HTTPS（请直接配置 https 地址）、框架补全或去掉末尾斜杠（请按跳转后的路径配置）、登录或单点登录层拦截（请对生产接口路径放行，请求自带签名）。',
  },
  'http.status': {
    title: 'HTTP 状态码为 200',
    hint: '所有生产接口调用都应返回 HTTP 200，业务错误放在 resultCode 中返回。云商店不跟随重定向；网关或鉴权层不要拦截云商店的调用（请求自带签名）。',
  },
  'http.content-type': {
    title: '应答 Content-Type 为 application/json',
    hint: '请设置 Content-Type: application/json;charset=UTF-8，错误应答也一样；text/plain、text/html 都会判定失败。',
  },
  'body.size': {
    title: '应答体不超过 1 MiB',
    hint: '生产接口的应答是很小的 JSON 对象（远小于 1 KiB）。koomock 读到 1 MiB 即停止并断开连接：请只返回 {"resultCode":"000000","resultMsg":"success", …}，不要输出文件、日志、无尽的数据流或整个对象图。',
  },
  'body.json': {
    title: '应答体是 UTF-8 编码的 JSON',
    hint: '请用 JSON 库序列化应答（不要拼接字符串），不要输出 HTML 错误页或日志；编码为 UTF-8（GBK 会判定失败）；嵌套不超过 64 层。',
  },
  'body.object': {
    title: '应答 JSON 是一个对象',
    hint: '顶层必须是 JSON 对象，包含 resultCode 和 resultMsg，例如 {"resultCode":"000000","resultMsg":"success"}；不要用数组包裹，也不要返回字符串、数字、布尔值或 null。返回的是“包含 JSON 的字符串”说明对象被序列化了两次。',
  },
  'response.schema': {
    title: '应答符合该接口的应答结构（JSON Schema）',
    hint: '按报告中的 JSON 指针补齐必填字段或修正类型和长度，例如 “/instanceId: required” 表示缺少 instanceId。除文档注明外，字段均为字符串。',
  },
  'result.code': {
    title: 'resultCode 为 000000（newInstance 可为 000004）',
    hint: '只有 000000 表示成功；newInstance 异步开通时可返回 000004，其他接口不可以。000001 通常是验签失败：检查密钥类别（基础接口/通用接口/联营kit）、签名内容是否为原始请求体、内层 HMAC 是否为小写十六进制。',
  },
  'response.body-sign': {
    title: '应答 Body-Sign 头正确（V1 必须携带）',
    hint: 'Body-Sign: sign_type="HMAC-SHA256", signature="<Base64>"，签名为用密钥（V1 为 Key 本身，不拼接 timeStamp）对实际写出的应答体字节做 HMAC-SHA256。V2 默认可不带，但带了就必须正确。',
  },
  'response.appinfo': {
    title: 'V1 appInfo 中的 userName/password 能用 V1 密钥解密',
    hint: '按官方 Java 示例加密：用 SHA1PRNG（以密钥字节为种子）初始化 KeyGenerator("AES") 生成密钥，AES-CBC-PKCS5Padding，输出为 16 位 IV + Base64 密文；encryptType 须与密钥长度一致（1 = AES-256，2 = AES-128）。',
  },
  'instance.idempotent': {
    title: '重发的 newInstance 返回首次的 instanceId',
    hint: '云商店重发 newInstance 时 businessId 每次都不同。请以 orderId + orderLineId（按需：orderId + productId；V1：orderId）做幂等，返回首次生成的 instanceId，不要重复开通。',
  },
  'instance.distinct': {
    title: '不同订单行 / 不同按需产品得到不同实例',
    hint: '一个订单可能对应多个实例：按需商品每个计费项（productId）各发一次 newInstance，orderId 相同。幂等键请用 orderId + orderLineId（按需：orderId + productId），不要只用 orderId。',
  },
  'instance.released': {
    title: 'queryInstance 不返回已释放或不存在的实例',
    hint: '实例释放后买家资源已删除：queryInstance 不能再列出已释放（或从未创建）的 instanceId，更不能返回其登录信息。请返回 000000，info[] 只列出仍存在的实例。',
  },
  'agent.answer': {
    title: 'Agents 后端对签名正确的调用返回 HTTP 2xx（JSON 模式：JSON 对象）',
    hint: '请用 JWT 中 api_key 对应的 SK 以 HS256 校验令牌（从 Authorization 头的 "Bearer " 之后读取），在超时时间内（网关最长 300 秒）返回完整应答；JSON 模式返回 JSON 对象，应答不超过 4 MiB。',
  },
  'agent.sse': {
    title: '流式应答为 text/event-stream，且包含 data: 事件',
    hint: '流式应答请设置 Content-Type: text/event-stream，每个事件写成一行 "data: <JSON>"，以空行结束；usage 放在最后一个事件中。',
  },
  'agent.usage': {
    title: '应答在顶层携带 usage 对象及每个计费数量（流式：在最后一个携带 usage 的事件中）',
    hint: '网关按 usage 对象计费：在业务数据旁放置 "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …}（数值，而非字符串）；流式应答放在最后一个 data: 事件的顶层。',
  },
  'agent.jwt-expired-rejected': {
    title: '后端拒绝 JWT 已过期的调用（HTTP 4xx）',
    hint: '请校验网关 JWT 的有效期：exp（秒）已过时返回 401；java-jwt、jsonwebtoken 等库在验签时会检查有效期。',
  },
  'agent.jwt-forged-rejected': {
    title: '后端拒绝不是用其 SK 签名的 JWT（HTTP 4xx）',
    hint: '请校验网关 JWT 的签名：用 api_key 对应的 SK 对 header.payload 做 HMAC-SHA256，按常量时间比较，不一致时返回 401。',
  },
  'usage.pushed': {
    title: '卖家为按需实例上报了话单，且被云商店接受',
    hint: '按需商品的卖家需要对每个实例计量，并至少每小时调用话单上报接口（AK/SK 签名，另加 signature/ts/nonce 头中的请求体签名）。若已上报，请在日志（koomock 报告，或 GET /_koomock/exchanges?operation=usage.push）中查看被拒绝的原因；若上报间隔长于等待时间，测试时请缩短计量间隔。',
  },
  'order.queried': {
    title: '卖家通过订单查询接口获取了订单',
    hint: 'V2 生产接口只携带 ID：请用 AK/SK 签名调用 GET /api/mkp-openapi-public/global/v1/order/query?orderId=…&orderLineId=… 获取订单详情，测试时把地址指向 koomock。',
  },
  'order.outcome': {
    title: '订单最终处于预期状态',
    hint: '查看该订单各次调用的检查结果，逐项修复第一个失败项。订单为 FAILED 表示重试窗口内 newInstance/upgradeInstance 从未成功，订单已自动退订并退款。',
  },
  'openapi.signature': {
    title: '卖家在该步骤中调用 Open API 的签名校验通过',
    hint: 'koomock 会给出它构造的规范请求（APIG）或待签名字符串（话单推送），并指出与您签名一致的常见错误（例如 missing-trailing-slash：规范 URI 必须以 "/" 结尾）。逐行对比规范请求，修复后重试。',
  },
  'response.instances': {
    title: 'queryInstance 的 info[] 列出了查询的每个实例',
    hint: 'queryInstance 的 instanceId 可以是用英文逗号分隔的多个实例 ID（最多 100 个）：按 "," 拆分，为您持有的每个实例返回一条 info[] 记录 { instanceId, appInfo }。云商店拿不到的实例，买家就看不到它的使用信息。',
  },
  'response.memo': {
    title: 'appInfo.memo 中的非 ASCII 字符以 \\uXXXX 转义',
    hint: '接口文档要求 memo 中的中文以 \\uXXXX 形式发送：请打开 JSON 库的 ASCII 转义选项（如 Jackson 的 ESCAPE_NON_ASCII、Python 的 ensure_ascii=True）。此项为警告。',
  },
  'poll.appinfo': {
    title: '000004 之后轮询到的实例带有 appInfo（缺少时为警告）',
    hint: '轮询在 info[] 列出该实例时结束。没有 appInfo 时买家在控制台看不到登录信息；如果您通过短信或邮件发送登录信息，可以不返回 appInfo，否则请返回 appInfo.frontEndUrl 等字段。',
  },
  'market.timeout': {
    title: 'koomock 故意丢弃了此次应答：模拟云商店侧超时，随后重试',
    hint: '这不是卖家的错误：卖家已处理该请求，但云商店在应答到达前停止等待。重试使用新的 businessId，必须返回第一次创建的同一个实例（按 orderId + orderLineId 幂等）。',
  },
  ...SECURITY_CHECK_MESSAGES_ZH,
  ...OAUTH_CHECK_MESSAGES_ZH,
};

/**
 * Ids without Chinese text (a test keeps this empty).
 * @internal Exported for the tests.
 */
export const missingZh = (): string[] => CHECK_IDS.filter((id) => CHECK_MESSAGES_ZH[id] === undefined);
