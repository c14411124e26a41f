import type { PathSegment } from './parse-file.js';

/** A JSON Schema object (only the keywords config.schema.json uses are read). */
export type Schema = Readonly<Record<string, unknown>>;

const asSchema = (v: unknown): Schema | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Schema) : undefined;

/** Follows local `$ref`s (`#/$defs/x`), keeping the first `description` met: it is phrased as the expected value. */
function resolve(root: Schema, schema: Schema): Schema {
  let s = schema;
  let description = typeof s['description'] === 'string' ? s['description'] : undefined;
  for (let hops = 0; typeof s['$ref'] === 'string' && hops < 8; hops += 1) {
    const name = /^#\/\$defs\/(.+)$/.exec(s['$ref'] as string)?.[1];
    const target = name === undefined ? undefined : asSchema(asSchema(root['$defs'])?.[name]);
    if (target === undefined) break;
    s = target;
    description ??= typeof s['description'] === 'string' ? s['description'] : undefined;
  }
  return description === undefined ? s : { ...s, description };
}

/**
 * The schema that applies to the value at `path`, or undefined where the schema has none (unknown keys).
 * @example
 *   schemaAt(configSchema, ['profile', 'callTimeoutMs'])?.description; // 'a duration above zero: ...'
 */
export function schemaAt(root: Schema, path: readonly PathSegment[]): Schema | undefined {
  let s: Schema | undefined = resolve(root, root);
  for (const segment of path) {
    if (s === undefined) return undefined;
    const next: unknown = typeof segment === 'number' ? s['items'] : asSchema(s['properties'])?.[segment];
    const child = asSchema(next);
    s = child === undefined ? undefined : resolve(root, child);
  }
  return s;
}

/** The property names an object schema allows. */
export const knownKeys = (schema: Schema | undefined): string[] => Object.keys(asSchema(schema?.['properties']) ?? {});

const code = (v: unknown): string => `\`${String(v)}\``;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const between = (min: number | undefined, max: number | undefined, unit: string): string => {
  if (min !== undefined && max !== undefined) return ` of ${min} to ${max} ${unit}`;
  if (min !== undefined) return ` of at least ${min} ${unit}`;
  return max === undefined ? '' : ` of at most ${max} ${unit}`;
};

const fromTo = (min: number | undefined, max: number | undefined): string => {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  return max === undefined ? '' : ` of at most ${max}`;
};

/**
 * What a value must look like, in words, for error messages ("one of `v2`, `v1`").
 * `root` resolves `$ref`s of list items.
 * @example
 *   describeExpected({ enum: ['v2', 'v1'] }); // 'one of `v2`, `v1`'
 */
export function describeExpected(schema: Schema | undefined, root: Schema = schema ?? {}): string {
  if (schema === undefined) return 'nothing (this key does not exist)';
  if (typeof schema['description'] === 'string') return schema['description'];
  if (Array.isArray(schema['enum'])) return `one of ${schema['enum'].map(code).join(', ')}`;
  switch (schema['type']) {
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
      return `a whole number${fromTo(num(schema['minimum']), num(schema['maximum']))}`;
    case 'number':
      return `a number${fromTo(num(schema['minimum']), num(schema['maximum']))}`;
    case 'string': {
      const min = num(schema['minLength']);
      const max = num(schema['maxLength']);
      return min === 1 && max === undefined ? 'a non-empty text' : `a text${between(min, max, 'characters')}`;
    }
    case 'array': {
      const items = asSchema(schema['items']);
      const of = items === undefined ? '' : `, each ${describeExpected(resolve(root, items), root)}`;
      const unique = schema['uniqueItems'] === true ? ', without duplicates' : '';
      return `a list${between(num(schema['minItems']), num(schema['maxItems']), 'items')}${unique}${of}`;
    }
    case 'object':
      return `a mapping with the keys ${knownKeys(schema).map(code).join(', ')}`;
    default:
      return 'a valid value';
  }
}
