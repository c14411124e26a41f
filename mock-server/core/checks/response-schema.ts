import type { CheckResult } from '../result.js';
import type { SchemaRegistry, SchemaViolation } from '../schemas/registry.js';
import { cut } from './cut.js';

export const RESPONSE_SCHEMA = 'response.schema';

const SHOWN = 5;

const line = (v: SchemaViolation): string => `${v.pointer === '' ? '/' : v.pointer}: ${v.rule}${v.rule === 'required' ? '' : ` (${v.message})`}`;

function hintFor(v: SchemaViolation): string {
  const field = v.pointer === '' ? 'the body' : v.pointer.slice(1).replaceAll('/', '.');
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

/**
 * The answer satisfies the activity's response JSON Schema. `received` names each violation as
 * `<JSON pointer>: <rule>`, e.g. `/instanceId: required`.
 * @example
 *   checkResponseSchema(registry, 'produce/v2/newInstance.response.schema.json', { resultCode: '000000' }).received;
 *   // '/instanceId: required'
 */
export function checkResponseSchema(registry: SchemaRegistry, schemaId: string, value: unknown): CheckResult {
  const expected = `an answer valid against ${schemaId}`;
  if (!registry.has(schemaId)) {
    return {
      id: RESPONSE_SCHEMA,
      ok: false,
      severity: 'warn',
      expected,
      received: 'koomock has no such schema',
      hint: 'This is a gap in koomock, not a seller mistake: the answer was not schema-checked. Please report it.',
    };
  }
  const result = registry.validate(schemaId, value);
  if (result.ok) return { id: RESPONSE_SCHEMA, ok: true, expected, received: 'valid' };
  const shown = result.violations.slice(0, SHOWN).map((v) => cut(line(v), 120));
  const more = result.violations.length - shown.length;
  const first = result.violations[0];
  return {
    id: RESPONSE_SCHEMA,
    ok: false,
    expected,
    received: shown.join('; ') + (more > 0 ? `; and ${more} more` : ''),
    ...(first === undefined ? {} : { hint: hintFor(first) }),
  };
}
