/**
 * The one JSON parser for bodies koomock receives (Open API requests, admin API calls, seller
 * answers): bounded in size, nesting depth and number of object keys, so no input can exhaust the
 * stack (JSON.stringify, canonical JSON and schema checks recurse) or the heap. The limits are
 * checked in one pass over the text, without recursion, before JSON.parse runs.
 * docs/security.md lists the limits.
 */

export interface JsonLimits {
  /** Largest body in bytes (UTF-8). */
  readonly maxBytes: number;
  /** Deepest array/object nesting; `{"a":[1]}` is 2. */
  readonly maxDepth: number;
  /** Most object members in the whole document. */
  readonly maxKeys: number;
}

/**
 * Real request bodies nest 3-5 levels and a full usage batch (1,000 records) has under 10,000 keys;
 * the size is the API gateway's 12 MB body limit.
 */
export const JSON_LIMITS: JsonLimits = Object.freeze({ maxBytes: 12 * 1024 * 1024, maxDepth: 64, maxKeys: 100_000 });

export type JsonProblem = 'utf8' | 'empty' | 'syntax' | 'size' | 'depth' | 'keys' | 'not-object';

export type BoundedJson<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly problem: JsonProblem;
      readonly detail: string;
      /** For `syntax`: JSON.parse's own message, raw (it quotes the input: escape before showing). */
      readonly parseError?: string;
    };

/** Deepest nesting and number of object members of JSON text, in one pass without recursion (strings skipped). */
export function measureJson(text: string): { readonly depth: number; readonly keys: number } {
  let depth = 0;
  let max = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth -= 1;
    else if (c === 0x3a) keys += 1;
  }
  return { depth: max, keys };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

const fail = (problem: JsonProblem, detail: string): BoundedJson<never> => ({ ok: false, problem, detail });

/**
 * Parses JSON bytes or text within limits; never throws. A leading BOM is not accepted (JSON.parse
 * would refuse it too). The detail says what was wrong and what the limit is.
 * @example
 *   parseBoundedJson('{"a":1}');            // { ok: true, value: { a: 1 } }
 *   parseBoundedJson('['.repeat(100)).problem; // 'depth'
 */
export function parseBoundedJson(input: Uint8Array | string, limits: Partial<JsonLimits> = {}): BoundedJson {
  const { maxBytes, maxDepth, maxKeys } = { ...JSON_LIMITS, ...limits };
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > maxBytes) return fail('size', `the JSON body has ${bytes} bytes, more than the ${maxBytes} koomock reads`);
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = decoder.decode(input);
    } catch {
      return fail('utf8', 'the body is not valid UTF-8: send JSON encoded as UTF-8');
    }
  }
  if (text.trim() === '') return fail('empty', 'the body is empty: send a JSON value');
  const { depth, keys } = measureJson(text);
  if (depth > maxDepth) return fail('depth', `the JSON is nested ${depth} levels deep, more than the ${maxDepth} koomock reads: send a flatter document`);
  if (keys > maxKeys) return fail('keys', `the JSON has ${keys} object keys, more than the ${maxKeys} koomock reads: send fewer fields or records`);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message : 'parse error';
    const shown = JSON.stringify(why.length > 100 ? `${why.slice(0, 100)}…` : why);
    return { ok: false, problem: 'syntax', detail: `the body is not JSON: ${shown}`, parseError: why };
  }
}

/** A plain JSON object (not an array, not null). */
const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * parseBoundedJson for bodies that must be one JSON object.
 * @example parseBoundedJsonObject('[1]').problem // 'not-object'
 */
export function parseBoundedJsonObject(input: Uint8Array | string, limits: Partial<JsonLimits> = {}): BoundedJson<Record<string, unknown>> {
  const parsed = parseBoundedJson(input, limits);
  if (!parsed.ok) return parsed;
  if (!isJsonObject(parsed.value)) {
    const kind = Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`;
    return fail('not-object', `the body must be a JSON object, received ${kind}`);
  }
  return { ok: true, value: parsed.value };
}
