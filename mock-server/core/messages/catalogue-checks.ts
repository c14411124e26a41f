/** Expected/received/hint sentences of the checks (core/checks, core/produce); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const CHECK_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // result.code (core/checks/result-code.ts): the meaning of a code after the quoted code.
  'result-code.pending-allowed': { en: '"000000" (or "000004" = provisioning in progress)', zh: '"000000"（或 "000004" = 正在开通）' },
  'result-code.received-msg': { en: '{code} ({~meaning}), resultMsg {msg}', zh: '{code}（{~meaning}），resultMsg {msg}' },
  'result-code.received-meaning': { en: '{code} ({~meaning})', zh: '{code}（{~meaning}）' },
  'result-code.received-only-msg': { en: '{code}, resultMsg {msg}', zh: '{code}，resultMsg {msg}' },
  'code.000000': { en: 'success', zh: '成功', nested: true },
  'code.000001': { en: 'authentication failed', zh: '鉴权失败', nested: true },
  'code.000002': { en: 'invalid parameter', zh: '参数不合法', nested: true },
  'code.000003': { en: 'instance does not exist', zh: '实例不存在', nested: true },
  'code.000004': { en: 'in progress', zh: '处理中', nested: true },
  'code.000005': { en: 'internal error', zh: '内部错误', nested: true },
  'code.000100': { en: 'no instance resources', zh: '无可用实例资源', nested: true },
  'code.000101': { en: 'mobile number missing or duplicate', zh: '手机号缺失或重复', nested: true },
  'code.000102': { en: 'email missing or duplicate', zh: '邮箱缺失或重复', nested: true },
  'code.000103': { en: 'cannot be purchased twice', zh: '不能重复购买', nested: true },
  'code.000104': { en: 'product internal service error', zh: '产品内部服务错误', nested: true },
  'code.000105': { en: 'already subscribed', zh: '已订购', nested: true },
  'code.000106': { en: 'sold out', zh: '已售罄', nested: true },
  'code.000107': { en: 'email domain already exists', zh: '邮箱域名已存在', nested: true },
  'result-code.hint.000001': {
    en: "The seller rejected koomock's signature. Check the key category (basic for V2 calls, general for orderNotify, kit for /produceAPI/v2/*), HMAC the exact body bytes (or sort the top-level keys when re-serialising), lower-case hex for the inner HMAC, and compare case-insensitively.",
    zh: '卖家服务拒绝了 koomock 的签名。请检查密钥类别（V2 调用用基础接口密钥，orderNotify 用通用接口密钥，/produceAPI/v2/* 用联营kit密钥），对原始请求体字节做 HMAC（重新序列化时按顶层键排序），内层 HMAC 用小写十六进制，比较签名时不区分大小写。',
  },
  'result-code.hint.000002': {
    en: 'The seller judged a parameter invalid. Check the timestamp window (milliseconds, 60 s), that nonce and timestamp are read from the URL query, and the required body fields.',
    zh: '卖家服务判定某个参数不合法。请检查时间戳窗口（毫秒，60 秒）、nonce 和 timestamp 是否从 URL 查询参数读取，以及请求体的必填字段。',
  },
  'result-code.hint.000003': {
    en: 'The seller does not know this instanceId: keep the instanceId it returned from newInstance, and treat repeated release/freeze calls for a gone instance as success.',
    zh: '卖家服务不认识这个 instanceId：请保存 newInstance 返回的 instanceId；对已不存在的实例重复释放、冻结时按成功处理。',
  },
  'result-code.hint.000004': {
    en: 'Only newInstance may answer 000004 (provisioning in progress); answer 000000 for this activity once it is done.',
    zh: '只有 newInstance 可以应答 000004（正在开通）；该接口请在处理完成后应答 000000。',
  },
  'result-code.hint.000005': { en: 'The seller reported an internal error: see its logs.', zh: '卖家服务报告了内部错误：请查看其日志。' },
  'result-code.hint.missing': {
    en: 'Put resultCode (a 6-digit string) and resultMsg at the top level of the answer.',
    zh: '请在应答的顶层放置 resultCode（6 位数字字符串）和 resultMsg。',
  },
  'result-code.hint.not-string': { en: 'resultCode must be a JSON string such as "000000", not {what}.', zh: 'resultCode 必须是 JSON 字符串，例如 "000000"，而不是 {what}。' },
  'result-code.hint.other': {
    en: 'Only 000000 counts as success; any other code fails the call and the marketplace retries it.',
    zh: '只有 000000 表示成功；其他任何结果码都会使调用失败，云商店会重试。',
  },
  // order.queried (core/checks/order-queried.ts).
  'order-queried.expected-line': {
    en: 'GET …/order/query for orderId {orderId} / orderLineId {orderLineId} within the call (+{ms} ms)',
    zh: '在调用期间（及其后 {ms} ms 内）以 orderId {orderId} / orderLineId {orderLineId} 调用 GET …/order/query',
  },
  'order-queried.expected': { en: 'GET …/order/query for orderId {orderId} within the call (+{ms} ms)', zh: '在调用期间（及其后 {ms} ms 内）以 orderId {orderId} 调用 GET …/order/query' },
  'order-queried.received-ok': { en: 'queried', zh: '已查询' },
  'order-queried.received': { en: 'no order query for this order in that time', zh: '在这段时间内没有该订单的订单查询' },
  'order-queried.hint': {
    en: 'V2 produce calls carry only ids: fetch the details with GET /api/mkp-openapi-public/global/v1/order/query?orderId=…&orderLineId=… (AK/SK-signed), pointed at koomock instead of mkt.myhuaweicloud.com.',
    zh: 'V2 生产接口只携带 ID：请用 AK/SK 签名调用 GET /api/mkp-openapi-public/global/v1/order/query?orderId=…&orderLineId=… 获取订单详情，测试时把地址从 mkt.myhuaweicloud.com 改为指向 koomock。',
  },
  // order.outcome (core/checks/order-outcome.ts).
  'order-outcome.expected': { en: 'order {orderId} in state {state}', zh: '订单 {orderId} 的状态为 {state}' },
  'order-outcome.hint': {
    en: 'See the attempts of the calls for this order: the first failing check of each attempt says what to change.',
    zh: '请查看该订单各次调用的尝试：每次尝试中第一个失败的检查项说明了要修改什么。',
  },
  'order-outcome.hint-gave-up': {
    en: 'The marketplace gave up: no attempt of newInstance/upgradeInstance succeeded within the retry window, so the order failed and was unsubscribed with a refund. Fix the first failing check of the attempts.',
    zh: '云商店已放弃：重试期内 newInstance/upgradeInstance 没有一次尝试成功，订单失败并退订退款。请先修复各次尝试中第一个失败的检查项。',
  },
  'order-outcome.hint-unknown': { en: 'koomock has no such order: check the orderId of the scenario.', zh: 'koomock 中没有这个订单：请检查场景中的 orderId。' },
  // order.outcome after the marketplace gave up (core/scenario/run/call-checks.ts) and the failures it quotes (core/produce/call-outcome.ts).
  'order-outcome.failed-refund': {
    en: 'FAILED and unsubscribed automatically, refund {amount} recorded: {n} attempt(s) of {activity} over {min} min, none succeeded; last attempt: {~failures}',
    zh: 'FAILED，已自动退订并记录退款 {amount}：{activity} 在 {min} 分钟内共 {n} 次尝试，均未成功；最后一次：{~failures}',
  },
  'order-outcome.failed': {
    en: 'FAILED and unsubscribed automatically: {n} attempt(s) of {activity} over {min} min, none succeeded; last attempt: {~failures}',
    zh: 'FAILED，已自动退订：{activity} 在 {min} 分钟内共 {n} 次尝试，均未成功；最后一次：{~failures}',
  },
  'failure.one': { en: '{id}: expected {~expected}, received {~received}', zh: '{id}：期望 {~expected}，实际 {~received}', nested: true },
  'failure.more': { en: '{~first}; {~rest}', zh: '{~first}；{~rest}', nested: true },
  'failure.none': { en: 'no check failed', zh: '没有失败的检查项' },
  // http.content-type (core/checks/http-content-type.ts).
  'content-type.expected': { en: 'application/json (optionally with ;charset=UTF-8)', zh: 'application/json（可带 ;charset=UTF-8）' },
  'content-type.hint.missing': {
    en: 'Send a Content-Type header: application/json;charset=UTF-8 (express: res.json(); Spring: produces = "application/json").',
    zh: '请发送 Content-Type 头：application/json;charset=UTF-8（express：res.json()；Spring：produces = "application/json"）。',
  },
  'content-type.hint': {
    en: 'Send Content-Type: application/json;charset=UTF-8 even for error answers; text/plain or text/html fails the call.',
    zh: '请发送 Content-Type: application/json;charset=UTF-8，错误应答也一样；text/plain 或 text/html 都会使调用失败。',
  },
  // instance.released (core/checks/instance-released.ts).
  'released.expected': { en: 'no info[] entry for {~gone} (left out of info[])', zh: 'info[] 中没有{~gone}的条目（应从 info[] 中去掉）' },
  'released.gone-more': { en: '{~first}, {~rest}', zh: '{~first}、{~rest}', nested: true },
  'released.gone': { en: '{~why} instance {instanceId}', zh: '{~why}实例 {instanceId}', nested: true },
  'released.why-released': { en: 'released', zh: '已释放的', nested: true },
  'released.why-unknown': { en: 'unknown', zh: '未知的', nested: true },
  'released.lists-more': { en: '{~listed} (and {n} more)', zh: '{~listed}（另有 {n} 个）' },
  'released.lists-login': {
    en: 'info[] lists the {~why} instance {instanceId} with appInfo (login details), resultCode {code}',
    zh: 'info[] 列出了{~why}实例 {instanceId}，且带有 appInfo（登录信息），resultCode {code}',
  },
  'released.lists': { en: 'info[] lists the {~why} instance {instanceId}, resultCode {code}', zh: 'info[] 列出了{~why}实例 {instanceId}，resultCode {code}' },
  // expect.field present/absent (core/scenario/run/expect.ts).
  'expect.field.present': { en: '{path} present', zh: '{path} 存在' },
  'expect.field.absent': { en: '{path} absent', zh: '{path} 不存在' },
  'expect.field.present-hint': {
    en: "the answer has no {path}: see the step's response.schema check and the answer",
    zh: '应答中没有 {path}：请查看该步骤的 response.schema 检查项和应答',
  },
  'expect.field.absent-hint': { en: 'the answer should not carry {path}', zh: '应答不应携带 {path}' },
  // poll.appinfo (core/checks/poll-appinfo.ts) and response.instances (core/checks/response-instances.ts).
  'poll-appinfo.expected': { en: 'info[] lists {instanceId} with appInfo (frontEndUrl and login details)', zh: 'info[] 列出 {instanceId}，且带有 appInfo（frontEndUrl 和登录信息）' },
  'poll-appinfo.present': { en: 'appInfo present', zh: '带有 appInfo' },
  'poll-appinfo.missing': { en: 'info[] lists {instanceId} without appInfo', zh: 'info[] 列出了 {instanceId}，但没有 appInfo' },
  'poll-appinfo.hint': {
    en: 'Accepted: the buyer sees no login details in the console. Send appInfo.frontEndUrl (and userName/password if any) unless you deliver them by SMS or e-mail.',
    zh: '可以接受：但买家在控制台看不到登录信息。除非通过短信或邮件交付，请返回 appInfo.frontEndUrl（以及 userName/password，如有）。',
  },
  'instances.expected': { en: 'info[] with one entry per queried instance: {ids}', zh: 'info[] 中每个被查询的实例各有一个条目：{ids}' },
  'instances.ok-one': { en: '{n} entry, every queried instance listed', zh: '{n} 个条目，每个被查询的实例都已列出' },
  'instances.ok': { en: '{n} entries, every queried instance listed', zh: '{n} 个条目，每个被查询的实例都已列出' },
  'instances.missing': { en: 'missing: {ids}', zh: '缺少：{ids}' },
  'instances.hint': {
    en: 'queryInstance sends one instanceId or several separated by commas (at most 100): split it on "," and answer one info[] entry { instanceId, appInfo } for every instance you hold. The marketplace shows the buyer nothing for an instance it does not get back.',
    zh: 'queryInstance 发送一个 instanceId，或以逗号分隔的多个（最多 100 个）：请按 "," 拆分，并为你持有的每个实例应答一个 info[] 条目 { instanceId, appInfo }。没有返回的实例，云商店不会向买家展示任何信息。',
  },
  // result.code of changeInstanceCheck and definitive refusals (core/checks/result-code.ts).
  'result-code.change-expected': { en: '"000000" to allow the change, another code to refuse it', zh: '"000000" 表示允许变更，其他结果码表示拒绝' },
  'result-code.change-refused': { en: '{~received}: the seller refuses this change', zh: '{~received}：卖家服务拒绝了这次变更' },
  'result-code.hint.definitive': {
    en: '{code} is a definitive refusal of the order ({~meaning}): the order fails and the buyer is refunded. Answer it only when your service really cannot provision this order (profile definitiveCodes says whether koomock retries it).',
    zh: '{code} 表示明确拒绝该订单（{~meaning}）：订单失败，买家获得退款。只有服务确实无法开通该订单时才应答它（配置项 definitiveCodes 决定 koomock 是否重试）。',
  },
  'code.refused': { en: 'refused', zh: '拒绝', nested: true },
  // market.timeout (core/checks/market-timeout.ts) and instance.distinct (core/checks/instance-distinct.ts).
  'market-timeout.expected': {
    en: 'the marketplace stops waiting for this attempt (a timeout on its side, made by koomock)',
    zh: '云商店不再等待这次尝试（由 koomock 制造的平台侧超时）',
  },
  'market-timeout.received': {
    en: 'attempt {n}: the answer arrived and was dropped; the marketplace retries with a new businessId, and the retry must return the same instance',
    zh: '第 {n} 次尝试：应答已到达但被丢弃；云商店用新的 businessId 重试，重试必须返回同一个实例',
  },
  'distinct.expected': { en: '{n} different instanceIds, one per order line / product', zh: '{n} 个不同的 instanceId，每个订单行 / 产品一个' },
  'distinct.received': { en: '{n} different instanceIds', zh: '{n} 个不同的 instanceId' },
  'distinct.hint': {
    en: 'One order can carry several instances: for on-demand products the marketplace sends one newInstance per productId with the same orderId. Key idempotency on orderId + orderLineId (on-demand: orderId + productId), not on orderId alone.',
    zh: '一个订单可以包含多个实例：按需产品的每个 productId，云商店都会用同一个 orderId 发送一次 newInstance。请以 orderId + orderLineId（按需：orderId + productId）作为幂等键，而不是只用 orderId。',
  },
  // order.queried for a re-send the seller answers from its records (core/scenario/run/call-checks.ts).
  'order-queried.unless-fetched': { en: '{~expected}, unless the seller already fetched this order line', zh: '{~expected}，除非卖家服务之前已获取过该订单行' },
  'order-queried.fetched-before': {
    en: 'not queried again: the seller fetched this order line in {step} and answers the re-send from its own records',
    zh: '没有再次查询：卖家服务已在 {step} 中获取过该订单行，重发的调用按自己的记录应答',
  },
  // body.json compressed, response.memo.
  'json.encoded': {
    en: 'a body with Content-Encoding: {encoding} (koomock, like the marketplace, sends no Accept-Encoding and reads the body as sent)',
    zh: '带 Content-Encoding: {encoding} 的应答体（koomock 与云商店一样不发送 Accept-Encoding，按原样读取应答体）',
  },
  'json.hint.encoded': {
    en: 'Do not compress answers of the production interface: the marketplace does not ask for it. Turn compression off for this path (e.g. the compression middleware of Express or Spring server.compression.enabled) or honour Accept-Encoding.',
    zh: '不要压缩生产接口的应答：云商店并没有要求压缩。请对该路径关闭压缩（例如 Express 的 compression 中间件，或 Spring 的 server.compression.enabled），或遵循 Accept-Encoding。',
  },
  'memo.expected': { en: 'appInfo.memo with every non-ASCII character written as a \\uXXXX escape', zh: 'appInfo.memo 中每个非 ASCII 字符都写成 \\uXXXX 转义' },
  'memo.hint': {
    en: 'Escape non-ASCII characters of memo as \\uXXXX (e.g. "\\u5f00\\u901a"): most JSON libraries have an ASCII-only option (Jackson JsonGenerator.Feature.ESCAPE_NON_ASCII, Python ensure_ascii=True).',
    zh: '请把 memo 中的非 ASCII 字符转义为 \\uXXXX（例如 "\\u5f00\\u901a"）：多数 JSON 库都有只输出 ASCII 的选项（Jackson JsonGenerator.Feature.ESCAPE_NON_ASCII，Python ensure_ascii=True）。',
  },
};
