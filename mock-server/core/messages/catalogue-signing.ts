/** What `koomock verify` says of a signature (core/signing); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const SIGNING_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  'verify.subject.v2': { en: 'V2 signature', zh: 'V2 签名' },
  'verify.subject.kit': { en: 'kit x-sign', zh: '联营kit x-sign 签名' },
  'verify.subject.usage': { en: 'usage signature', zh: '话单上报签名' },
  'verify.subject.apig': { en: 'APIG signature', zh: 'APIG 签名' },
  'verify.reason.missing': { en: 'missing', zh: '缺失（missing）' },
  'verify.reason.malformed': { en: 'malformed', zh: '格式错误（malformed）' },
  'verify.reason.mismatch': { en: 'mismatch', zh: '不匹配（mismatch）' },
  'verify.reason.stale': { en: 'stale', zh: '已过期（stale）' },
  'verify.reason.future': { en: 'future', zh: '时间超前（future）' },
  'verify.reason.replayed': { en: 'replayed', zh: '重放（replayed）' },
  'verify.v2.mismatch-head': {
    en: '{name} does not match hex(HMAC-SHA256(accessKey, {formula})) over the body with its top-level keys sorted, compact, nulls dropped',
    zh: '{name} 与 hex(HMAC-SHA256(accessKey, {formula}))（请求体顶层键排序、紧凑、去掉 null）不一致',
  },
  'verify.mismatch-likely': { en: '{~head}; it matches if {likely} ({id})', zh: '{~head}；已知错误 {id} 能复现收到的签名，见下方说明' },
  'verify.mismatch-key': {
    en: '{~head}: check that the key is the {keyName} key, then run `koomock verify` to compare the string to sign.',
    zh: '{~head}：请确认密钥是{keyName}的密钥，再用 `koomock verify` 对比待签字符串。',
  },
  'verify.missing': {
    en: '{~where} {name} is missing or empty: every call carries {a}, {b} and {c}.',
    zh: '{~where} {name} 缺失或为空：每次调用都携带 {a}、{b} 和 {c}。',
  },
  'verify.where.query': { en: 'query parameter', zh: '查询参数', nested: true },
  'verify.where.header': { en: 'header', zh: '请求头', nested: true },
  'verify.not-hex': {
    en: '{name} {value} is not 64 hex characters: expected hex(HMAC-SHA256), e.g. BEF083BC…7889.',
    zh: '{name} {value} 不是 64 个十六进制字符：应为 hex(HMAC-SHA256)，例如 BEF083BC…7889。',
  },
  'verify.not-object': {
    en: 'the body is not a JSON object (received {body}): a signed body is a JSON object, sent as UTF-8.',
    zh: '请求体不是 JSON 对象（收到 {body}）：签名的请求体是 JSON 对象，以 UTF-8 发送。',
  },
  'verify.replayed': {
    en: '{name} {nonce} was already used within the window: a fresh nonce is generated for every call, so a repeated one is a replay.',
    zh: '{name} {nonce} 已在时间窗口内使用过：每次调用都生成新的 nonce，重复出现即为重放。',
  },
  'verify.ts.not-digits': {
    en: 'timestamp {ts} is not all digits: expected milliseconds since the epoch, e.g. 1680508066618.',
    zh: 'timestamp {ts} 不全是数字：应为毫秒级 Unix 时间戳，例如 1680508066618。',
  },
  'verify.ts.too-large': {
    en: 'timestamp {ts} is too large: expected milliseconds since the epoch (13 digits).',
    zh: 'timestamp {ts} 过大：应为毫秒级 Unix 时间戳（13 位）。',
  },
  'verify.ts.seconds': {
    en: 'timestamp {ts} has 10 digits and looks like seconds: expected milliseconds since the epoch (13 digits, e.g. {example}); use the time in milliseconds (Java System.currentTimeMillis(), JavaScript Date.now()).',
    zh: 'timestamp {ts} 只有 10 位，像是秒级时间戳：应为毫秒级（13 位，例如 {example}）；请使用毫秒时间（Java System.currentTimeMillis()、JavaScript Date.now()）。',
  },
  'verify.ts.stale': {
    en: 'timestamp {ts} is {age} older than the clock (allowed: {window}): sign with the current time and send at once; check the clock (NTP).',
    zh: 'timestamp {ts} 比当前时钟早 {age}（允许：{window}）：请用当前时间签名并立即发送；检查服务器时钟（NTP）。',
  },
  'verify.ts.future': {
    en: 'timestamp {ts} is {age} ahead of the clock (allowed: {window}): check the clock (NTP) and the unit (milliseconds).',
    zh: 'timestamp {ts} 比当前时钟晚 {age}（允许：{window}）：请检查服务器时钟（NTP）和时间单位（毫秒）。',
  },
  'verify.named-kit': { en: 'x-timestamp: {~detail}', zh: 'x-timestamp：{~detail}' },
};
