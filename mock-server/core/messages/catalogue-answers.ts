/** Sentences of the answer checks (transport, HTTP, body, schema, instance); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const ANSWER_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // transport.reachable
  'reachable.expected-default': { en: 'a connection to the production address', zh: '能连接到生产接口地址' },
  'reachable.expected': { en: 'a connection to {address}', zh: '能连接到 {address}' },
  'reachable.connecting': { en: 'connected or still connecting (then: {error})', zh: '已连接或仍在连接（随后：{error}）' },
  'reachable.refused-with': { en: 'connection refused ({message})', zh: '连接被拒绝（{message}）' },
  'reachable.dns-with': { en: 'host name not found ({message})', zh: '找不到主机名（{message}）' },
  'reachable.tls-with': { en: 'TLS handshake failed ({message})', zh: 'TLS 握手失败（{message}）' },
  'reachable.other-with': { en: 'request could not be sent ({message})', zh: '请求无法发出（{message}）' },
  'reachable.refused': { en: 'connection refused', zh: '连接被拒绝', nested: true },
  'reachable.dns': { en: 'host name not found', zh: '找不到主机名', nested: true },
  'reachable.tls': { en: 'TLS handshake failed', zh: 'TLS 握手失败', nested: true },
  'reachable.other': { en: 'request could not be sent', zh: '请求无法发出', nested: true },
  'reachable.hint.refused': {
    en: 'Nothing accepts connections at the production address: start the seller and check the host and port of the address.',
    zh: '生产接口地址上没有服务接受连接：请启动卖家服务，并检查地址中的主机和端口。',
  },
  'reachable.hint.dns': {
    en: 'The host name of the production address does not resolve: check the spelling (the marketplace requires a domain name).',
    zh: '生产接口地址的主机名无法解析：请检查拼写（云商店要求使用域名）。',
  },
  'reachable.hint.tls': {
    en: 'The TLS handshake failed: the marketplace requires HTTPS with TLS 1.2+ and a CA-issued certificate; for a local certificate pass --ca <file> (or --insecure for a first try).',
    zh: 'TLS 握手失败：云商店要求 HTTPS（TLS 1.2 及以上、CA 签发的证书）；本地证书请用 --ca <文件> 指定（初次试用可加 --insecure）。',
  },
  'reachable.hint.other': {
    en: 'The request could not be sent: check the production address and the network between koomock and the seller.',
    zh: '请求无法发出：请检查生产接口地址，以及 koomock 与卖家服务之间的网络。',
  },
  // transport.timeout
  'timeout.expected': { en: 'a complete answer within {ms} ms', zh: '在 {ms} ms 内返回完整应答' },
  'timeout.no-headers': { en: 'no status line or headers after {ms} ms', zh: '{ms} ms 后仍没有状态行或应答头' },
  'timeout.stalled': {
    en: 'HTTP {status} headers and {bytes} body bytes arrived, but the body was still not complete after {ms} ms',
    zh: '已收到 HTTP {status} 应答头和 {bytes} 字节应答体，但 {ms} ms 后应答体仍不完整',
  },
  'timeout.answered': { en: 'answered in {ms} ms', zh: '{ms} ms 内应答' },
  'timeout.no-answer': { en: 'no answer ({error})', zh: '无应答（{error}）' },
  'timeout.hint.slow': {
    en: 'Answer within the timeout (20 s by default; older EU text says 5 s). Do slow provisioning in the background: newInstance may answer 000004 at once and the marketplace polls queryInstance.',
    zh: '请在超时时间内应答（默认 20 秒，较早的欧洲站文档为 5 秒）。耗时的开通请放到后台执行：newInstance 可以先应答 000004，云商店随后轮询 queryInstance。',
  },
  'timeout.hint.stalled': {
    en: 'The headers arrived but the body never ended: finish the response (res.end(), return from the handler), do not stream or hold the connection open, and do not send a Content-Length larger than the body.',
    zh: '应答头已到达，但应答体一直没有结束：请结束应答（res.end()，或从处理函数返回），不要流式输出或保持连接不关，Content-Length 不要大于实际应答体。',
  },
  // transport.reset
  'reset.expected': { en: 'the connection stays open until the whole answer has arrived', zh: '连接保持到完整应答到达为止' },
  'reset.complete': { en: 'a complete answer', zh: '完整的应答' },
  'reset.none': { en: 'no reset ({error})', zh: '没有被重置（{error}）' },
  'reset.before': { en: 'connection closed before any answer ({detail})', zh: '在任何应答之前连接被关闭（{detail}）' },
  'reset.after': {
    en: 'connection closed after the HTTP {status} headers and {bytes} body bytes ({detail})',
    zh: '在 HTTP {status} 应答头和 {bytes} 字节应答体之后连接被关闭（{detail}）',
  },
  'reset.hint.before': {
    en: 'The seller (or a proxy, gateway or load balancer in front of it) closed the connection without answering: look for a crash or an uncaught exception in the seller log at that time, and for an idle or keep-alive timeout on anything in between.',
    zh: '卖家服务（或其前面的代理、网关、负载均衡）没有应答就关闭了连接：请在卖家日志中查找同一时间的崩溃或未捕获异常，并检查中间各层的空闲或长连接超时。',
  },
  'reset.hint.after': {
    en: 'The answer started but the connection closed before its body was complete: the process crashed while writing, or the Content-Length header is larger than the body. Write the whole body and let the framework set Content-Length.',
    zh: '应答已开始，但应答体完整之前连接被关闭：进程在写应答时崩溃，或 Content-Length 大于实际应答体。请写完整个应答体，由框架设置 Content-Length。',
  },
  // http.redirect
  'redirect.expected': { en: 'HTTP 200 at the production address itself (redirects are not followed)', zh: '生产接口地址本身返回 HTTP 200（不跟随重定向）' },
  'redirect.no-location': { en: 'HTTP {status} without a Location header', zh: 'HTTP {status}，没有 Location 头' },
  'redirect.to': { en: 'HTTP {status} to Location {location}', zh: 'HTTP {status}，Location 为 {location}' },
  'redirect.hint.general': {
    en: 'The marketplace does not follow redirects: configure the final URL as the production address and answer there directly with HTTP 200.',
    zh: '云商店不跟随重定向：请把最终地址配置为生产接口地址，并在该地址直接返回 HTTP 200。',
  },
  'redirect.hint.no-location': {
    en: '{~general} (This answer even lacks a Location header.)',
    zh: '{~general}（这个应答甚至没有 Location 头。）',
  },
  'redirect.hint.login': {
    en: 'A login or single-sign-on layer redirected the call: exempt the produce path from it. Marketplace calls carry their own signature; verify that in the application instead.',
    zh: '登录或单点登录层重定向了这次调用：请对生产接口路径放行。云商店的调用自带签名，请在应用中验签。',
  },
  'redirect.hint.https': {
    en: 'The address redirects HTTP to HTTPS: configure the https address ({url}) as the production address; the marketplace requires HTTPS anyway.',
    zh: '该地址把 HTTP 跳转到 HTTPS：请把 https 地址（{url}）配置为生产接口地址；云商店本来就要求 HTTPS。',
  },
  'redirect.hint.slash': {
    en: 'The framework redirects to add or remove a trailing slash: configure the production address exactly as {path}, or let the route accept both forms.',
    zh: '框架为补全或去掉末尾斜杠而重定向：请把生产接口地址配置为 {path}，或让路由同时接受两种形式。',
  },
  'redirect.hint.loop': {
    en: 'The address redirects to itself: a loop (for example a proxy that rewrites the scheme). Answer the call directly with HTTP 200.',
    zh: '该地址重定向到自身，形成循环（例如改写协议的代理）。请直接以 HTTP 200 应答。',
  },
  // body.size, body.json, body.object
  'size.expected': { en: 'at most {n} bytes (1 MiB)', zh: '不超过 {n} 字节（1 MiB）' },
  'size.bytes': { en: '{n} bytes', zh: '{n} 字节' },
  'size.more': { en: 'more than {n} bytes ({declared}); koomock stopped reading there', zh: '超过 {n} 字节（{declared}）；koomock 在此停止读取' },
  'size.hint': {
    en: 'Produce answers are small JSON objects (well under 1 KiB): the endpoint sent something else, such as a file, a log, an endless stream or a whole object graph. Answer {"resultCode":"000000","resultMsg":"success", …} and nothing more.',
    zh: '生产接口的应答是很小的 JSON 对象（远小于 1 KiB）：该地址发送了别的内容，例如文件、日志、无尽的数据流或整个对象图。请只应答 {"resultCode":"000000","resultMsg":"success", …}。',
  },
  'json.expected': { en: 'JSON text (UTF-8)', zh: 'JSON 文本（UTF-8）' },
  'json.not-utf8': { en: 'bytes that are not valid UTF-8', zh: '不是合法 UTF-8 的字节' },
  'json.hint.utf8': { en: 'Encode the answer as UTF-8 (the interface requires UTF-8; GBK text fails).', zh: '请以 UTF-8 编码应答（接口要求 UTF-8；GBK 文本会判定失败）。' },
  'json.empty': { en: 'an empty body', zh: '空的应答体' },
  'json.hint.empty': { en: 'Answer with a JSON object such as {"resultCode":"000000","resultMsg":"success"}.', zh: '请应答一个 JSON 对象，例如 {"resultCode":"000000","resultMsg":"success"}。' },
  'json.too-deep': { en: 'JSON nested {n} levels deep (koomock reads at most {max})', zh: 'JSON 嵌套 {n} 层（koomock 最多读取 {max} 层）' },
  'json.hint.deep': {
    en: 'Produce answers are flat objects with a few nested fields: answer {"resultCode":…,"resultMsg":…} and the documented fields only.',
    zh: '生产接口的应答是扁平对象，只有少数嵌套字段：请只应答 {"resultCode":…,"resultMsg":…} 和文档中的字段。',
  },
  'json.not-json': { en: 'not JSON ({error}): {text}', zh: '不是 JSON（{error}）：{text}' },
  'json.hint.serialise': {
    en: 'Serialise the answer with a JSON library (not string concatenation), and make sure no HTML error page or log line is written to the response.',
    zh: '请用 JSON 库序列化应答（不要拼接字符串），并确保应答中没有写入 HTML 错误页或日志。',
  },
  'json.hint.small': {
    en: 'Produce answers are small JSON objects: answer {"resultCode":…,"resultMsg":…} and the documented fields only.',
    zh: '生产接口的应答是很小的 JSON 对象：请只应答 {"resultCode":…,"resultMsg":…} 和文档中的字段。',
  },
  // response.schema
  'schema.expected': { en: 'an answer valid against {schema}', zh: '符合 {schema} 的应答' },
  'schema.valid': { en: 'valid', zh: '符合' },
  'schema.none': { en: 'koomock has no such schema', zh: 'koomock 没有这个 Schema' },
  'schema.hint.none': {
    en: 'This is a gap in koomock, not a seller mistake: the answer was not schema-checked. Please report it.',
    zh: '这是 koomock 的缺漏，不是卖家的错误：应答没有经过结构校验。请报告这个问题。',
  },
  'schema.hint.result-code': {
    en: 'Send resultCode as a JSON string of six digits, e.g. "000000": a JSON number (0) loses the leading zeros and is not a result code.',
    zh: '请把 resultCode 作为 6 位数字的 JSON 字符串发送，例如 "000000"：JSON 数字（0）会丢掉前导零，不是结果码。',
  },
  'schema.hint.required': { en: 'Add {field} to the answer; it is mandatory for this activity.', zh: '请在应答中加上 {field}；该接口必须返回它。' },
  'schema.hint.type': {
    en: 'Send {field} with the documented type ({~message}); produce fields are strings unless documented otherwise.',
    zh: '请按文档中的类型发送 {field}（{~message}）；除文档注明外，生产接口的字段均为字符串。',
  },
  'schema.hint.shorten': { en: 'Shorten {field}: {~message}.', zh: '请缩短 {field}：{~message}。' },
  'schema.hint.form': { en: 'Send {field} in the documented form: {~message}.', zh: '请按文档中的格式发送 {field}：{~message}。' },
  'schema.hint.fix': { en: 'Fix {field}: {~message}.', zh: '请修正 {field}：{~message}。' },
  'schema.more': { en: '{~shown}; and {n} more', zh: '{~shown}；另有 {n} 处' },
  // instance.idempotent, instance.released
  'idempotent.first': { en: 'the first instanceId for {key}', zh: '{key} 的第一个 instanceId' },
  'idempotent.again': { en: 'instanceId {value} again for {key}', zh: '{key} 再次得到 instanceId {value}' },
  'idempotent.none': { en: '(no instanceId; see response.schema)', zh: '（没有 instanceId；见 response.schema）' },
  'idempotent.hint': {
    en: 'The marketplace re-sends newInstance with a new businessId. Key idempotency on orderId + orderLineId (on-demand: orderId + productId; V1: orderId), and return the instanceId issued first instead of creating another instance.',
    zh: '云商店会用新的 businessId 重发 newInstance。请以 orderId + orderLineId（按需：orderId + productId；V1：orderId）作为幂等键，返回最先生成的 instanceId，而不是再创建一个实例。',
  },
  'released.hint': {
    en: "After releaseInstance the buyer's resources are gone: queryInstance must not list a released (or never created) instanceId, and above all must not hand out its login details. Answer 000000 and leave it out of info[] (info[] lists only the ids that still exist).",
    zh: 'releaseInstance 之后买家的资源已不存在：queryInstance 不能列出已释放（或从未创建）的 instanceId，更不能给出其登录信息。请应答 000000，并把它从 info[] 中去掉（info[] 只列出仍存在的 ID）。',
  },
  'released.no-answer': { en: 'no answer', zh: '无应答' },
  'released.none-listed': { en: 'resultCode {code}, none of them listed', zh: 'resultCode {code}，均未列出' },
  // response.body-sign
  'body-sign.if-sent': { en: '{format}, if sent', zh: '{format}（如果携带）' },
  'body-sign.optional': { en: '(not sent; optional under bodySign=present)', zh: '（未携带；bodySign=present 时可不带）' },
  'body-sign.missing': { en: '(missing)', zh: '（缺失）' },
  'body-sign.valid': { en: 'a valid signature', zh: '签名正确' },
  'body-sign.too-large': { en: 'a body too large to verify', zh: '应答体过大，无法验签' },
  'body-sign.hint.too-large': { en: 'Produce answers are small JSON objects: send the body you signed, nothing more.', zh: '生产接口的应答是很小的 JSON 对象：请只发送你签过名的应答体。' },
  'body-sign.hint.v1': {
    en: 'V1 answers must carry Body-Sign: HMAC-SHA256 over the exact body bytes with the plain V1 Key (not Key + timeStamp), Base64, both values in double quotes.',
    zh: 'V1 应答必须携带 Body-Sign：用 V1 Key 本身（不拼接 timeStamp）对应答体原始字节做 HMAC-SHA256，Base64 编码，两个值都放在双引号中。',
  },
  'body-sign.hint.strict': {
    en: 'This run requires Body-Sign on V2 answers (profile bodySign=strict): HMAC-SHA256 over the exact body bytes with the key that signed the request, Base64.',
    zh: '本次运行要求 V2 应答携带 Body-Sign（配置 bodySign=strict）：用签名请求的密钥对应答体原始字节做 HMAC-SHA256，Base64 编码。',
  },
  'body-sign.mismatch': {
    en: 'Body-Sign signature does not match Base64(HMAC-SHA256(accessKey, the exact response body bytes)): sign the bytes you write, with the plain Key.',
    zh: 'Body-Sign 签名与 Base64(HMAC-SHA256(accessKey, 应答体原始字节)) 不一致：请用 Key 本身对实际写出的字节签名。',
  },
  // usage.pushed
  'usage.expected': {
    en: 'at least one usage record for on-demand instance {instanceId} accepted by the usage push API within {s} s',
    zh: '{s} 秒内话单上报接口至少接受一条按需实例 {instanceId} 的话单',
  },
  'usage.none': { en: 'no accepted usage record for it', zh: '没有被接受的话单' },
  'usage.hint': {
    en: 'An on-demand seller meters each instance and pushes usage (POST /api/mkp-openapi-public/global/v1/isv/usage-data, AK/SK signed, plus the body signature in the signature/ts/nonce headers) at least hourly. If it pushed, the journal (koomock report, or GET /_koomock/exchanges?operation=usage.push) shows why the push was refused; if it pushes less often than the wait, run the scenario with a shorter metering interval.',
    zh: '按需商品的卖家需要对每个实例计量，并至少每小时上报一次话单（POST /api/mkp-openapi-public/global/v1/isv/usage-data，AK/SK 签名，另在 signature/ts/nonce 头中携带请求体签名）。若已上报，可在日志（koomock 报告，或 GET /_koomock/exchanges?operation=usage.push）中查看被拒绝的原因；若上报间隔长于等待时间，测试时请缩短计量间隔。',
  },
};
