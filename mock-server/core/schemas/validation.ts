import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { KoomockError } from '../errors.js';

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

/** Where a registry gets its validate functions: compiled by Ajv now, or generated at build time. */
export interface ValidatorSource {
  /** Every schema `$id` the source knows. */
  readonly ids: readonly string[];
  /** The validate function of a known `id`; called once per id, on its first use. */
  validator(id: string): ValidateFunction;
  /** The schema document of `id`. */
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
 * The registry over a source of validate functions: each is fetched on its first use and kept.
 * Imports no Ajv code itself, so a process that validates with the validators generated at build
 * time (config/schemas-fs.ts) neither loads nor runs the schema compiler.
 * @example
 *   const registry = createValidatorRegistry({ ids: ['x.schema.json'], validator: () => validateX, schemaOf: () => undefined });
 *   registry.validate('x.schema.json', {}); // { ok: true } when validateX accepts {}
 */
export function createValidatorRegistry(source: ValidatorSource): SchemaRegistry {
  const known = new Set(source.ids);
  const ready = new Map<string, ValidateFunction>();
  const get = (id: string): ValidateFunction => {
    let fn = ready.get(id);
    if (fn === undefined) {
      if (!known.has(id)) throw new KoomockError('SCHEMA_MISSING', `no schema with $id ${id}`, { id });
      fn = source.validator(id);
      ready.set(id, fn);
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
    has: (id) => known.has(id),
    ids: () => [...source.ids],
    schemaOf: (id) => (known.has(id) ? source.schemaOf(id) : undefined),
  };
}
