import { inputError } from '../errors.js';
import type { FieldOverrides } from './types.js';
import { isObject } from '../is-object.js';

/**
 * Applies field overrides to a body (or a V1 parameter map) and returns a new value; the input is
 * not changed. A key is a field name or a dotted path into nested objects and arrays
 * (`productInfo.skuCode`, `userList.0.role`); `null` deletes the field.
 * @example
 *   applyOverrides({ a: '1', b: '2' }, { a: 'x', b: null }); // { a: 'x' }
 */
export function applyOverrides(target: Readonly<Record<string, unknown>>, overrides: FieldOverrides = {}): Record<string, unknown> {
  const out = structuredClone(target) as Record<string, unknown>;
  for (const [path, value] of Object.entries(overrides)) {
    const segments = path.split('.');
    if (segments.some((s) => s === '')) throw inputError(`override ${JSON.stringify(path)} has an empty segment`, { path });
    let node: unknown = out;
    for (const segment of segments.slice(0, -1)) {
      const holder = node as Record<string, unknown>;
      if (!isObject(holder[segment]) && !Array.isArray(holder[segment])) holder[segment] = {};
      node = holder[segment];
    }
    const last = segments[segments.length - 1] as string;
    const holder = node as Record<string, unknown>;
    if (Array.isArray(holder) && value === null) holder.splice(Number(last), 1);
    else if (value === null) delete holder[last];
    else holder[last] = value;
  }
  return out;
}

/**
 * Parses one override as typed on a command line: `field=value` sets a string, `field:=<json>`
 * sets a JSON value (a number, an object), `!field` deletes the field.
 * @example
 *   parseOverride('testFlag=0');          // ['testFlag', '0']
 *   parseOverride('productInfo.linearValue:=5'); // ['productInfo.linearValue', 5]
 *   parseOverride('!testFlag');           // ['testFlag', null]
 */
export function parseOverride(text: string): readonly [string, unknown] {
  if (text.startsWith('!')) {
    const field = text.slice(1);
    if (field === '') throw inputError('override "!" names no field: write !field to delete a field');
    return [field, null];
  }
  const typed = text.indexOf(':=');
  const plain = text.indexOf('=');
  if (plain <= 0) {
    throw inputError(`override ${JSON.stringify(text)} is not field=value, field:=json or !field`, { override: text });
  }
  if (typed > 0 && typed < plain) {
    const raw = text.slice(typed + 2);
    try {
      return [text.slice(0, typed), JSON.parse(raw) as unknown];
    } catch (e) {
      throw inputError(`override ${JSON.stringify(text)}: the value after := is not JSON`, { override: text }, e);
    }
  }
  return [text.slice(0, plain), text.slice(plain + 1)];
}

/**
 * Parses a list of overrides into one map (later entries win).
 * @internal Exported for the tests.
 */
export const parseOverrides = (texts: readonly string[]): FieldOverrides =>
  Object.fromEntries(texts.map((t) => parseOverride(t)));
