import { parseBoundedJson } from '../bounded-json.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';
import { isObject } from '../is-object.js';

export const BODY_OBJECT = 'body.object';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a JSON array of ${value.length} item(s): ${cut(value, 80)}`;
  if (typeof value === 'string') return `a JSON string: "${cut(value, 80)}"`;
  return `a JSON ${typeof value}: ${cut(value, 80)}`;
}

function looksSerialisedTwice(value: string): boolean {
  const parsed = parseBoundedJson(value);
  return parsed.ok && isObject(parsed.value);
}

function hintFor(value: unknown): string {
  if (Array.isArray(value)) return 'Answer the object itself, not an array around it: {"resultCode":"000000","resultMsg":"success", …}.';
  if (typeof value === 'string' && looksSerialisedTwice(value)) {
    return 'The object was serialised twice (a JSON string holding JSON): return the object and let the framework serialise it once, or write the JSON text without encoding it again.';
  }
  return 'The answer must be a JSON object with resultCode and resultMsg at its top level, e.g. {"resultCode":"000000","resultMsg":"success"}.';
}

/**
 * The parsed answer is a JSON object (not an array, string, number, boolean or null).
 * @example
 *   checkBodyObject([]).received; // 'a JSON array of 0 item(s): []'
 */
export function checkBodyObject(value: unknown): CheckResult {
  const expected = 'a JSON object {"resultCode": …, "resultMsg": …}';
  if (isObject(value)) return { id: BODY_OBJECT, ok: true, expected, received: 'a JSON object' };
  return { id: BODY_OBJECT, ok: false, expected, received: describe(value), hint: hintFor(value) };
}
