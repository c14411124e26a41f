import { Ajv2020 } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import { KoomockError } from '../errors.js';
import { createValidatorRegistry, type SchemaRegistry } from './validation.js';

export type { SchemaRegistry, SchemaViolation } from './validation.js';
/** @internal Exported for the tests. */
export type { SchemaResult } from './validation.js';

// ajv-formats is CommonJS; depending on the loader its function is the default export or default.default.
type AddFormats = (ajv: Ajv2020) => unknown;
const formatsExport = (addFormatsModule as unknown as { default: AddFormats | { default: AddFormats } }).default;
const applyFormats: AddFormats = typeof formatsExport === 'function' ? formatsExport : formatsExport.default;

export interface SchemaAjvOptions {
  /** Check every schema against the 2020-12 meta-schema while adding it (default true). */
  readonly checkSchemas?: boolean;
  /** Keep the generated source of each validator, for standalone code (default false). */
  readonly source?: boolean;
}

/**
 * The one Ajv 2020 configuration koomock validates with (strict, allErrors, formats), over the given
 * schemas (plain objects, each with a `$id`). The validators generated at build time
 * (scripts/validators-codegen.ts) come from this same instance, so both answer alike.
 * @internal Exported for the build's validator generator and the tests.
 */
export function createSchemaAjv(schemas: readonly object[], options: SchemaAjvOptions = {}): { readonly ajv: Ajv2020; readonly ids: readonly string[] } {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    validateSchema: options.checkSchemas ?? true,
    ...(options.source === true ? { code: { source: true } } : {}),
  });
  applyFormats(ajv);
  const ids: string[] = [];
  for (const schema of schemas) {
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id !== 'string') throw new KoomockError('SCHEMA_MISSING', 'a schema has no $id', { schema });
    ajv.addSchema(schema);
    ids.push(id);
  }
  return { ajv, ids };
}

/**
 * A registry that compiles each schema with Ajv on its first use. koomock itself validates with the
 * validators generated at build time (config/schemas-fs.ts); this one serves the tests, which check
 * schemas under construction and that the generated validators agree with the schemas.
 * @internal Exported for the tests.
 * @example
 *   const registry = createSchemaRegistry([{ $id: 'x.schema.json', type: 'object' }]);
 *   registry.validate('x.schema.json', {}); // { ok: true }
 */
export function createSchemaRegistry(schemas: readonly object[], options: { readonly checkSchemas?: boolean } = {}): SchemaRegistry {
  const { ajv, ids } = createSchemaAjv(schemas, options);
  const documents = new Map(schemas.map((s) => [(s as { $id: string }).$id, s as Readonly<Record<string, unknown>>]));
  return createValidatorRegistry({
    ids,
    validator: (id) => {
      const fn = ajv.getSchema(id);
      if (fn === undefined) throw new KoomockError('SCHEMA_MISSING', `no schema with $id ${id}`, { id });
      return fn;
    },
    schemaOf: (id) => documents.get(id),
  });
}
