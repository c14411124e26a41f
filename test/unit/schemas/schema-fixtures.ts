import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { SCHEMAS_DIR } from '../../../mock-server/config/schemas-fs.js';
import { createSchemaRegistry, type SchemaRegistry, type SchemaResult } from '../../../mock-server/core/schemas/registry.js';

/**
 * Shared by the schema tests: schema files read from schemas/ by folder, and (for the kit and produce tests) a
 * registry over one area's folders plus the shared result-code $defs, with the example fixtures of
 * test/fixtures/examples/<area> and one-field edits checked against a single expected violation.
 */

const EXAMPLES_ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'examples');
const COMMON_ID = 'common/result-code.schema.json';

/** Every file below `dir` (recursively) whose name ends in `suffix`. */
export const listFiles = (dir: string, suffix: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, suffix) : name.endsWith(suffix) ? [p] : [];
  });

export interface SchemaFile {
  /** Path under schemas/, with `/` separators: the `$id` the file must declare. */
  readonly path: string;
  readonly schema: Record<string, unknown>;
}

export const readSchema = (file: string): SchemaFile => ({
  path: relative(SCHEMAS_DIR, file).split(sep).join('/'),
  schema: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
});

/** The schema files of some folders under schemas/, e.g. `readSchemaFolders(['kit'])`. */
export const readSchemaFolders = (folders: readonly string[]): SchemaFile[] =>
  folders.flatMap((f) => listFiles(join(SCHEMAS_DIR, f), '.schema.json')).map(readSchema);

export interface Violation {
  readonly pointer: string;
  readonly rule: string;
}

export interface Example {
  readonly name: string;
  readonly source: string;
  readonly origin: 'spec' | 'constructed';
  readonly schema: string;
  readonly payload: unknown;
  /** Set only for a spec payload that is known not to be a complete message (the fixture says why). */
  readonly violations?: readonly Violation[];
}

export interface SchemaArea {
  /** The area's own schema files. */
  readonly own: readonly SchemaFile[];
  /** The shared result-code $defs the area's schemas refer to. */
  readonly common: SchemaFile;
  readonly registry: SchemaRegistry;
  readonly examples: readonly Example[];
  /** The example fixture `name` (its path under the area's examples folder, without `.json`). */
  readonly example: (name: string) => Example;
}

/**
 * Only the area's files (plus the shared $defs): schemas other people are still writing cannot break its tests.
 *
 * @example const kit = loadSchemaArea(['kit'], 'kit'); kit.registry.validate('kit/tenantSync.request.schema.json', payload);
 */
export const loadSchemaArea = (folders: readonly string[], examplesFolder: string): SchemaArea => {
  const own = readSchemaFolders(folders);
  const common = readSchema(join(SCHEMAS_DIR, COMMON_ID));
  const examplesDir = join(EXAMPLES_ROOT, examplesFolder);
  const examples: readonly Example[] = listFiles(examplesDir, '.json').map((file) => ({
    name: relative(examplesDir, file).replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<Example, 'name'>),
  }));
  const example = (name: string): Example => {
    const found = examples.find((e) => e.name === name);
    if (found === undefined) throw new Error(`no fixture ${name}.json in ${examplesDir}`);
    return found;
  };
  return { own, common, registry: createSchemaRegistry([common.schema, ...own.map((s) => s.schema)]), examples, example };
};

export const violationsOf = (result: SchemaResult): Violation[] =>
  result.ok ? [] : result.violations.map(({ pointer, rule }) => ({ pointer, rule }));

export const REMOVE = Symbol('remove');

/** Copy of `value` with the member at JSON pointer `at` replaced (or removed). */
export const changed = (value: unknown, at: string, to: unknown): unknown => {
  const copy = structuredClone(value);
  const keys = at.split('/').slice(1);
  const last = keys.pop();
  if (last === undefined) throw new Error('changed() needs a pointer below the root');
  let node = copy as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (to === REMOVE) delete node[last];
  else node[last] = to;
  return copy;
};

export const chars = (n: number): string => 'x'.repeat(n);

/** A valid example with one field changed, expected to fail at exactly one pointer and rule. */
export interface Rejection extends Violation {
  readonly name: string;
  readonly example: string;
  readonly schema: string;
  readonly at: string;
  readonly to: unknown;
}

/** A valid example with one field changed that must still validate. */
export interface Acceptance {
  readonly name: string;
  readonly example: string;
  readonly at: string;
  readonly to: unknown;
}

/** Asserts that the row's example is valid as it stands and fails only where the row says once changed. */
export const expectRejects = (area: SchemaArea, row: Rejection): void => {
  const base = area.example(row.example);
  expect(base.schema).toBe(row.schema);
  expect(violationsOf(area.registry.validate(row.schema, base.payload))).toEqual([]);
  const broken = changed(base.payload, row.at, row.to);
  expect(violationsOf(area.registry.validate(row.schema, broken))).toEqual([{ pointer: row.pointer, rule: row.rule }]);
};

/** Asserts that the row's example still validates once changed. */
export const expectAccepts = (area: SchemaArea, row: Acceptance): void => {
  const base = area.example(row.example);
  expect(violationsOf(area.registry.validate(base.schema, changed(base.payload, row.at, row.to)))).toEqual([]);
};

/** The paths of `files` that no item of `covering` names as its schema (expected to be empty). */
export const uncovered = (files: readonly SchemaFile[], covering: readonly { readonly schema: string }[]): string[] => {
  const covered = new Set(covering.map((c) => c.schema));
  return files.map((s) => s.path).filter((p) => !covered.has(p));
};
