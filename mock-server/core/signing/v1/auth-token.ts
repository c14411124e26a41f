import { inputError } from '../../errors.js';
import { type Verdict, verdictFail, verdictOk } from '../../result.js';
import { findMistakes, type MistakeRule } from '../mistake-catalogue.js';
import type { SignatureDiagnosis } from '../mistakes.js';
import { hmacSha256 } from '../hmac.js';
import { secureEqual } from '../secure-equal.js';
import { quote } from '../timestamp-window.js';

/**
 * V1 `authToken` (produce-api.md §6.4): Base64(HMAC-SHA256(key = accessKey + timeStamp,
 * message = k1=v1&k2=v2… over the URL-decoded query parameters except authToken, sorted by name)).
 */

/** One query parameter as received: its name, its raw (still encoded) value and its decoded value. */
interface QueryParam {
  readonly name: string;
  readonly raw: string;
  readonly value: string;
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const toMessage = (pairs: readonly (readonly [string, string])[]): string => pairs.map(([k, v]) => `${k}=${v}`).join('&');

const sign = (key: string, message: string): string => hmacSha256(key, message).toString('base64');

/**
 * authToken for URL-decoded params (authToken itself, if present, is left out). `timeStamp` is required.
 * @example
 *   computeV1AuthToken({ key: 'testAccessKey123', params: { activity: 'newInstance', …, timeStamp: '20200727073711903' } });
 *   // 'IzyXxySagieGHt354yIOhnCrv0vphQN0e9NuWT2MKNY='
 */
export function computeV1AuthToken(input: { readonly key: string; readonly params: Readonly<Record<string, string>> }): string {
  const timeStamp = input.params.timeStamp;
  if (timeStamp === undefined) throw inputError('params.timeStamp is required: the V1 authToken HMAC key is accessKey + timeStamp.');
  return sign(input.key + timeStamp, toV1Message(input.params));
}

/** The message a V1 authToken covers: `k=v` pairs sorted by name (Java TreeMap order), joined with `&`. */
export function toV1Message(params: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(params)
    .filter(([k]) => k !== 'authToken')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return toMessage(pairs);
}

type ParsedQuery = { ok: true; params: QueryParam[]; authToken: string | undefined } | { ok: false; detail: string };

/** Splits a raw query string; `+` is a space, as in HTML forms and Java's getParameter. First occurrence wins. */
function parseQuery(query: string): ParsedQuery {
  const seen = new Set<string>();
  const params: QueryParam[] = [];
  let authToken: string | undefined;
  for (const piece of query.replace(/^\?/, '').split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const raw = eq < 0 ? '' : piece.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      return { ok: false, detail: `query parameter ${quote(piece)} is not valid percent-encoding: encode values as UTF-8 with %XX escapes.` };
    }
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'authToken') authToken = value;
    else params.push({ name, raw, value });
  }
  return { ok: true, params, authToken };
}

export type V1Verdict = Verdict & { /** The message koomock signed (no secret in it). */ readonly canonical: string };

/**
 * Verifies the authToken of a raw V1 query string (values are URL-decoded here, `+` included).
 * @example
 *   verifyV1AuthToken({ key: 'testAccessKey123', query: 'activity=newInstance&…&authToken=IzyX…%3D' }); // { ok: true, … }
 */
export function verifyV1AuthToken(input: { readonly key: string; readonly query: string }): V1Verdict {
  const parsed = parseQuery(input.query);
  if (!parsed.ok) return { ...verdictFail('malformed', parsed.detail), canonical: '' };
  const canonical = toMessage([...parsed.params].sort(byName).map((p) => [p.name, p.value]));
  const timeStamp = parsed.params.find((p) => p.name === 'timeStamp')?.value;
  if (parsed.authToken === undefined || parsed.authToken === '') {
    return { ...verdictFail('missing', 'query parameter authToken is missing or empty: every V1 call carries authToken.'), canonical };
  }
  if (timeStamp === undefined || timeStamp === '') {
    return { ...verdictFail('missing', 'query parameter timeStamp is missing or empty: the authToken HMAC key is accessKey + timeStamp.'), canonical };
  }
  if (secureEqual(sign(input.key + timeStamp, canonical), parsed.authToken)) return { ...verdictOk, canonical };
  const [likely] = diagnoseV1AuthToken(input).mistakes;
  const head = 'authToken does not match Base64(HMAC-SHA256(accessKey + timeStamp, the URL-decoded parameters sorted by name as k=v&…))';
  return { ...verdictFail('mismatch', likely === undefined ? `${head}: check the V1 Key.` : `${head}; it matches if ${likely.en} (${likely.id})`), canonical };
}

interface Context {
  readonly key: string;
  readonly timeStamp: string;
  readonly params: readonly QueryParam[];
  readonly expected: string;
}

const RULES: readonly MistakeRule<Context>[] = [
  {
    id: 'params-not-sorted',
    en: 'the parameters were joined in the order received: sort them by name (ascending, Java TreeMap order) before joining.',
    zh: '参数按收到的顺序拼接：请先按参数名升序排序（Java TreeMap 顺序）再拼接。',
    variants: ({ key, timeStamp, params }) => [sign(key + timeStamp, toMessage(params.map((p) => [p.name, p.value])))],
  },
  {
    id: 'values-not-decoded',
    en: 'the values were signed still URL-encoded: URL-decode every value (mobilePhone/email stay ciphertext) before joining.',
    zh: '签名时参数值仍是 URL 编码形式：拼接前请先对每个值做 URL 解码（mobilePhone/email 仍为密文）。',
    variants: ({ key, timeStamp, params }) => [sign(key + timeStamp, toMessage([...params].sort(byName).map((p) => [p.name, p.raw])))],
  },
  {
    id: 'key-without-timestamp',
    en: 'the HMAC key was the access key alone: the V1 authToken key is accessKey + timeStamp.',
    zh: 'HMAC 密钥只用了 accessKey：V1 authToken 的密钥是 accessKey + timeStamp。',
    variants: ({ key, params }) => [sign(key, toMessage([...params].sort(byName).map((p) => [p.name, p.value])))],
  },
  {
    id: 'token-url-encoded',
    en: 'the token was URL-encoded twice (or compared still encoded): URL-decode the authToken parameter once and compare the Base64 text.',
    zh: 'authToken 被 URL 编码了两次（或比较时仍是编码形式）：请对 authToken 参数做一次 URL 解码后再比较 Base64 文本。',
    variants: ({ expected }) => [encodeURIComponent(expected)],
  },
];

/**
 * Names the known mistakes that reproduce the authToken of a raw V1 query string.
 * @example
 *   diagnoseV1AuthToken({ key, query }).mistakes.map((m) => m.id); // ['values-not-decoded']
 */
export function diagnoseV1AuthToken(input: { readonly key: string; readonly query: string }): SignatureDiagnosis {
  const parsed = parseQuery(input.query);
  if (!parsed.ok) return { canonical: '', expected: '', mistakes: [] };
  const timeStamp = parsed.params.find((p) => p.name === 'timeStamp')?.value ?? '';
  const canonical = toMessage([...parsed.params].sort(byName).map((p) => [p.name, p.value]));
  const expected = sign(input.key + timeStamp, canonical);
  const ctx: Context = { key: input.key, timeStamp, params: parsed.params, expected };
  return { canonical, expected, mistakes: findMistakes(RULES, ctx, parsed.authToken ?? '', expected, secureEqual) };
}
