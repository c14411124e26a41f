/** RFC 3986 unreserved characters: the only bytes left as they are. */
const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;
/** A text made of unreserved characters only: encodes to itself. */
const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

const HEX = '0123456789ABCDEF';

/**
 * Percent-encodes every byte of the UTF-8 form of `text` except the RFC 3986 unreserved set
 * (`A-Z a-z 0-9 - _ . ~`), with upper-case hex, as the APIG signers do.
 *
 * Works byte by byte instead of through `encodeURIComponent`, which throws on lone surrogates:
 * untrusted input must never crash a verifier.
 * @example
 *   encodeRfc3986("a b*(c)"); // 'a%20b%2A%28c%29'
 */
export function encodeRfc3986(text: string): string {
  // The common case (ids, dates, plain words) costs one test instead of a byte loop.
  if (ALL_UNRESERVED.test(text)) return text;
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/**
 * `decodeURIComponent` that never throws: a malformed escape (`%zz`, invalid UTF-8) leaves the
 * text as it was, so it is then encoded as received (`%` becomes `%25`).
 * @example
 *   decodeUriComponentSafe('a%20b'); // 'a b'
 *   decodeUriComponentSafe('100%'); // '100%'
 */
export function decodeUriComponentSafe(text: string): string {
  // Only `%` escapes decode to something else.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
