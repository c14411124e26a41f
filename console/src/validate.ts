/** Checks the send form's body against the activity's request fields while it is typed. */
import type { FieldInfo } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkValue(path: string, spec: FieldInfo, v: unknown, out: string[]): void {
  if (v === null) return;
  switch (spec.kind) {
    case 'int':
      if (!(Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)))) out.push(`${path}: expected an integer`);
      break;
    case 'object':
      if (!isObject(v)) out.push(`${path}: expected an object`);
      else checkFields(`${path}.`, spec.members ?? [], v, out, true);
      return;
    case 'objectList':
      if (!Array.isArray(v)) out.push(`${path}: expected a list`);
      else
        for (const [i, item] of v.entries()) {
          if (isObject(item)) checkFields(`${path}[${i}].`, spec.members ?? [], item, out, true);
          else out.push(`${path}[${i}]: expected an object`);
        }
      return;
    case 'idList':
      if (!(typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))) out.push(`${path}: expected an id or a list of ids`);
      break;
    default:
      if (typeof v !== 'string' && typeof v !== 'number') out.push(`${path}: expected text`);
  }
  if (spec.values !== undefined && (typeof v === 'string' || typeof v === 'number') && !spec.values.some((x) => String(x) === String(v))) {
    out.push(`${path}: ${JSON.stringify(v)} is not one of ${spec.values.join(', ')} (it will be sent as given)`);
  }
}

function checkFields(prefix: string, specs: readonly FieldInfo[], body: Record<string, unknown>, out: string[], nested: boolean): void {
  for (const [k, v] of Object.entries(body)) {
    const spec = specs.find((s) => s.name === k);
    if (spec === undefined) out.push(`${prefix}${k}: not a field of this request (sent as an extra field)`);
    else checkValue(`${prefix}${k}`, spec, v, out);
  }
  if (nested) for (const s of specs) if (s.required && body[s.name] === undefined) out.push(`${prefix}${s.name}: required`);
}

/**
 * Problems of a body text for an activity; empty when it is valid JSON whose fields fit.
 * @example validateBody('{"status":"FROZEN"}', specs) // ['status: "FROZEN" is not one of FREEZE, UNFREEZE (…)']
 */
export function validateBody(text: string, specs: readonly FieldInfo[]): string[] {
  if (text.trim() === '') return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return [`JSON: ${(e as Error).message}`];
  }
  if (!isObject(body)) return ['the body must be a JSON object'];
  const out: string[] = [];
  checkFields('', specs, body, out, false);
  return out;
}
