/**
 * Seller text (and anything that may quote it) made safe to show: no terminal escape sequences,
 * no control or bidi characters that could rewrite or reorder what a human reads, and cut to a
 * readable length. Every reporter except JSON passes text through here before its own escaping.
 */

/** How much of one value a report shows unless a caller asks otherwise. */
const VALUE_MAX_CHARS = 300;

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST, or unterminated), DCS/SOS/PM/APC (ESC P|X|^|_ … ST),
// two-character ESC sequences, and the 8-bit CSI (U+009B). Stripped whole: showing "[2J" helps nobody.
const ANSI =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -Z\\-~]|\u009b[0-?]*[ -/]*[@-~]/g;

// C0/C1 controls, DEL, bidi controls (Trojan Source), line/paragraph separators, lone surrogates and
// the noncharacters U+FFFE/U+FFFF. They are shown as visible escapes so no information is lost.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export interface SafeTextOptions {
  /** Longest text shown, in code points (default {@link VALUE_MAX_CHARS}). */
  readonly max?: number;
  /** Keep line breaks and tabs (for `<pre>` blocks); otherwise they become `\n`, `\t`. */
  readonly multiline?: boolean;
}

const toText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
};

/** Removes ANSI/VT escape sequences. @example stripAnsi('\u001b[31mred\u001b[0m'); // 'red' */
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

/**
 * Text safe for a terminal, an XML attribute or an HTML page (before that format's own escaping).
 * @example
 *   toSafeText('ok\u001b[2J\u0000'); // 'ok\\u0000'
 *   toSafeText('x'.repeat(10), { max: 4 }); // 'xxxx… (+6 chars)'
 */
export function toSafeText(value: unknown, options: SafeTextOptions = {}): string {
  const max = options.max ?? VALUE_MAX_CHARS;
  const chars = Array.from(stripAnsi(toText(value)));
  const kept = chars.length > max ? chars.slice(0, max).join('') : chars.join('');
  const escaped = kept.replace(UNSAFE, (c) => {
    if (options.multiline === true && (c === '\n' || c === '\t')) return c;
    return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return chars.length > max ? `${escaped}… (+${chars.length - max} chars)` : escaped;
}
