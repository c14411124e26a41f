import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Verdict } from './verdict.js';

/**
 * V1 calls (SaaS Access Guide V1.0): HTTP GET, every value in the query string, authenticated by
 *   authToken = Base64(HMAC-SHA256(key = V1 Key + timeStamp, "k1=v1&k2=v2&…"))
 * over every parameter except authToken, values URL-DECODED (mobilePhone / email stay ciphertext),
 * sorted by name (Java TreeMap order). timeStamp is UTC `yyyyMMddHHmmssSSS`.
 */

/**
 * Splits a raw query string into decoded parameters. `+` is a space, as in Java's getParameter;
 * the first occurrence of a name wins. Undefined when the percent-encoding is broken.
 * @example parseV1Query('activity=newInstance&authToken=abc%3D'); // { activity: 'newInstance', authToken: 'abc=' }
 */
export function parseV1Query(rawQuery: string): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    try {
      const name = decodeURIComponent((eq < 0 ? piece : piece.slice(0, eq)).replace(/\+/g, ' '));
      const value = decodeURIComponent((eq < 0 ? '' : piece.slice(eq + 1)).replace(/\+/g, ' '));
      if (!Object.hasOwn(params, name)) params[name] = value;
    } catch {
      return undefined;
    }
  }
  return params;
}

/**
 * The authToken the marketplace computes for these decoded parameters.
 * @example computeV1AuthToken('testAccessKey123', { activity: 'newInstance', …, timeStamp: '20200727073711903' }); // 'IzyXxySagieGHt354yIOhnCrv0vphQN0e9NuWT2MKNY='
 */
export function computeV1AuthToken(key: string, params: Readonly<Record<string, string>>): string {
  const message = Object.keys(params)
    .filter((name) => name !== 'authToken')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${params[name]}`)
    .join('&');
  return createHmac('sha256', key + (params['timeStamp'] ?? '')).update(message, 'utf8').digest('base64');
}

/** `yyyyMMddHHmmssSSS` (UTC) as epoch ms; undefined when it is not 17 digits of a real instant. */
export function parseV1TimeStamp(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  return new Date(at).getUTCDate() === d && mo >= 1 && mo <= 12 && h < 24 && mi < 60 && s < 60 ? at : undefined;
}

const sameText = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * Verifies a V1 call: authToken present and matching, timeStamp within `windowMs` of now. The
 * Base64 token is compared exactly (it is case-sensitive), in constant time.
 * @example verifyV1Request(params, { key: options.keys.v1, nowMs: Date.now(), windowMs: 60_000 });
 */
export function verifyV1Request(params: Readonly<Record<string, string>>, opts: { readonly key: string; readonly nowMs: number; readonly windowMs: number }): Verdict {
  const { authToken, timeStamp } = params;
  if (!authToken || !timeStamp) return { ok: false, reason: 'missing', detail: `query parameter "${!authToken ? 'authToken' : 'timeStamp'}" is missing` };
  const at = parseV1TimeStamp(timeStamp);
  if (at === undefined) return { ok: false, reason: 'malformed', detail: 'timeStamp must be UTC yyyyMMddHHmmssSSS (17 digits)' };
  if (!sameText(authToken, computeV1AuthToken(opts.key, params))) {
    return { ok: false, reason: 'mismatch', detail: 'authToken does not match the parameters (is the V1 Key configured?)' };
  }
  if (opts.nowMs - at > opts.windowMs) return { ok: false, reason: 'stale', detail: `timeStamp is ${Math.round((opts.nowMs - at) / 1000)} s old (UTC expected; check the clock)` };
  if (at - opts.nowMs > opts.windowMs) return { ok: false, reason: 'future', detail: `timeStamp is ${Math.round((at - opts.nowMs) / 1000)} s in the future (UTC expected; check the clock)` };
  return { ok: true };
}

/**
 * The V1 answer's `Body-Sign` header over the exact body bytes, keyed with the V1 Key alone (no timeStamp).
 * @example toBodySign('testAccessKey123', '{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}');
 *   // 'sign_type="HMAC-SHA256", signature= "T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00="'
 */
export function toBodySign(key: string, body: string | Buffer): string {
  return `sign_type="HMAC-SHA256", signature= "${createHmac('sha256', key).update(body).digest('base64')}"`;
}
