import { parseJsonObject, toCanonicalJson } from '../canonical-json.js';
import { isSortedAscending, reorderTopLevel, toSpacedJson } from '../json-variants.js';
import { findMistakes, type MistakeRule } from '../mistake-catalogue.js';
import type { SignatureDiagnosis } from '../mistakes.js';
import {
  KEY_PLACEHOLDER,
  type ProduceRecipe,
  type ProduceScheme,
  signProduceRecipe,
  toCanonicalPayload,
  toProduceRecipe,
  toStringToSign,
} from './signature.js';
import { secureEqualHex } from '../secure-equal.js';

interface Context {
  /** The correct recipe. */
  readonly base: ProduceRecipe;
  /** The body exactly as received. */
  readonly body: string;
  readonly parsed: Record<string, unknown> | undefined;
}

interface Row {
  readonly id: string;
  readonly schemes: readonly ProduceScheme[];
  readonly en: string;
  readonly zh: string;
  /** The mistaken recipes for this input; empty when the mistake cannot apply. */
  readonly recipes: (ctx: Context) => readonly ProduceRecipe[];
}

const BOTH: readonly ProduceScheme[] = ['v2', 'kit'];

/** Payload variants: each returns recipes with a different payload, or none when the body is not an object. */
const payloads =
  (make: (obj: Record<string, unknown>, body: string) => readonly string[]) =>
  (ctx: Context): ProduceRecipe[] =>
    ctx.parsed === undefined ? [] : make(ctx.parsed, ctx.body).map((payload) => ({ ...ctx.base, payload }));

/**
 * The known ways to get a V2 basic or kit signature wrong, one row each (produce-api.md §6.1, §6.2).
 * Order matters only for display: the most common mistakes first.
 */
const ROWS: readonly Row[] = [
  {
    id: 'body-not-sorted',
    schemes: BOTH,
    en: 'the body was hashed exactly as received while its top-level keys are not sorted: parse it and sort the top-level keys in ascending order (Java TreeMap / String.compareTo) before hashing.',
    zh: '按收到的原样对请求体做了哈希，而其顶层键并未排序：请先解析请求体，按键名升序（Java TreeMap / String.compareTo 顺序）排列顶层键后再计算。',
    recipes: payloads((obj, body) => (isSortedAscending(Object.keys(obj)) ? [] : [body, JSON.stringify(obj)])),
  },
  {
    id: 'body-sorted-descending',
    schemes: BOTH,
    en: 'the top-level keys were sorted from Z to A (as the English doc page wrongly says): sort them in ascending order (A to Z, upper case before lower case).',
    zh: '顶层键按 Z→A 降序排列（英文文档页的错误说法）：请按升序排列（A→Z，大写字母在小写字母之前）。',
    recipes: payloads((obj) => [JSON.stringify(reorderTopLevel(obj, 'desc', false))]),
  },
  {
    id: 'body-with-spaces',
    schemes: BOTH,
    en: "the body was re-serialised with whitespace (a space after ':' and ',', or pretty-printed): serialise it compactly with no whitespace between tokens, like Jackson's default ObjectMapper.",
    zh: '重新序列化请求体时带了空白（冒号、逗号后有空格，或缩进格式化输出）：请用紧凑格式序列化，记号之间不留任何空白（与 Jackson 默认 ObjectMapper 一致）。',
    recipes: payloads((obj) => {
      const sorted = reorderTopLevel(obj, 'asc', false);
      return [toSpacedJson(sorted), JSON.stringify(sorted, null, 2)];
    }),
  },
  {
    id: 'nested-sorted',
    schemes: BOTH,
    en: 'the keys of nested objects were sorted too: sort only the top-level keys and keep nested objects in the order received.',
    zh: '嵌套对象的键也被排序了：只对顶层键排序，嵌套对象保持收到时的字段顺序。',
    recipes: payloads((obj) => [toCanonicalJson(obj, { recursive: true })]),
  },
  {
    id: 'nulls-kept',
    schemes: BOTH,
    en: 'top-level members whose value is null were kept: drop null members before serialising.',
    zh: '保留了值为 null 的顶层字段：序列化前请去掉值为 null 的字段。',
    recipes: payloads((obj) => [JSON.stringify(reorderTopLevel(obj, 'asc', true))]),
  },
  {
    id: 'timestamp-in-seconds',
    schemes: BOTH,
    en: 'the timestamp was converted to seconds before signing: sign the timestamp text exactly as received (milliseconds).',
    zh: '签名前把 timestamp 换算成了秒：请按收到的原样使用 timestamp 字符串（毫秒）参与签名。',
    recipes: ({ base }) =>
      /^\d{13}$/.test(base.timestamp) ? [{ ...base, timestamp: String(Math.floor(Number(base.timestamp) / 1000)) }] : [],
  },
  {
    id: 'inner-without-key',
    schemes: ['v2'],
    en: 'the inner digest was a plain SHA-256 of the body: use HMAC-SHA256 keyed with the access key, in lower-case hex.',
    zh: '内层摘要用了不带密钥的 SHA-256：请使用以 accessKey 为密钥的 HMAC-SHA256，并输出小写十六进制。',
    recipes: ({ base }) => [{ ...base, inner: 'sha256' }],
  },
  {
    id: 'inner-upper-case',
    schemes: ['v2'],
    en: 'the inner digest was upper-case hex: it enters the string to sign in lower-case hex (only the final signature is compared ignoring case).',
    zh: '内层摘要用了大写十六进制：它必须以小写十六进制拼入待签字符串（只有最终签名比较时忽略大小写）。',
    recipes: ({ base }) => [{ ...base, inner: 'hmac-upper' }],
  },
  {
    id: 'key-base64-decoded',
    schemes: BOTH,
    en: 'the key was Base64-decoded before use, but this key is already the original value: use the access key exactly as configured.',
    zh: '使用前对密钥做了 Base64 解码，但该密钥已经是原始值：请直接使用配置的 accessKey。',
    recipes: ({ base }) => {
      const decoded = decodeBase64Text(base.key);
      return decoded === undefined ? [] : [{ ...base, key: decoded }];
    },
  },
  {
    id: 'key-base64-encoded',
    schemes: BOTH,
    en: 'the Base64 text shown by the console was used as the key: Base64-decode it first (the EU console shows keys Base64-encoded) and use the original value.',
    zh: '直接把控制台显示的 Base64 文本当作密钥：请先做 Base64 解码（欧洲站控制台以 Base64 编码显示密钥），再使用原始值。',
    recipes: ({ base }) => [{ ...base, key: Buffer.from(base.key, 'utf8').toString('base64') }],
  },
  {
    id: 'nonce-timestamp-swapped',
    schemes: BOTH,
    en: 'timestamp was placed before nonce: build the string to sign as accessKey + nonce + timestamp + ….',
    zh: '待签字符串中 timestamp 放在了 nonce 之前：请按 accessKey + nonce + timestamp + … 的顺序拼接。',
    recipes: ({ base }) => [{ ...base, order: 'timestamp-first' }],
  },
  {
    id: 'no-inner-digest',
    schemes: ['v2'],
    en: 'the kit formula (no inner digest) was used for a basic call: append the lower-hex HMAC-SHA256(accessKey, body), not the body itself.',
    zh: '基础接口误用了联营 kit 接口的算法（没有内层摘要）：应拼接 HMAC-SHA256(accessKey, 请求体) 的小写十六进制，而不是请求体本身。',
    recipes: ({ base }) => [{ ...base, inner: 'none' }],
  },
  {
    id: 'inner-digest-added',
    schemes: ['kit'],
    en: 'the basic-interface formula (with an inner HMAC digest) was used for a kit call: kit calls append the sorted compact body itself, not its digest.',
    zh: '联营 kit 接口误用了基础接口的算法（带内层 HMAC 摘要）：kit 接口直接拼接排序后的紧凑请求体，而不是其摘要。',
    recipes: ({ base }) => [{ ...base, inner: 'hmac' }],
  },
];

