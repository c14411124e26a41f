import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import { KoomockError } from '../errors.js';

// ajv-formats is CommonJS; depending on the loader its function is the default export or default.default.
type AddFormats = (ajv: Ajv2020) => unknown;
const formatsExport = (addFormatsModule as unknown as { default: AddFormats | { default: AddFormats } }).default;
const applyFormats: AddFormats = typeof formatsExport === 'function' ? formatsExport : formatsExport.default;

/** One schema violation, located by JSON pointer, ready for a report. */
export interface SchemaViolation {
  /** JSON pointer into the validated value, e.g. `/instanceId` ("" for the root). */
  readonly pointer: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `maxLength`. */
  readonly rule: string;
  readonly message: string;
}

export type SchemaResult = { readonly ok: true } | { readonly ok: false; readonly violations: readonly SchemaViolation[] };

export interface SchemaRegistry {
  /** Validates `value` against the schema whose `$id` is `id` (its path under schemas/). */
  validate(id: string, value: unknown): SchemaResult;
  has(id: string): boolean;
  ids(): readonly string[];
  /** The schema document whose `$id` is `id`, as given (for messages that read it, see schema-walk.ts). */
  schemaOf(id: string): Readonly<Record<string, unknown>> | undefined;
}

const toViolation = (e: ErrorObject): SchemaViolation => {
  // For `required`, point at the missing property itself: "/instanceId" reads better than "".
  const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
  const pointer = missing === undefined ? e.instancePath : `${e.instancePath}/${missing}`;
  const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty?: string }).additionalProperty})` : '';
  return { pointer, rule: e.keyword, message: `${e.message ?? e.keyword}${extra}` };
};

/**
 * Builds the one Ajv 2020 instance (strict, allErrors, formats) over the given schemas.
 * Schemas are plain objects (loaded by an adapter); each needs a `$id`.
 * @example
 *   const registry = createSchemaRegistry([{ $id: 'x.schema.json', type: 'object' }]);
 *   registry.validate('x.schema.json', {}); // { ok: true }
 */
export function createSchemaRegistry(
  schemas: readonly object[],
  options: { readonly checkSchemas?: boolean } = {},
): SchemaRegistry {
  // Checking every schema against the 2020-12 meta-schema costs ~100 ms at each start; the shipped
  // schemas are checked once in the test suite, so the runtime may skip it (strict mode still applies).
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateSchema: options.checkSchemas ?? true });
  applyFormats(ajv);
  const ids: string[] = [];
  const documents = new Map<string, Readonly<Record<string, unknown>>>();
  for (const schema of schemas) {
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id !== 'string') throw new KoomockError('SCHEMA_MISSING', 'a schema has no $id', { schema });
    ajv.addSchema(schema);
    ids.push(id);
    documents.set(id, schema as Readonly<Record<string, unknown>>);
  }
  const compiled = new Map<string, ValidateFunction>();
  const get = (id: string): ValidateFunction => {
    let fn = compiled.get(id);
    if (fn === undefined) {
      fn = ajv.getSchema(id);
      if (fn === undefined) throw new KoomockError('SCHEMA_MISSING', `no schema with $id ${id}`, { id });
      compiled.set(id, fn);
    }
    return fn;
  };
  return {
    validate(id, value) {
      const fn = get(id);
      if (fn(value)) return { ok: true };
      // Ajv adds an `if` entry beside every failed `then`; the `then` entries already say what is wrong.
      const errors = (fn.errors ?? []).filter((e) => e.keyword !== 'if');
      return { ok: false, violations: errors.map(toViolation) };
    },
    has: (id) => ids.includes(id),
    ids: () => [...ids],
    schemaOf: (id) => documents.get(id),
  };
}
