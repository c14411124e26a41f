import { hmacSha256 } from '../hmac.js';
import { sha256Hex, UNSIGNED_PAYLOAD } from './canonical.js';
import { parseSdkDate, toSdkDate } from './sdk-date.js';
import { type ApigDiagnosisContext, type ApigMistakeRule, type ApigVariant, headersWith } from './mistake-rule.js';
import { toJsonVariants } from '../open-api-json-variants.js';

/** Known mistakes in the payload hash, the date, the key and the StringToSign. */

const EMPTY_HASH = sha256Hex('');

const isUnsigned = (ctx: ApigDiagnosisContext): boolean => ctx.parts.payloadHash === UNSIGNED_PAYLOAD;

const bodyText = (ctx: ApigDiagnosisContext): string => new TextDecoder().decode(ctx.req.rawBody);

/** Dates a seller may have signed instead of the X-Sdk-Date it sent: a few seconds off, local time, ISO extended. */
function otherDates(date: string): string[] {
  const at = parseSdkDate(date);
  if (at === undefined) return [];
  const seconds = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5].map((s) => at + s * 1000);
  const hours = Array.from({ length: 27 }, (_, i) => i - 12)
    .filter((h) => h !== 0)
    .map((h) => at + h * 3_600_000);
  const iso = new Date(at).toISOString();
  return [...[...seconds, ...hours].map(toSdkDate), iso, iso.replace('.000', '')];
}

/** AWS SigV4-style 4-line StringToSign with a credential scope, with the SK or a derived key. */
function sigV4Variants(ctx: ApigDiagnosisContext): ApigVariant[] {
  const day = ctx.date.slice(0, 8);
  const labels = (ctx.headers.host ?? '').replace(/:\d+$/, '').split('.');
  const regions = new Set([labels[1] ?? '', 'cn-north-1', 'cn-north-4', 'cn-east-3', 'cn-south-1', 'ap-southeast-1', 'ap-southeast-3']);
  const services = new Set([labels[0] ?? '', 'mkt', 'marketplace', 'apig', 'execute-api']);
  const flavours = [
    { tag: 'SDK-HMAC-SHA256', prefix: 'SDK', terminator: 'sdk_request' },
    { tag: 'AWS4-HMAC-SHA256', prefix: 'AWS4', terminator: 'aws4_request' },
  ];
  const uris = [ctx.parts.uri, ctx.parts.uri.replace(/(.)\/$/, '$1')];
  const out: ApigVariant[] = [];
  for (const f of flavours) {
    for (const region of regions) {
      for (const service of services) {
        const scope = `${day}/${region}/${service}/${f.terminator}`;
        const stringToSign = (cr: string) => `${f.tag}\n${ctx.date}\n${scope}\n${sha256Hex(cr)}`;
        const derived = [day, region, service, f.terminator].reduce<string | Uint8Array>(
          (key, part) => hmacSha256(key, part),
          `${f.prefix}${ctx.sk}`,
        );
        for (const uri of uris) for (const key of [derived, ctx.sk]) out.push({ parts: { uri }, stringToSign, key });
      }
    }
  }
  return out;
}

