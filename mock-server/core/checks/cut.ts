/** How much of a seller-supplied value a report shows. */
export const RECEIVED_MAX_CHARS = 200;

// Control characters, line/paragraph separators and lone surrogates would break a terminal,
// a JSON report or an XML (JUnit) report, so they are shown as \uXXXX escapes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const escapeUnsafe = (s: string): string =>
  s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(missing)';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * A seller-supplied value made safe for a report: stringified, at most `max` characters (never
 * splitting a surrogate pair), unsafe characters escaped, with the number of characters left out.
 * @example
 *   cut('x'.repeat(250)); // 'xxx…x… (+50 chars)'
 */
export function cut(value: unknown, max: number = RECEIVED_MAX_CHARS): string {
  const text = stringify(value);
  const chars = Array.from(text);
  if (chars.length <= max) return escapeUnsafe(text);
  return `${escapeUnsafe(chars.slice(0, max).join(''))}… (+${chars.length - max} chars)`;
}

/** A quoted seller value for `received`: `"abc"`, or `(missing)`. */
export const quoted = (value: unknown): string =>
  value === undefined ? '(missing)' : typeof value === 'string' ? `"${cut(value)}"` : cut(value);
