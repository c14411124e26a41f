import { inputError } from '../errors.js';

/**
 * How a builder reads one input field. Values keep the documented types on the wire: strings for
 * V2 basic and V1, integers where kit and `productInfo.linearValue` document them.
 */
export interface FieldSpec {
  readonly name: string;
  readonly required: boolean;
  /**
   * `string`; `int`; `idList` (one id or a list, joined with commas, at most 100);
   * `time` (a digit string used as given, or epoch ms formatted by the builder);
   * `object` / `objectList` (members in the order of `members`).
   */
  readonly kind: 'string' | 'int' | 'idList' | 'time' | 'object' | 'objectList';
  /** Allowed values (checked so a typo in a scenario fails early; use overrides to send a wrong one). */
  readonly values?: readonly (string | number)[];
  readonly members?: readonly FieldSpec[];
  /** Sent when the caller gives no value (e.g. kit `orderId` is "" for seller-triggered syncs). */
  readonly default?: string | number;
}

export const MAX_QUERY_IDS = 100;

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const fail = (where: string, expected: string, value: unknown) =>
  inputError(`${where}: expected ${expected}, received ${typeName(value)}`, { field: where });

function toStringValue(where: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw fail(where, 'a string', v);
}

function toIntValue(where: string, v: unknown): number {
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
  throw fail(where, 'an integer', v);
}

function checkAllowed(where: string, spec: FieldSpec, v: string | number): void {
  if (spec.values !== undefined && !spec.values.includes(v)) {
    throw inputError(`${where}: ${JSON.stringify(v)} is not one of ${spec.values.join(', ')} (send another value with an override)`, {
      field: where,
    });
  }
}

/**
 * Reads `input` by `specs`, in spec order, converting values to their wire types.
 * `formatTime` turns epoch ms into the activity's digit format.
 * Unknown input fields and missing required ones are the caller's mistake (INPUT_INVALID).
 */
export function readFields(
  where: string,
  specs: readonly FieldSpec[],
  input: Readonly<Record<string, unknown>>,
  formatTime: (epochMs: number) => string,
): Record<string, unknown> {
  const known = new Set(specs.map((s) => s.name));
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw inputError(`${where}: unknown field ${unknown.join(', ')}; known: ${[...known].join(', ')} (use an override to send an extra field)`, {
      fields: unknown,
    });
  }
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const v = input[spec.name];
    const at = `${where}.${spec.name}`;
    if ((v === undefined || v === null) && spec.default !== undefined) {
      out[spec.name] = spec.default;
      continue;
    }
    if (v === undefined || v === null) {
      if (spec.required) throw inputError(`${at} is required`, { field: at });
      continue;
    }
    out[spec.name] = readOne(at, spec, v, formatTime);
  }
  return out;
}

function readOne(at: string, spec: FieldSpec, v: unknown, formatTime: (epochMs: number) => string): unknown {
  switch (spec.kind) {
    case 'string': {
      const s = toStringValue(at, v);
      checkAllowed(at, spec, s);
      return s;
    }
    case 'int': {
      const n = toIntValue(at, v);
      checkAllowed(at, spec, n);
      return n;
    }
    case 'idList': {
      const ids = Array.isArray(v) ? v.map((x, i) => toStringValue(`${at}[${i}]`, x)) : [toStringValue(at, v)];
      if (ids.length > MAX_QUERY_IDS) throw inputError(`${at}: at most ${MAX_QUERY_IDS} ids per call, received ${ids.length}`, { field: at });
      return ids.join(',');
    }
    case 'time':
      if (typeof v !== 'number') return toStringValue(at, v);
      try {
        return formatTime(v);
      } catch (e) {
        throw inputError(`${at}: ${v} is not a usable time in epoch milliseconds`, { field: at }, e);
      }
    case 'object':
      if (typeof v !== 'object' || Array.isArray(v)) throw fail(at, 'an object', v);
      return readFields(at, spec.members ?? [], v as Record<string, unknown>, formatTime);
    case 'objectList':
      if (!Array.isArray(v)) throw fail(at, 'a list', v);
      return v.map((item: unknown, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) throw fail(`${at}[${i}]`, 'an object', item);
        return readFields(`${at}[${i}]`, spec.members ?? [], item as Record<string, unknown>, formatTime);
      });
  }
}
