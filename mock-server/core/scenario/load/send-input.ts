/**
 * What a person types to send one call (`koomock send`, the console's send form) turned into
 * builder fields and raw overrides: `--set` assignments, a whole `--body`, and the list of every
 * required field still missing, so one run names them all.
 */
import { inputError } from '../../errors.js';
import { isObject } from '../../is-object.js';
import { parseOverride } from '../../produce/overrides.js';
import type { FieldSpec } from '../../produce/field-spec.js';
import { fieldSpecsOf } from './activities.js';

/** A dotted path and its value. */
export type Assignment = readonly [path: string, value: unknown];


/** A JSON object or array written after `=`; anything else stays text. */
function jsonContainer(text: string): unknown {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Parses one `--set` like a produce override (`field=value`, `field:=<json>`, `!field`), except
 * that a JSON object or array after `=` is parsed.
 * @example
 *   parseSetText('productInfo={"productId":"P"}'); // ['productInfo', { productId: 'P' }]
 *   parseSetText('status=FREEZE');                 // ['status', 'FREEZE']
 */
export function parseSetText(text: string): Assignment {
  const [path, value] = parseOverride(text);
  if (typeof value !== 'string' || !text.slice(path.length).startsWith('=')) return [path, value];
  const json = jsonContainer(value);
  return [path, json === undefined ? value : json];
}

/**
 * A whole body (`--body`) as top-level assignments; `activity` is the command's own and dropped.
 * @example bodyAssignments('newInstance', { activity: 'newInstance', orderId: 'CS1' }); // [['orderId', 'CS1']]
 */
export function bodyAssignments(activity: string, body: unknown): Assignment[] {
  if (!isObject(body)) throw inputError('--body must be a JSON object, e.g. {"instanceId":"…"} or @body.json');
  if (body['activity'] !== undefined && body['activity'] !== activity) {
    throw inputError(`--body says activity ${JSON.stringify(body['activity'])} but the command sends ${activity}: send that activity, or remove "activity" from the body`);
  }
  return Object.entries(body).filter(([k]) => k !== 'activity');
}

function setPath(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  segments.slice(0, -1).forEach((segment, i) => {
    const holder = node as Record<string, unknown>;
    const next = segments[i + 1] as string;
    if (typeof holder[segment] !== 'object' || holder[segment] === null) holder[segment] = /^\d+$/.test(next) ? [] : {};
    node = holder[segment] as Record<string, unknown>;
  });
  (node as Record<string, unknown>)[segments.at(-1) as string] = value;
}

/**
 * Splits assignments: a builder field of the activity, or a dotted path into one of its objects or
 * lists (`productInfo.skuCode`, `userList.0.role`), goes to `fields` where the builder checks and
 * types it; anything else, deletions and values the builder would refuse go to the raw overrides
 * (with a valid placeholder for a refused required field, so the override replaces it).
 * @example
 *   splitAssignments('refreshInstance', [['scene', 'BOGUS'], ['extra', '1']]);
 *   // { fields: { scene: 'TRIAL_TO_FORMAL' }, overrides: { scene: 'BOGUS', extra: '1' } }
 */
export function splitAssignments(activity: string, assignments: readonly Assignment[], generation: 'v1' | 'v2' = 'v2'): { fields: Record<string, unknown>; overrides: Record<string, unknown> } {
  const specs = fieldSpecsOf(activity, generation) ?? [];
  const fields: Record<string, unknown> = {};
  const overrides: Record<string, unknown> = {};
  for (const [path, value] of assignments) {
    const segments = path.split('.');
    const head = segments[0] as string;
    const spec = specs.find((s) => s.name === head);
    if (spec === undefined || value === null) {
      overrides[path] = value;
      continue;
    }
    if (segments.length > 1) {
      if (spec.kind !== 'object' && spec.kind !== 'objectList') overrides[path] = value;
      else setPath(fields, segments, value);
      continue;
    }
    const allowed = spec.values;
    if (allowed !== undefined && (typeof value === 'string' || typeof value === 'number') && !allowed.includes(value) && !allowed.includes(Number(value))) {
      if (spec.required) fields[path] = allowed[0];
      overrides[path] = value;
      continue;
    }
    fields[path] = value;
  }
  return { fields, overrides };
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Every required field neither given nor derived, as dotted paths (members of a given object too).
 * @example missingFields('changeInstanceCheck', { instanceId: 'i' }); // ['productInfo']
 */
export function missingFields(activity: string, fields: Readonly<Record<string, unknown>>, overrides: Readonly<Record<string, unknown>> = {}, generation: 'v1' | 'v2' = 'v2'): string[] {
  const walk = (specs: readonly FieldSpec[], given: Readonly<Record<string, unknown>>, prefix: string): string[] =>
    specs.flatMap((spec) => {
      const path = `${prefix}${spec.name}`;
      const v = given[spec.name];
      if (present(overrides[path])) return [];
      if (!present(v)) return spec.required && spec.default === undefined ? [path] : [];
      if (spec.kind === 'object' && isObject(v)) return walk(spec.members ?? [], v, `${path}.`);
      if (spec.kind === 'objectList' && Array.isArray(v)) return v.flatMap((item, i) => (isObject(item) ? walk(spec.members ?? [], item, `${path}.${i}.`) : []));
      return [];
    });
  return walk(fieldSpecsOf(activity, generation) ?? [], fields, '');
}

/** An example value for a field in a message: its allowed values, or its kind. */
export function exampleOf(activity: string, path: string, generation: 'v1' | 'v2' = 'v2'): string {
  let specs: readonly FieldSpec[] = fieldSpecsOf(activity, generation) ?? [];
  let spec: FieldSpec | undefined;
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) continue;
    spec = specs.find((s) => s.name === segment);
    specs = spec?.members ?? [];
  }
  if (spec === undefined) return '<value>';
  if (spec.values !== undefined) return spec.values.join('|');
  if (spec.kind === 'object') return `'{${(spec.members ?? []).filter((m) => m.required).map((m) => `"${m.name}":…`).join(',')}}'`;
  if (spec.kind === 'objectList') return `'[{${(spec.members ?? []).filter((m) => m.required).map((m) => `"${m.name}":…`).join(',')}}]'`;
  if (spec.kind === 'int') return '<integer>';
  if (spec.kind === 'time') return '<yyyyMMddHHmmss>';
  return '<text>';
}