export const APIG_SIGNING_MISTAKES: readonly ApigMistakeRule[] = [
  {
    id: 'unsigned-payload-expected',
    en: 'The request says X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD, but the body was hashed. With that header, the last line of the canonical request is the literal UNSIGNED-PAYLOAD.',
    zh: '请求携带了X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD，但签名时仍对消息体做了哈希。带这个头时，规范请求最后一行应为字面量UNSIGNED-PAYLOAD。',
    variants: (ctx) => (isUnsigned(ctx) ? [...new Set([sha256Hex(ctx.req.rawBody), EMPTY_HASH])].map((h) => ({ parts: { payloadHash: h } })) : []),
  },
  {
    id: 'unsigned-payload-not-sent',
    en: 'UNSIGNED-PAYLOAD was signed, but the request has no X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD header. Send that header, or sign the SHA-256 of the body.',
    zh: '签名使用了UNSIGNED-PAYLOAD，但请求没有携带X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD头。请发送该头，或改为对消息体的SHA-256签名。',
    variants: (ctx) => (isUnsigned(ctx) ? [] : [{ parts: { payloadHash: UNSIGNED_PAYLOAD } }]),
  },
  {
    id: 'body-hash-of-empty',
    en: 'The hash of an empty body was signed, but the request has a body (signed before the body was set, or the signer blanks bodies of this method). Hash exactly the bytes you send.',
    zh: '签名用的是空消息体的哈希，但请求带有消息体（在设置消息体之前签名，或签名工具对该方法清空了消息体）。请对实际发送的字节做哈希。',
    variants: (ctx) => (isUnsigned(ctx) || ctx.req.rawBody.length === 0 ? [] : [{ parts: { payloadHash: EMPTY_HASH } }]),
  },
  {
    id: 'body-hashed-after-reserialising',
    en: 'The body hash covers a re-serialised JSON (other key order or spacing) instead of the bytes sent. Serialise once, hash that string, and send the same string.',
    zh: '消息体哈希针对的是重新序列化后的JSON（键顺序或空格不同），而不是实际发送的字节。请只序列化一次，对该字符串做哈希，并原样发送。',
    variants: (ctx) => (isUnsigned(ctx) ? [] : toJsonVariants(bodyText(ctx)).map((v) => ({ parts: { payloadHash: sha256Hex(v.text) } }))),
  },
  {
    id: 'payload-hash-upper-case',
    en: 'The body hash was written in upper-case hex. Use lower-case hex.',
    zh: '消息体哈希使用了大写十六进制。请使用小写十六进制。',
    variants: (ctx) => [{ parts: { payloadHash: ctx.parts.payloadHash.toUpperCase() } }],
  },
  {
    id: 'date-mismatch',
    en: 'A different X-Sdk-Date was signed than the one sent (the time was read twice, local time, or ISO format with dashes). Read the time once, format it yyyyMMddTHHmmssZ in UTC, and use that value in the header and the signature.',
    zh: '签名用的X-Sdk-Date与发送的不一致（取了两次时间、用了本地时间，或用了带横线的ISO格式）。请只取一次时间，按UTC格式化为yyyyMMddTHHmmssZ，并在请求头和签名中使用同一个值。',
    variants: (ctx) =>
      otherDates(ctx.date).flatMap((date) => [{ date, parts: { headers: headersWith(ctx, { 'x-sdk-date': date }) } }, { date }]),
  },
  {
    id: 'sk-base64',
    en: 'The SK was base64-decoded before use. The HMAC key is the SK string itself, as UTF-8 bytes.',
    zh: 'SK在使用前被做了base64解码。HMAC密钥就是SK字符串本身（UTF-8字节）。',
    variants: (ctx) => {
      const key = Buffer.from(ctx.sk, 'base64');
      return key.length > 0 ? [{ key }] : [];
    },
  },
  {
    id: 'aws-sigv4-scope',
    en: 'An AWS SigV4 signer was used (4-line StringToSign with a credential scope, or a derived key). SDK-HMAC-SHA256 signs 3 lines (SDK-HMAC-SHA256, X-Sdk-Date, hash) with the SK directly; use the Huawei APIG signer.',
    zh: '使用了AWS SigV4签名方式（StringToSign含凭证范围共4行，或使用派生密钥）。SDK-HMAC-SHA256只签3行（SDK-HMAC-SHA256、X-Sdk-Date、哈希），直接用SK作密钥；请使用华为APIG签名SDK。',
    variants: sigV4Variants,
  },
  {
    id: 'signature-upper-case',
    en: 'The signature was sent in upper-case hex. Send lower-case hex.',
    zh: '签名值使用了大写十六进制。请发送小写十六进制。',
    variants: () => [{ signature: (hex) => hex.toUpperCase() }],
  },
];
