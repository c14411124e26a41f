/**
 * Rarer sentences of the answer checks: HTTP protocol and status, the shape of the body, V1 appInfo
 * encryption, Body-Sign and Open API signature diagnoses, the kit clientSecret and the transport
 * give-up notes; see catalogue.ts for the template syntax.
 */
import type { MessageEntry } from './message-entry.js';

/*
 * The OAEP variants and the sentence naming the others, as core/signing/kit/rsa-oaep.ts writes them
 * (written out here so that the catalogue stays free of node:crypto for the web console; the test
 * of the rarer sentences puts the kit hint of every variant through it).
 */
const OAEP_EN = { sha256: 'SHA-256/MGF1-SHA-256', 'sha256-mgf1-sha1': "SHA-256/MGF1-SHA-1 (Java's OAEPWithSHA-256AndMGF1Padding defaults)", sha1: 'SHA-1/MGF1-SHA-1' } as const;
const OAEP_ZH: Readonly<Record<keyof typeof OAEP_EN, string>> = {
  sha256: 'SHA-256/MGF1-SHA-256',
  'sha256-mgf1-sha1': 'SHA-256/MGF1-SHA-1（Java OAEPWithSHA-256AndMGF1Padding 的默认值）',
  sha1: 'SHA-1/MGF1-SHA-1',
};
const OAEP_HASHES = Object.keys(OAEP_EN) as (keyof typeof OAEP_EN)[];

const OAEP_SENTENCES: Readonly<Record<string, MessageEntry>> = Object.fromEntries(
  OAEP_HASHES.flatMap((v) => {
    const others = OAEP_HASHES.filter((o) => o !== v);
    return [
      [`oaep.variant.${v}`, { en: OAEP_EN[v], zh: OAEP_ZH[v], nested: true }],
      [
        `oaep.others.${v}`,
        {
          en: `the other OAEP variants are ${others.map((o) => `${o} = ${OAEP_EN[o]}`).join(', ')} (profile option oaepHash; see docs/joint-operation.md#the-oaep-variant).`,
          zh: `其他 OAEP 变体为 ${others.map((o) => `${o} = ${OAEP_ZH[o]}`).join('、')}（配置项 oaepHash；见 docs/joint-operation.md#the-oaep-variant）。`,
          nested: true,
        },
      ],
    ];
  }),
);

