import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSchemaRegistry, type SchemaResult } from '../../../mock-server/core/schemas/registry.js';
import { readSchemaFolders } from './schema-fixtures.js';

/**
 * Shared by the Open API schema tests: a registry over schemas/openapi and schemas/common/envelopes only,
 * the example fixtures of test/fixtures/examples/openapi, and one-change edits addressed by JSON pointer.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Fixture {
  readonly schemas: readonly string[];
  /** `spec`: verbatim from the spec; `completed`: a spec payload with elided parts filled in (see `note`); `constructed`: made for koomock. */
  readonly origin: 'spec' | 'completed' | 'constructed';
  readonly source: string;
  readonly note?: string;
  readonly payload: Json;
}

const OWN_DIRS = ['openapi', 'common/envelopes'] as const;
export const DEFS_ONLY = new Set(['openapi/common-defs.schema.json']);
const FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'examples', 'openapi');

// Only this task's folders: the test must not fail because another folder is mid-edit.
export const schemaFiles = readSchemaFolders(OWN_DIRS);
export const registry = createSchemaRegistry(schemaFiles.map((f) => f.schema));

export const fixtures = new Map<string, Fixture>(
  readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8')) as Fixture]),
);

/** A fresh copy of a fixture's payload, safe to edit. */
export const fixture = (name: string): Json => {
  const f = fixtures.get(name);
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return structuredClone(f.payload);
};

/** [pointer, rule] pairs. Ajv also reports `if` at the object owning a failed if/then; the `then` entry already names the field. */
export const violationsOf = (result: SchemaResult): [string, string][] =>
  result.ok ? [] : result.violations.filter((v) => v.rule !== 'if').map((v) => [v.pointer, v.rule]);

// --- one-change edits addressed by JSON pointer ----------------------------------------------------------------

export type Edit = (payload: Json) => Json;

const segmentsOf = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

const containerAt = (root: Json, pointer: string): { parent: Json[] | Record<string, Json>; key: string } => {
  const segments = segmentsOf(pointer);
  const key = segments.pop();
  let node: Json = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') throw new Error(`${pointer}: ${s} is not inside an object`);
    node = Array.isArray(node) ? (node[Number(s)] ?? null) : (node[s] ?? null);
  }
  if (key === undefined || node === null || typeof node !== 'object') throw new Error(`${pointer} has no parent`);
  return { parent: node, key };
};

export const setAt =
  (pointer: string, value: Json): Edit =>
  (payload) => {
    const { parent, key } = containerAt(payload, pointer);
    if (Array.isArray(parent)) parent[Number(key)] = value;
    else parent[key] = value;
    return payload;
  };

export const removeAt =
  (pointer: string): Edit =>
  (payload) => {
    const { parent, key } = containerAt(payload, pointer);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return payload;
  };

/** Replaces the array at `pointer` with `n` copies of its first item. */
export const repeatFirstAt =
  (pointer: string, n: number): Edit =>
  (payload) => {
    const { parent, key } = containerAt(payload, pointer);
    const list = (Array.isArray(parent) ? parent[Number(key)] : parent[key]) as Json[];
    return setAt(pointer, Array.from({ length: n }, () => structuredClone(list[0] ?? null)))(payload);
  };

/** Renames the property at `pointer` to `to`, keeping its value. */
export const renameAt =
  (pointer: string, to: string): Edit =>
  (payload) => {
    const { parent, key } = containerAt(payload, pointer);
    const value = (parent as Record<string, Json>)[key] ?? null;
    return setAt(`${pointer.slice(0, pointer.lastIndexOf('/'))}/${to}`, value)(removeAt(pointer)(payload));
  };

export const chars = (n: number, c = 'a'): string => c.repeat(n);
