import type { KnownMistake } from '../mistakes.js';
import { type JsonVariantKind, toJsonVariants } from '../open-api-json-variants.js';

/** What a usage-signature mistake rule may vary. */
export interface UsageDiagnosisContext {
  readonly key: string;
  readonly ts: string;
  readonly nonce: string;
  /** The body as text (UTF-8 decoded). */
  readonly body: string;
  /** The body parsed once, when it is a JSON object. */
  readonly json?: Readonly<Record<string, unknown>>;
  readonly mode: 'raw' | 'canonical';
}

/** One alternative computation; unset fields keep the correct value. */
export interface UsageVariant {
  readonly key?: string | Uint8Array;
  readonly message?: string;
  readonly encode?: (mac: Buffer) => string;
}

export interface UsageMistakeRule extends KnownMistake {
  /** True when the mistake shows in the input itself, whatever the signature. */
  readonly shape?: (ctx: UsageDiagnosisContext) => boolean;
  readonly variants: (ctx: UsageDiagnosisContext) => Iterable<UsageVariant>;
}

const message = (ts: string, nonce: string, body: string): string => `ts=${ts}&nonce=${nonce}&body=${body}`;

const bodyVariants = (ctx: UsageDiagnosisContext, kinds: readonly JsonVariantKind[]): UsageVariant[] =>
  toJsonVariants(ctx.body, ctx.json)
    .filter((v) => kinds.includes(v.kind))
    .map((v) => ({ message: message(ctx.ts, ctx.nonce, v.text) }));

const base64Url = (mac: Buffer): string => mac.toString('base64url');

export const USAGE_MISTAKES: readonly UsageMistakeRule[] = [
  {
    id: 'ts-in-seconds',
    en: 'ts is in seconds. Send and sign Unix time in milliseconds (13 digits, e.g. 1732180500000).',
    zh: 'ts使用了秒。请发送并签名毫秒级Unix时间（13位，例如1732180500000）。',
    shape: (ctx) => /^\d{1,11}$/.test(ctx.ts),
    variants: (ctx) => (/^\d{12,20}$/.test(ctx.ts) ? [{ message: message(ctx.ts.slice(0, -3), ctx.nonce, ctx.body) }] : []),
  },
  {
    id: 'hex-instead-of-base64',
    en: 'The signature is hex. Send the HMAC-SHA256 bytes base64-encoded (44 characters ending in "=").',
    zh: '签名使用了十六进制。请对HMAC-SHA256结果做base64编码后发送（44个字符，以"="结尾）。',
    variants: () => [{ encode: (mac) => mac.toString('hex') }, { encode: (mac) => mac.toString('hex').toUpperCase() }],
  },
  {
    id: 'signature-not-standard-base64',
    en: 'The signature uses URL-safe base64 or drops the "=" padding. Use standard base64 with padding.',
    zh: '签名使用了URL安全的base64或省略了"="填充。请使用带填充的标准base64。',
    variants: () => [
      { encode: base64Url },
      { encode: (mac) => `${base64Url(mac)}=` },
      { encode: (mac) => mac.toString('base64').replace(/=+$/, '') },
    ],
  },
  {
    id: 'body-sorted',
    en: 'A key-sorted re-serialisation of the body was signed, but a different text was sent. Send exactly the string you signed (sort the keys before serialising, then sign and send that string).',
    zh: '签名用的是按键排序后重新序列化的消息体，但实际发送的文本不同。请发送与签名完全相同的字符串（先排序再序列化，然后对该字符串签名并发送）。',
    variants: (ctx) => (ctx.mode === 'raw' ? bodyVariants(ctx, ['sorted']) : []),
  },
  {
    id: 'body-with-spaces',
    en: 'The body was signed with spaces or line breaks (Python json.dumps defaults, pretty-printing) that the sent body does not have. Sign exactly the bytes you send; compact JSON is recommended.',
    zh: '签名用的消息体带有空格或换行（Python json.dumps默认格式、格式化输出），而实际发送的消息体没有。请对实际发送的字节签名，建议使用紧凑JSON。',
    variants: (ctx) => bodyVariants(ctx, ['spaced']),
  },
  {
    id: 'body-reserialised',
    en: 'The body was serialised again for signing (other whitespace or \\uXXXX escapes). Serialise once and use the same string for the signature and the request.',
    zh: '签名时对消息体重新做了序列化（空白或\\uXXXX转义不同）。请只序列化一次，签名与发送使用同一个字符串。',
    variants: (ctx) => bodyVariants(ctx, ['compact', 'ascii-escaped']),
  },
  {
    id: 'body-not-signed',
    en: 'The body was left out of the signed text. Sign "ts={ts}&nonce={nonce}&body={body}" with the full body.',
    zh: '签名文本中没有包含消息体。请对"ts={ts}&nonce={nonce}&body={body}"（含完整消息体）签名。',
    variants: (ctx) => [{ message: message(ctx.ts, ctx.nonce, '') }, { message: `ts=${ctx.ts}&nonce=${ctx.nonce}` }],
  },
  {
    id: 'wrong-separator',
    en: 'The signed text is not joined as "ts={ts}&nonce={nonce}&body={body}" (a missing "body=", names left out, or other separators). Use exactly that format.',
    zh: '签名文本的拼接方式不是"ts={ts}&nonce={nonce}&body={body}"（缺少"body="、省略了字段名或用了其他分隔符）。请严格按此格式拼接。',
    variants: ({ ts, nonce, body }) =>
      [
        `ts=${ts}&nonce=${nonce}&${body}`,
        `ts=${ts}&nonce=${nonce}${body}`,
        `${ts}&${nonce}&${body}`,
        `${ts}${nonce}${body}`,
        `ts=${ts}nonce=${nonce}body=${body}`,
        `ts=${ts},nonce=${nonce},body=${body}`,
        `ts=${ts}\nnonce=${nonce}\nbody=${body}`,
        `${ts}\n${nonce}\n${body}`,
      ].map((m) => ({ message: m })),
  },
  {
    id: 'wrong-field-order',
    en: 'The fields were signed in another order. The order is ts, nonce, body: "ts={ts}&nonce={nonce}&body={body}".',
    zh: '字段的签名顺序不对。顺序应为ts、nonce、body："ts={ts}&nonce={nonce}&body={body}"。',
    variants: ({ ts, nonce, body }) => {
      const [t, n, b] = [`ts=${ts}`, `nonce=${nonce}`, `body=${body}`];
      return [
        [n, t, b],
        [t, b, n],
        [b, t, n],
        [n, b, t],
        [b, n, t],
      ].map((order) => ({ message: order.join('&') }));
    },
  },
  {
    id: 'key-base64-decoded',
    en: 'The usage key was base64-decoded before use. The HMAC key is the key string itself, as UTF-8 bytes.',
    zh: '对接密钥在使用前被做了base64解码。HMAC密钥就是密钥字符串本身（UTF-8字节）。',
    variants: (ctx) => {
      const key = Buffer.from(ctx.key, 'base64');
      return key.length > 0 ? [{ key }] : [];
    },
  },
];