const RULES: Readonly<Record<ProduceScheme, readonly MistakeRule<Context>[]>> = {
  v2: toRules('v2'),
  kit: toRules('kit'),
};

function toRules(scheme: ProduceScheme): MistakeRule<Context>[] {
  return ROWS.filter((row) => row.schemes.includes(scheme)).map(({ id, en, zh, recipes }) => ({
    id,
    en,
    zh,
    variants: (ctx: Context) => recipes(ctx).map(signProduceRecipe),
  }));
}

/** Ids of the catalogue for a scheme, in display order. */
export const listProduceMistakeIds = (scheme: ProduceScheme): string[] => RULES[scheme].map((r) => r.id);

export interface ProduceDiagnoseInput {
  readonly key: string;
  /** The body exactly as received. */
  readonly body: string;
  readonly signature: string;
  readonly timestamp: string;
  readonly nonce: string;
}

/** A diagnosis plus the RequestPayload koomock signed. `canonical` shows the key as `{accessKey}`. */
export type ProduceDiagnosis = SignatureDiagnosis & { readonly payload: string };

export function diagnoseProduceSignature(scheme: ProduceScheme, input: ProduceDiagnoseInput): ProduceDiagnosis {
  const payload = toCanonicalPayload(input.body) ?? input.body;
  const base = toProduceRecipe(scheme, { key: input.key, payload, timestamp: input.timestamp, nonce: input.nonce });
  const expected = signProduceRecipe(base);
  const ctx: Context = { base, body: input.body, parsed: parseJsonObject(input.body) };
  return {
    canonical: toStringToSign(base, KEY_PLACEHOLDER),
    payload,
    expected,
    mistakes: findMistakes(RULES[scheme], ctx, input.signature, expected, secureEqualHex),
  };
}

/** The UTF-8 text of a strict Base64 string, or undefined when the key is not Base64 or decodes to itself. */
function decodeBase64Text(key: string): string | undefined {
  if (key === '' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(key)) return undefined;
  const decoded = Buffer.from(key, 'base64').toString('utf8');
  return decoded === '' || decoded === key ? undefined : decoded;
}
