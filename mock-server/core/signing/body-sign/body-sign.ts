import { type Verdict, verdictFail, verdictOk } from '../../result.js';
import { parseJsonObject } from '../canonical-json.js';
import { toSpacedJson } from '../json-variants.js';
import { findMistakes, type MistakeRule } from '../mistake-catalogue.js';
import type { SignatureDiagnosis } from '../mistakes.js';
import { hmacSha256 } from '../hmac.js';
import { secureEqual } from '../secure-equal.js';
import { quote } from '../timestamp-window.js';

/**
 * The seller's response `Body-Sign` header (produce-api.md §6.5, docs/fidelity.md#d11):
 * `sign_type="HMAC-SHA256", signature= "<base64(HMAC-SHA256(key = accessKey, exact body bytes))>"`.
 */

export const BODY_SIGN_TYPE = 'HMAC-SHA256';

/**
 * Base64 HMAC-SHA256 over the exact body bytes (a string is taken as UTF-8).
 * @example
 *   computeBodySign({ key: 'testAccessKey123', body: '{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}' });
 *   // 'T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00='
 */
export const computeBodySign = (input: { readonly key: string; readonly body: string | Uint8Array }): string =>
  hmacSha256(input.key, input.body).toString('base64');

/**
 * The header value in the documented form (with the doc's space after `signature=`).
 * @example
 *   toBodySignHeader('T04v…L00='); // 'sign_type="HMAC-SHA256", signature= "T04v…L00="'
 */
export const toBodySignHeader = (signature: string): string => `sign_type="${BODY_SIGN_TYPE}", signature= "${signature}"`;

/**
 * Reads a Body-Sign header: two double-quoted fields `sign_type` and `signature`, in either order,
 * optional spaces around `=` and `,`. Undefined when it is not of that shape.
 * @example
 *   parseBodySignHeader('signature="abc=",sign_type="HMAC-SHA256"'); // { signType: 'HMAC-SHA256', signature: 'abc=' }
 */
export function parseBodySignHeader(value: string): { signType: string; signature: string } | undefined {
  const match = /^\s*([a-z_]+)\s*=\s*"([^"]*)"\s*,\s*([a-z_]+)\s*=\s*"([^"]*)"\s*$/i.exec(value);
  if (match === null) return undefined;
  const fields = new Map([
    [(match[1] as string).toLowerCase(), match[2] as string],
    [(match[3] as string).toLowerCase(), match[4] as string],
  ]);
  const signType = fields.get('sign_type');
  const signature = fields.get('signature');
  return signType === undefined || signature === undefined ? undefined : { signType, signature };
}

export interface BodySignInput {
  readonly key: string;
  /** The response body exactly as received. */
  readonly body: string | Uint8Array;
  /** The `Body-Sign` header value; undefined when absent. */
  readonly header: string | undefined;
}

/**
 * Verifies a response's Body-Sign: `missing`, `malformed` (unparsable, or sign_type not HMAC-SHA256), `mismatch`.
 * @example
 *   verifyBodySign({ key, body: rawBody, header: res.headers.get('body-sign') ?? undefined });
 */
export function verifyBodySign(input: BodySignInput): Verdict {
  if (input.header === undefined || input.header.trim() === '') {
    return verdictFail('missing', `the Body-Sign header is missing: expected ${toBodySignHeader('<base64 HMAC-SHA256 of the body>')}.`);
  }
  const parsed = parseBodySignHeader(input.header);
  if (parsed === undefined) {
    return verdictFail('malformed', `Body-Sign ${quote(input.header)} is not of the form sign_type="HMAC-SHA256", signature="<base64>": quote both values with double quotes.`);
  }
  if (parsed.signType !== BODY_SIGN_TYPE) {
    return verdictFail('malformed', `Body-Sign sign_type is ${quote(parsed.signType)}: expected "${BODY_SIGN_TYPE}".`);
  }
  if (secureEqual(computeBodySign(input), parsed.signature)) return verdictOk;
  const [likely] = diagnoseBodySign(input).mistakes;
  const head = 'Body-Sign signature does not match Base64(HMAC-SHA256(accessKey, the exact response body bytes))';
  return verdictFail('mismatch', likely === undefined ? `${head}: sign the bytes you write, with the plain Key.` : `${head}; it matches if ${likely.en} (${likely.id})`);
}

interface Context {
  readonly key: string;
  readonly body: string;
  readonly timeStamp: string | undefined;
}

const RULES: readonly MistakeRule<Context>[] = [
  {
    id: 'key-with-timestamp',
    en: 'the HMAC key was accessKey + timeStamp (the request authToken key): Body-Sign uses the plain Key only.',
    zh: 'HMAC 密钥用了 accessKey + timeStamp（请求 authToken 的密钥）：Body-Sign 只使用 Key 本身。',
    variants: ({ key, body, timeStamp }) => (timeStamp === undefined ? [] : [computeBodySign({ key: key + timeStamp, body })]),
  },
  {
    id: 'body-reserialised',
    en: 'a re-serialised (or trimmed) object was signed instead of the bytes sent: sign exactly the response body you write.',
    zh: '签名的是重新序列化（或去掉首尾空白）后的对象，而不是实际发送的字节：请对实际写出的响应体原样签名。',
    variants: ({ key, body }) => reserialisations(body).map((text) => computeBodySign({ key, body: text })),
  },
  {
    id: 'hex-instead-of-base64',
    en: 'the HMAC was written in hex: Body-Sign carries the Base64 of the 32 HMAC bytes.',
    zh: 'HMAC 结果用了十六进制：Body-Sign 应为 32 字节 HMAC 结果的 Base64 编码。',
    variants: ({ key, body }) => {
      const hex = hmacSha256(key, body).toString('hex');
      return [hex, hex.toUpperCase()];
    },
  },
];

function reserialisations(body: string): string[] {
  const parsed = parseJsonObject(body);
  const forms = [body.trim()];
  if (parsed !== undefined) forms.push(JSON.stringify(parsed), toSpacedJson(parsed), JSON.stringify(parsed, null, 2), JSON.stringify(parsed, null, 4));
  return forms.filter((f) => f !== body);
}

/**
 * Names the known mistakes that reproduce a wrong Body-Sign. `header` may also be a bare signature;
 * `timeStamp` (the request's) lets koomock test the accessKey + timeStamp mistake.
 * @example
 *   diagnoseBodySign({ key, body, header, timeStamp: '20200727073711903' }).mistakes; // [{ id: 'key-with-timestamp', … }]
 */
export function diagnoseBodySign(input: BodySignInput & { readonly timeStamp?: string }): SignatureDiagnosis {
  const body = typeof input.body === 'string' ? input.body : Buffer.from(input.body).toString('utf8');
  const header = input.header ?? '';
  const given = parseBodySignHeader(header)?.signature ?? header.trim();
  const expected = computeBodySign(input);
  return { canonical: body, expected, mistakes: findMistakes(RULES, { key: input.key, body, timeStamp: input.timeStamp }, given, expected, secureEqual) };
}