export const PROTOCOL_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  ...OAEP_SENTENCES,
  // http.protocol (core/checks/http-protocol.ts).
  'protocol.expected': { en: 'a well-formed HTTP/1.1 answer', zh: '格式正确的 HTTP/1.1 应答' },
  'protocol.received-after': { en: 'not HTTP/1.1 after the HTTP {status} headers: {message}', zh: '在 HTTP {status} 应答头之后不再是合法的 HTTP/1.1：{message}' },
  'protocol.received': { en: 'not HTTP/1.1: {message}', zh: '不是合法的 HTTP/1.1：{message}' },
  'protocol.hint': {
    en: 'Let the web framework write the status line and headers: no control characters in header values, no spaces in header names, a Content-Length equal to the body length (none on 204/304), a status code from 100 to 599. If another (non-HTTP) service listens at the address, point the production address at the seller.',
    zh: '请让 Web 框架写状态行和应答头：应答头的值中不能有控制字符，应答头名称中不能有空格，Content-Length 必须等于应答体长度（204/304 不带），状态码在 100 到 599 之间。如果该地址上监听的是别的（非 HTTP）服务，请把生产接口地址指向卖家服务。',
  },
  // http.status (core/checks/http-status.ts).
  'status.received-body': { en: '{status}, body {text}', zh: '{status}，应答体 {text}' },
  'status.hint.redirect': {
    en: 'The marketplace does not follow redirects: configure the final URL as the production address (https, no trailing redirect), and answer there directly.',
    zh: '云商店不跟随重定向：请把最终地址配置为生产接口地址（https，不再跳转），并在该地址直接应答。',
  },
  'status.hint.auth': {
    en: 'Something in front of the produce endpoint demanded authentication: let marketplace calls through (they carry their own signature) and verify the signature in the application.',
    zh: '生产接口前面的某一层要求身份认证：请对云商店的调用放行（调用自带签名），并在应用中验签。',
  },
  'status.hint.404': {
    en: 'No route at this path: the marketplace calls the production address exactly as configured (kit calls add /produceAPI/v2/<operation>).',
    zh: '该路径上没有路由：云商店严格按配置的生产接口地址调用（联营kit调用在其后加 /produceAPI/v2/<operation>）。',
  },
  'status.hint.405': {
    en: 'The route does not accept this method: V2 and kit calls are POST, V1 calls are GET.',
    zh: '该路由不接受这个请求方法：V2 和联营kit调用为 POST，V1 调用为 GET。',
  },
  'status.hint.body': {
    en: 'The endpoint rejected the body or its Content-Type: accept application/json (charset utf8 or utf-8).',
    zh: '该地址拒绝了请求体或其 Content-Type：请接受 application/json（charset 为 utf8 或 utf-8）。',
  },
  'status.hint.5xx': {
    en: 'The seller failed while handling the call: see its logs. Report business errors as HTTP 200 with a resultCode (e.g. 000005), not as a 5xx.',
    zh: '卖家服务处理调用时出错：请查看其日志。业务错误请以 HTTP 200 加 resultCode（例如 000005）返回，不要返回 5xx。',
  },
  'status.hint.other': {
    en: 'Answer every produce call with HTTP 200 and report errors in resultCode.',
    zh: '所有生产接口调用都请以 HTTP 200 应答，错误通过 resultCode 返回。',
  },
  // body.object (core/checks/body-object.ts).
  'object.expected': { en: 'a JSON object {"resultCode": …, "resultMsg": …}', zh: 'JSON 对象 {"resultCode": …, "resultMsg": …}' },
  'object.ok': { en: 'a JSON object', zh: 'JSON 对象' },
  'object.array': { en: 'a JSON array of {n} item(s): {value}', zh: '含 {n} 个元素的 JSON 数组：{value}' },
  'object.string': { en: 'a JSON string: {value}', zh: 'JSON 字符串：{value}' },
  'object.other': { en: 'a JSON {type}: {value}', zh: 'JSON {type}：{value}' },
  'object.hint.array': {
    en: 'Answer the object itself, not an array around it: {"resultCode":"000000","resultMsg":"success", …}.',
    zh: '请直接应答对象本身，不要在外面包一层数组：{"resultCode":"000000","resultMsg":"success", …}。',
  },
  'object.hint.twice': {
    en: 'The object was serialised twice (a JSON string holding JSON): return the object and let the framework serialise it once, or write the JSON text without encoding it again.',
    zh: '对象被序列化了两次（JSON 字符串里装着 JSON）：请返回对象本身，由框架序列化一次；或直接写出 JSON 文本，不要再编码一次。',
  },
  'object.hint': {
    en: 'The answer must be a JSON object with resultCode and resultMsg at its top level, e.g. {"resultCode":"000000","resultMsg":"success"}.',
    zh: '应答必须是顶层带 resultCode 和 resultMsg 的 JSON 对象，例如 {"resultCode":"000000","resultMsg":"success"}。',
  },
  // response.appinfo: V1 appInfo encryption (core/checks/response-appinfo.ts, core/signing/v1/aes.ts).
  'appinfo.expected': {
    en: 'appInfo.userName/password as IV (16 chars) + Base64(AES-CBC ciphertext) under the V1 key and encryptType',
    zh: 'appInfo.userName/password 为 IV（16 个字符）+ Base64(AES-CBC 密文)，使用 V1 Key 和 encryptType 加密',
  },
  'appinfo.none': { en: '(no appInfo)', zh: '（没有 appInfo）' },
  'appinfo.no-fields': { en: 'appInfo without userName/password', zh: 'appInfo 中没有 userName/password' },
  'appinfo.decrypt': { en: '{n} field(s) decrypt', zh: '{n} 个字段可以解密' },
  'appinfo.encrypt-type': { en: 'encryptType {value}', zh: 'encryptType 为 {value}' },
  'appinfo.hint.encrypt-type': {
    en: 'Send encryptType "1" (AES-256-CBC, the default) or "2" (AES-128-CBC) as a string, matching how userName and password were encrypted.',
    zh: '请以字符串发送 encryptType："1"（AES-256-CBC，默认）或 "2"（AES-128-CBC），与 userName 和 password 实际的加密方式一致。',
  },
  'appinfo.not-string': { en: '{path} = {value} does not decrypt (not a string)', zh: '{path} = {value} 无法解密（不是字符串）' },
  'appinfo.not-decrypt': { en: '{path} = {value} does not decrypt: {~detail}', zh: '{path} = {value} 无法解密：{~detail}' },
  'appinfo.hint': {
    en: 'Encrypt with the V1 key as the Java sample does: SecureRandom.getInstance("SHA1PRNG") seeded with the key bytes feeds KeyGenerator("AES").init(256); put the 16-character IV in front of the Base64 ciphertext; encryptType must name the key size used (1 = AES-256, 2 = AES-128).',
    zh: '请按 Java 示例代码用 V1 Key 加密：以 Key 字节为种子的 SecureRandom.getInstance("SHA1PRNG") 供给 KeyGenerator("AES").init(256)；把 16 个字符的 IV 放在 Base64 密文之前；encryptType 必须与所用密钥长度一致（1 = AES-256，2 = AES-128）。',
  },
  'aes.encrypt-type': { en: 'encryptType must be "1" (AES-256) or "2" (AES-128), got {value}.', zh: 'encryptType 必须为 "1"（AES-256）或 "2"（AES-128），实际为 {value}。', nested: true },
  'aes.short': {
    en: 'expected a 16-character IV followed by Base64 ciphertext, got {n} characters.',
    zh: '应为 16 个字符的 IV 加 Base64 密文，实际只有 {n} 个字符。',
    nested: true,
  },
  'aes.not-base64': { en: 'the text after the 16-character IV is not Base64.', zh: '16 个字符的 IV 之后的文本不是 Base64。', nested: true },
  'aes.block': {
    en: 'the ciphertext is {n} bytes: AES-CBC ciphertext is a multiple of 16 bytes.',
    zh: '密文为 {n} 字节：AES-CBC 密文长度必须是 16 字节的整数倍。',
    nested: true,
  },
  'aes.failed': {
    en: 'decryption failed (bad padding or not UTF-8): check the access key and encryptType ({type} = {aes}).',
    zh: '解密失败（填充错误或不是 UTF-8）：请检查 Key 和 encryptType（{type} = {aes}）。',
    nested: true,
  },
  // response.body-sign: the lines of its hint (core/checks/response-body-sign.ts).
  'body-sign.lines': { en: '{~first}\n{~rest}', zh: '{~first}\n{~rest}' },
  'body-sign.signed-bytes': { en: 'koomock signed the exact {n} body bytes it received, with the plain key', zh: 'koomock 用 Key 本身对收到的 {n} 字节应答体原样签名', nested: true },
  'body-sign.v2-optional': { en: 'V2 answers need no Body-Sign: send a correct one or none.', zh: 'V2 应答不需要 Body-Sign：要么发送正确的，要么不发送。', nested: true },
  'mistake.likely': { en: 'likely mistake {id}: {en} ({zh})', zh: '可能的错误 {id}：{zh}', nested: true },
  // response.memo (core/checks/response-memo.ts).
  'memo.ascii': { en: 'ASCII memo', zh: 'memo 只含 ASCII 字符' },
  'memo.escaped': { en: 'escaped', zh: '已转义' },
  'memo.raw': { en: '{paths} holds raw non-ASCII: {value}', zh: '{paths} 含有未转义的非 ASCII 字符：{value}' },
  // openapi.signature (core/checks/openapi-signature.ts).
  'openapi-signature.expected-apig': {
    en: 'Open API calls signed with SDK-HMAC-SHA256 and the seller AK/SK over the canonical request below (open-api.md §2)',
    zh: '开放接口调用用卖家 AK/SK 对下方的规范请求做 SDK-HMAC-SHA256 签名（open-api.md §2）',
  },
  'openapi-signature.expected-usage': {
    en: 'usage push signature = base64(HMAC-SHA256(usage key, "ts={ts}&nonce={nonce}&body={raw body}")) (docs/fidelity.md#d26)',
    zh: '话单上报签名 = base64(HMAC-SHA256(话单密钥, "ts={ts}&nonce={nonce}&body={raw body}"))（docs/fidelity.md#d26）',
  },
  'openapi-signature.received-times': { en: '{operation} refused ({answer}) {n} times: {~matches}', zh: '{operation} 被拒绝（{answer}）{n} 次：{~matches}' },
  'openapi-signature.received-answer': { en: '{operation} refused ({answer}): {~matches}', zh: '{operation} 被拒绝（{answer}）：{~matches}' },
  'openapi-signature.received': { en: '{operation} refused: {~matches}', zh: '{operation} 被拒绝：{~matches}' },
  'openapi-signature.no-mistake': { en: 'no known mistake reproduces the signature sent', zh: '没有已知错误能复现收到的签名', nested: true },
  'openapi-signature.matches': { en: 'the signature sent matches {ids}', zh: '收到的签名与已知错误 {ids} 一致', nested: true },
  'openapi-signature.hint-apig': {
    en: "compare your canonical request with koomock's line by line (koomock sign apig prints it), and sign with the SK as the HMAC key; canonical request koomock built (line breaks shown as |): {canonical}",
    zh: '请把你的规范请求与 koomock 的逐行对比（`koomock sign apig` 会打印它），并以 SK 作为 HMAC 密钥签名；koomock 构造的规范请求（换行显示为 |）：{canonical}',
  },
  'openapi-signature.hint-usage': {
    en: 'sign exactly the bytes you send, with the usage key, and Base64 the HMAC; text koomock signed: {canonical}',
    zh: '请用话单密钥对实际发送的字节签名，并对 HMAC 做 Base64 编码；koomock 签名的文本：{canonical}',
  },
  'openapi-signature.hint-mistakes-apig': {
    en: '{~mistakes}; canonical request koomock built (line breaks shown as |): {canonical}',
    zh: '{~mistakes}；koomock 构造的规范请求（换行显示为 |）：{canonical}',
  },
  'openapi-signature.hint-mistakes-usage': { en: '{~mistakes}; text koomock signed: {canonical}', zh: '{~mistakes}；koomock 签名的文本：{canonical}' },
  // The kit clientSecret (core/checks/kit-secret-hint.ts, core/signing/kit/rsa-oaep.ts).
  'kit-secret.hint-otherwise': { en: '{~secret} Otherwise: {~hint}', zh: '{~secret}否则：{~hint}' },
  'kit-secret.hint': {
    en: 'If the seller could not decrypt clientSecret: koomock encrypted it with RSA-OAEP {~variant} (oaepHash {hash}) under seller.kitPublicKey; {~others}',
    zh: '如果卖家服务无法解密 clientSecret：koomock 用 seller.kitPublicKey 以 RSA-OAEP {~variant}（oaepHash {hash}）加密了它；{~others}',
  },
  'oaep.failed': {
    en: "RSA-OAEP {~variant} decryption failed: check that the ciphertext was made with this key pair's public key; if it was, {~others}",
    zh: 'RSA-OAEP {~variant} 解密失败：请确认密文是用这对密钥的公钥加密的；如果是，{~others}',
  },
  // Notes of a call koomock stopped retrying early (core/produce/transport-give-up.ts, retry.ts, poll.ts).
  'give-up.note': {
    en: '{n} attempts in a row {~what}; koomock stopped there (profile transportGiveUpAfter={limit}) instead of waiting: the platform would have {~plan} every {interval} for {window}, {more} more attempt(s), and the outcome reported here is what it does if they all fail the same way',
    zh: '连续 {n} 次尝试{~what}；koomock 在此停止（配置 transportGiveUpAfter={limit}），不再等待：平台会在 {window} 内每隔 {interval} {~plan}，再尝试 {more} 次；这里报告的结果就是这些尝试都以同样方式失败时平台的处理',
    nested: true,
  },
  // The hint of order.outcome after such a stop (core/scenario/run/call-checks.ts): the note, then the check's own hint.
  'give-up.note-hint': {
    en: '{n} attempts in a row {~what}; koomock stopped there (profile transportGiveUpAfter={limit}) instead of waiting: the platform would have {~plan} every {interval} for {window}, {more} more attempt(s), and the outcome reported here is what it does if they all fail the same way. {~hint}',
    zh: '连续 {n} 次尝试{~what}；koomock 在此停止（配置 transportGiveUpAfter={limit}），不再等待：平台会在 {window} 内每隔 {interval} {~plan}，再尝试 {more} 次；这里报告的结果就是这些尝试都以同样方式失败时平台的处理。{~hint}',
  },
  'give-up.timeout': { en: 'timed out', zh: '超时', nested: true },
  'give-up.refused': { en: 'was refused (nothing listening)', zh: '连接被拒绝（没有服务在监听）', nested: true },
  'give-up.reset': { en: 'was reset by the seller', zh: '被卖家服务重置', nested: true },
  'give-up.retried': { en: 'retried', zh: '重试', nested: true },
  'give-up.polled': { en: 'polled', zh: '轮询', nested: true },
};
