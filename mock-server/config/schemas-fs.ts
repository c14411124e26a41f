import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchemaRegistry, type SchemaRegistry } from '../core/schemas/registry.js';

/** The package's `schemas/` folder, found from this file whether it runs from source or from dist/. */
export const SCHEMAS_DIR = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const candidate = join(dir, 'schemas');
    try {
      if (statSync(candidate).isDirectory() && statSync(join(dir, 'package.json')).isFile()) return candidate;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  throw new Error('koomock: cannot find the schemas/ folder next to package.json');
})();

const listJson = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listJson(p) : name.endsWith('.schema.json') ? [p] : [];
  });

/** Reads every `*.schema.json` under schemas/ and checks that its `$id` is its path there. */
export function loadSchemaFiles(dir: string = SCHEMAS_DIR): object[] {
  return listJson(dir).map((file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
    const expected = relative(dir, file).split(sep).join('/');
    if (schema.$id !== expected) {
      throw new Error(`koomock: schema ${expected} has $id ${JSON.stringify(schema.$id)}; it must be ${JSON.stringify(expected)}`);
    }
    return schema;
  });
}

let shared: SchemaRegistry | undefined;

/**
 * The process-wide registry over schemas/, loaded once. The meta-schema check of the shipped schemas
 * runs in the test suite (test/unit/schemas/meta-schema.test.ts), not at every start.
 */
export const getSchemaRegistry = (): SchemaRegistry =>
  (shared ??= createSchemaRegistry(loadSchemaFiles(), { checkSchemas: false }));
