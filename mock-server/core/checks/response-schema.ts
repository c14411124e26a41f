import type { CheckResult } from '../result.js';
import type { SchemaRegistry, SchemaViolation } from '../schemas/registry.js';
import { cut } from './cut.js';

export const RESPONSE_SCHEMA = 'response.schema';

const SHOWN = 5;

const line = (v: SchemaViolation): string => `${v.pointer === '' ? '/' : v.pointer}: ${v.rule}${v.rule === 'required' ? '' : ` (${v.message})`}`;

function hintFor(v: SchemaViolation): string {
  const field = v.pointer === '' ? 'the body' : v.pointer.slice(1).replaceAll('/', '.');
  if (v.pointer === '/resultCode' && v.rule === 'type') {
    return 'Send resultCode as a JSON string of six digits, e.g. "000000": a JSON number (0) loses the leading zeros and is not a result code.';
  }
  switch (v.rule) {
    case 'required':
      return `Add ${field} to the answer; it is mandatory for this activity.`;
    case 'type':
      return `Send ${field} with the documented type (${v.message}); produce fields are strings unless documented otherwise.`;
    case 'maxLength':
    case 'maxItems':
      return `Shorten ${field}: ${v.message}.`;
    case 'pattern':
    case 'enum':
    case 'const':
    case 'format':
      return `Send ${field} in the documented form: ${v.message}.`;
    default:
      return `Fix ${field}: ${v.message}.`;
  }
}

/** A schema check plus the JSON pointers it flagged, so later checks can stay quiet about those fields. */
export interface ResponseValidation {
  readonly check: CheckResult;
  readonly pointers: readonly string[];
}

/**
 * The answer satisfies the activity's response JSON Schema. `received` names each violation as
 * `<JSON pointer>: <rule>`, e.g. `/instanceId: required`.
 * @example
 *   validateResponse(registry, 'produce/v2/newInstance.response.schema.json', { resultCode: 0 }).pointers;
 *   // ['/resultCode', '/instanceId'] (instanceId only when resultCode is 000000/000004)
 */
export function validateResponse(registry: SchemaRegistry, schemaId: string, value: unknown): ResponseValidation {
  const expected = `an answer valid against ${schemaId}`;
  if (!registry.has(schemaId)) {
    return {
      check: {
        id: RESPONSE_SCHEMA,
        ok: false,
        severity: 'warn',
        expected,
        received: 'koomock has no such schema',
        hint: 'This is a gap in koomock, not a seller mistake: the answer was not schema-checked. Please report it.',
      },
      pointers: [],
    };
  }
  const result = registry.validate(schemaId, value);
  if (result.ok) return { check: { id: RESPONSE_SCHEMA, ok: true, expected, received: 'valid' }, pointers: [] };
  const shown = result.violations.slice(0, SHOWN).map((v) => cut(line(v), 120));
  const more = result.violations.length - shown.length;
  const first = result.violations[0];
  return {
    check: {
      id: RESPONSE_SCHEMA,
      ok: false,
      expected,
      received: shown.join('; ') + (more > 0 ? `; and ${more} more` : ''),
      ...(first === undefined ? {} : { hint: hintFor(first) }),
    },
    pointers: result.violations.map((v) => v.pointer),
  };
}

/**
 * The schema check alone.
 * @example
 *   checkResponseSchema(registry, 'produce/v2/newInstance.response.schema.json', { resultCode: '000000' }).received;
 *   // '/instanceId: required'
 * @internal Exported for the tests.
 */
export const checkResponseSchema = (registry: SchemaRegistry, schemaId: string, value: unknown): CheckResult => validateResponse(registry, schemaId, value).check;
