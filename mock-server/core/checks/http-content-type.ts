import type { CheckResult } from '../result.js';
import { quoted } from './cut.js';

export const HTTP_CONTENT_TYPE = 'http.content-type';

/**
 * The answer's `Content-Type` is `application/json` (parameters such as `charset=UTF-8` allowed).
 * `headers` has lower-case names, as the transport returns them.
 * @example
 *   checkContentType({ 'content-type': 'application/json;charset=UTF-8' }).ok; // true
 */
export function checkContentType(headers: Readonly<Record<string, string>>): CheckResult {
  const value = headers['content-type'];
  const mediaType = (value ?? '').split(';')[0]?.trim().toLowerCase();
  const expected = 'application/json (optionally with ;charset=UTF-8)';
  if (mediaType === 'application/json') return { id: HTTP_CONTENT_TYPE, ok: true, expected, received: quoted(value) };
  return {
    id: HTTP_CONTENT_TYPE,
    ok: false,
    expected,
    received: quoted(value),
    hint:
      value === undefined
        ? 'Send a Content-Type header: application/json;charset=UTF-8 (express: res.json(); Spring: produces = "application/json").'
        : 'Send Content-Type: application/json;charset=UTF-8 even for error answers; text/plain or text/html fails the call.',
  };
}
