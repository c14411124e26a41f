/**
 * Request-parameter checks. Each returns a result instead of throwing, and the message says what
 * was expected and what arrived, never echoing the (untrusted, possibly huge) value itself.
 */

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

const describe = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `a string of ${v.length} characters` : `a ${typeof v}`;

/**
 * Reads required string fields, each with a maximum length.
 * @example
 *   const p = requireStrings(body, { orderId: 64, orderLineId: 64 });
 *   if (!p.ok) return invalidParam(p.detail);
 *   p.value.orderId; // string
 */
export function requireStrings<K extends string>(body: Record<string, unknown>, spec: Record<K, number>): Checked<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of Object.keys(spec) as K[]) {
    const max = spec[name];
    const v = body[name];
    if (typeof v !== 'string' || v.length === 0 || v.length > max) {
      return { ok: false, detail: `${name}: expected a non-empty string of at most ${max} characters, received ${describe(v)}` };
    }
    out[name] = v;
  }
  return { ok: true, value: out as Record<K, string> };
}

/**
 * Reads an optional string field; absent, null and "" all mean "not given".
 * @example
 *   optionalString(body, 'productId', 64); // { ok: true, value: undefined }
 */
export function optionalString(body: Record<string, unknown>, name: string, max: number): Checked<string | undefined> {
  const v = body[name];
  if (v === undefined || v === null || v === '') return { ok: true, value: undefined };
  if (typeof v !== 'string' || v.length > max) {
    return { ok: false, detail: `${name}: expected a string of at most ${max} characters, received ${describe(v)}` };
  }
  return { ok: true, value: v };
}

/**
 * Reads an integer that may arrive as a JSON number or a digit string (kit docs show both).
 * @example
 *   readInteger(body, 'flag', [0, 1, 2]); // { ok: true, value: 1 }
 */
export function readInteger(body: Record<string, unknown>, name: string, allowed?: readonly number[]): Checked<number> {
  const v = body[name];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || (allowed !== undefined && !allowed.includes(n))) {
    const expected = allowed === undefined ? 'an integer' : `one of ${allowed.join(', ')}`;
    return { ok: false, detail: `${name}: expected ${expected}, received ${describe(v)}` };
  }
  return { ok: true, value: n };
}
