/**
 * Reading a JSON Schema the way error messages need it: the schema that applies at a path of the
 * value, the keys an object there may have, and what a value must look like, in words. The config
 * loader and the scenario loader both read their known keys from their schema here, so a key added
 * to a schema is known to the messages at once.
 */
import { isObject } from '../is-object.js';

/** A JSON Schema object (only the keywords koomock's schemas use are read). */
export type Schema = Readonly<Record<string, unknown>>;

/** A step into a value: an object key or a list index. */
export type PathSegment = string | number;

/** Finds another schema by `$id` (for `$ref`s such as `config.schema.json#/properties/profile`). */
export type SchemaLoader = (id: string) => Schema | undefined;

/** A schema and the document its local `$ref`s resolve against. */
interface Located {
  readonly root: Schema;
  readonly schema: Schema;
}

const asSchema = (v: unknown): Schema | undefined => (isObject(v) ? v : undefined);

/** The value at a JSON pointer (`/properties/profile`) inside a schema document. */
function atPointer(root: Schema, pointer: string): Schema | undefined {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = asSchema(node)?.[key];
  }
  return asSchema(node);
}

/** Follows `$ref`s (local, or into another schema through `load`), keeping the first `description` met: it is phrased as the expected value. */
function resolve(at: Located, load?: SchemaLoader): Located {
  let { root, schema: s } = at;
  let description = typeof s['description'] === 'string' ? s['description'] : undefined;
  for (let hops = 0; typeof s['$ref'] === 'string' && hops < 8; hops += 1) {
    const [file = '', pointer = ''] = (s['$ref'] as string).split('#');
    const doc = file === '' ? root : load?.(file);
    const target = doc === undefined ? undefined : atPointer(doc, pointer);
    if (doc === undefined || target === undefined) break;
    root = doc;
    s = target;
    description ??= typeof s['description'] === 'string' ? s['description'] : undefined;
  }
  return { root, schema: description === undefined ? s : { ...s, description } };
}

/** The schema and its branches (`allOf`, `anyOf`, `oneOf`, `then`, `else`), each resolved. */
function branches(at: Located, load?: SchemaLoader): Located[] {
  const here = resolve(at, load);
  const more = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(here.schema[k]) ? (here.schema[k] as unknown[]) : []));
  const conditional = ['then', 'else'].map((k) => here.schema[k]);
  return [here, ...[...more, ...conditional].flatMap((b) => (asSchema(b) === undefined ? [] : branches({ root: here.root, schema: asSchema(b) as Schema }, load)))];
}

/**
 * The schema that applies to the value at `path`, or undefined where the schema has none (unknown keys).
 * @example
 *   schemaAt(configSchema, ['profile', 'callTimeoutMs'])?.description; // 'a duration above zero: ...'
 */
export function schemaAt(root: Schema, path: readonly PathSegment[], load?: SchemaLoader): Schema | undefined {
  let at: Located | undefined = resolve({ root, schema: root }, load);
  for (const segment of path) {
    if (at === undefined) return undefined;
    const parent: Located = at;
    const child = branches(parent, load)
      .map((b) => ({ root: b.root, next: asSchema(typeof segment === 'number' ? b.schema['items'] : (asSchema(b.schema['properties'])?.[segment] ?? b.schema['additionalProperties'])) }))
      .find((c) => c.next !== undefined);
    at = child?.next === undefined ? undefined : resolve({ root: child.root, schema: child.next }, load);
  }
  return at?.schema === undefined ? undefined : { ...at.schema, [ROOT]: at.root };
}

/** Where a schema returned by schemaAt came from, so that knownKeys can follow its `$ref`s and branches. */
const ROOT = Symbol('koomock.schema-root');

/**
 * The property names an object schema allows, over all its branches.
 * @example knownKeys(schemaAt(scenarioSchema, ['steps', 0])); // ['id', 'title', 'order', 'send', …]
 */
export function knownKeys(schema: Schema | undefined, load?: SchemaLoader): string[] {
  if (schema === undefined) return [];
  const root = ((schema as Record<symbol, unknown>)[ROOT] as Schema | undefined) ?? schema;
  const keys = branches({ root, schema }, load).flatMap((b) => Object.keys(asSchema(b.schema['properties']) ?? {}));
  return [...new Set(keys)];
}

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
      const of = items === undefined ? '' : `, each ${describeExpected(resolve({ root, schema: items }).schema, root)}`;
      const unique = schema['uniqueItems'] === true ? ', without duplicates' : '';
      return `a list${between(num(schema['minItems']), num(schema['maxItems']), 'items')}${unique}${of}`;
    }
    case 'object':
      return `a mapping with the keys ${knownKeys(schema).map(code).join(', ')}`;
    default:
      return 'a valid value';
  }
}
