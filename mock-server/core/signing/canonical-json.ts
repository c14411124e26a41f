import { isObject } from '../is-object.js';
import { parseBoundedJsonObject } from '../bounded-json.js';

/**
 * The canonical JSON of docs/fidelity.md#d2, as the official Java demo reproduces it
 * (TreeMap over the top-level keys, nulls dropped, compact Jackson output):
 * top-level keys sorted by UTF-16 code units, compact, nested objects in their given order
 * (or sorted too with `recursive`), `null` members dropped.
 *
 * JavaScript's default `sort()` compares UTF-16 code units, exactly like Java's `String.compareTo`.
 * @example
 *   toCanonicalJson({ b: '1', a: '2', c: null }); // '{"a":"2","b":"1"}'
 */
export function toCanonicalJson(value: unknown, options: { readonly recursive?: boolean } = {}): string {
  return JSON.stringify(canonicalValue(value, options.recursive === true, true));
}

function canonicalValue(value: unknown, recursive: boolean, top: boolean): unknown {
  if (Array.isArray(value)) return recursive ? value.map((v) => canonicalValue(v, true, false)) : value;
  if (!isObject(value)) return value;
  if (!top && !recursive) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v === null || v === undefined) continue;
    out[key] = canonicalValue(v, recursive, false);
  }
  return out;
}

/**
 * Parses a JSON text that must hold an object; returns undefined for anything else.
 * Used where a signing scheme re-serialises a body it received.
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  // Bounded: the canonical form is built recursively, so a deeply nested body must not reach it.
  const parsed = parseBoundedJsonObject(text);
  return parsed.ok ? parsed.value : undefined;
}
