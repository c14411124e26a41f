import { isObject } from '../is-object.js';

/**
 * Serialisations sellers produce by mistake, used by the mistake catalogues to reproduce a wrong signature.
 */

/** Python's `json.dumps` default separators (`", "` and `": "`), keys in their given order. */
export function toSpacedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toSpacedJson).join(', ')}]`;
  if (isObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${toSpacedJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** The top-level members sorted ascending or descending, nulls dropped or kept; nested values untouched. */
export function reorderTopLevel(
  obj: Readonly<Record<string, unknown>>,
  order: 'asc' | 'desc',
  keepNulls: boolean,
): Record<string, unknown> {
  const keys = Object.keys(obj).sort();
  if (order === 'desc') keys.reverse();
  const out: Record<string, unknown> = {};
  for (const k of keys) if (keepNulls || obj[k] !== null) out[k] = obj[k];
  return out;
}

/** True when the keys are in ascending UTF-16 code-unit order. */
export const isSortedAscending = (keys: readonly string[]): boolean =>
  keys.every((k, i) => i === 0 || (keys[i - 1] as string) <= k);
