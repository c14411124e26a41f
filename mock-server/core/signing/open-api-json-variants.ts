import { parseBoundedJson } from '../bounded-json.js';
import { isObject } from '../is-object.js';
import { toCanonicalJson } from './canonical-json.js';

/** How a seller's code may have re-serialised a JSON body before signing it. */
export type JsonVariantKind = 'compact' | 'sorted' | 'spaced' | 'ascii-escaped';

export interface JsonVariant {
  readonly kind: JsonVariantKind;
  /** Short description for reports, e.g. `Python json.dumps defaults`. */
  readonly how: string;
  readonly text: string;
}

interface Style {
  readonly item: string;
  readonly key: string;
  readonly sort: boolean;
  readonly ascii: boolean;
}

/**
 * Re-serialisations of a JSON text that sellers' code commonly signs instead of the bytes it sends
 * (JSON.stringify of the parsed value, sorted keys, Python's `", "`/`": "` separators, pretty-printing,
 * `\uXXXX` escapes). Only texts different from `text` are returned, without duplicates; none when
 * `text` is not JSON. `parsed`, when given, is `text` already parsed (it is then not parsed again).
 * @example
 *   toJsonVariants('{"b":1,"a":2}').map((v) => v.text); // ['{"a":2,"b":1}', '{"b": 1, "a": 2}', …]
 */
export function toJsonVariants(text: string, parsed?: unknown): JsonVariant[] {
  let value: unknown = parsed;
  if (value === undefined) {
    // Bounded: the variants are built recursively, and the body is the caller's, untrusted.
    const read = parseBoundedJson(text);
    if (!read.ok) return [];
    value = read.value;
  }
  const style = (item: string, key: string, sort: boolean, ascii = false): string =>
    serialise(value, { item, key, sort, ascii });
  const all: JsonVariant[] = [
    { kind: 'compact', how: 'JSON.stringify of the parsed body', text: JSON.stringify(value) },
    { kind: 'sorted', how: 'keys sorted at every level', text: style(',', ':', true) },
    { kind: 'sorted', how: 'keys sorted at every level, nulls dropped', text: toCanonicalJson(value, { recursive: true }) },
    { kind: 'sorted', how: 'top-level keys sorted, nulls dropped', text: toCanonicalJson(value) },
    { kind: 'spaced', how: 'Python json.dumps defaults', text: style(', ', ': ', false, true) },
    { kind: 'spaced', how: 'Python json.dumps(sort_keys=True)', text: style(', ', ': ', true, true) },
    { kind: 'spaced', how: 'spaces after , and :', text: style(', ', ': ', false) },
    { kind: 'spaced', how: 'spaces after , and :, keys sorted', text: style(', ', ': ', true) },
    { kind: 'spaced', how: 'pretty-printed, 2 spaces', text: JSON.stringify(value, null, 2) },
    { kind: 'spaced', how: 'pretty-printed, 4 spaces', text: JSON.stringify(value, null, 4) },
    { kind: 'spaced', how: 'pretty-printed, keys sorted', text: JSON.stringify(JSON.parse(style(',', ':', true)), null, 2) },
    { kind: 'ascii-escaped', how: 'non-ASCII written as \\uXXXX', text: style(',', ':', false, true) },
  ];
  const seen = new Set([text]);
  return all.filter((v) => !seen.has(v.text) && seen.add(v.text));
}

function serialise(value: unknown, s: Style): string {
  if (Array.isArray(value)) return `[${value.map((v) => serialise(v, s)).join(s.item)}]`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (s.sort) keys.sort();
    return `{${keys.map((k) => `${scalar(k, s)}${s.key}${serialise(value[k], s)}`).join(s.item)}}`;
  }
  return scalar(value, s);
}

function scalar(value: unknown, s: Style): string {
  const text = JSON.stringify(value) ?? 'null';
  return s.ascii ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}
