import { isObject } from '../is-object.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const RESPONSE_MEMO = 'response.memo';

/** The memo strings of an answer: `appInfo.memo` at the top (newInstance) and in `info[].appInfo` (queryInstance). */
function memos(value: Readonly<Record<string, unknown>>): { path: string; memo: unknown }[] {
  const out: { path: string; memo: unknown }[] = [];
  if (isObject(value.appInfo) && value.appInfo.memo !== undefined) out.push({ path: 'appInfo.memo', memo: value.appInfo.memo });
  if (Array.isArray(value.info)) {
    value.info.forEach((e: unknown, i) => {
      if (isObject(e) && isObject(e.appInfo) && e.appInfo.memo !== undefined) out.push({ path: `info[${i}].appInfo.memo`, memo: e.appInfo.memo });
    });
  }
  return out;
}

/**
 * `appInfo.memo` with characters outside ASCII must be written as `\uXXXX` escapes in the JSON text
 * (produce-api.md §3.2: "Chinese characters must be sent as \uXXXX"). The parsed value cannot tell,
 * so the raw body text is searched: a memo whose JSON text holds raw non-ASCII is reported. A
 * warning: the spec asks for it, but no source says the marketplace rejects the answer.
 * @example
 *   checkResponseMemo('{"appInfo":{"memo":"\\u4f60"}}', { appInfo: { memo: '你' } }).ok; // true
 */
export function checkResponseMemo(text: string, value: Readonly<Record<string, unknown>>): CheckResult | undefined {
  const all = memos(value);
  if (all.length === 0) return undefined;
  const found = all.filter((m) => typeof m.memo === 'string' && /[\u0080-\uffff]/.test(m.memo));
  const expected = 'appInfo.memo with every non-ASCII character written as a \\uXXXX escape';
  // A raw non-ASCII memo appears in the body as itself; an escaped one as \uXXXX only.
  const raw = found.filter((m) => text.includes(JSON.stringify(m.memo).slice(1, -1)));
  if (raw.length === 0) return { id: RESPONSE_MEMO, ok: true, expected, received: found.length === 0 ? 'ASCII memo' : 'escaped' };
  return {
    id: RESPONSE_MEMO,
    ok: false,
    severity: 'warn',
    expected,
    received: cut(`${raw.map((m) => m.path).join(', ')} holds raw non-ASCII: ${JSON.stringify(raw[0]?.memo)}`, 200),
    hint: 'Escape non-ASCII characters of memo as \\uXXXX (e.g. "\\u5f00\\u901a"): most JSON libraries have an ASCII-only option (Jackson JsonGenerator.Feature.ESCAPE_NON_ASCII, Python ensure_ascii=True).',
  };
}
