import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCHEMAS_DIR } from '../../../../mock-server/config/schemas-fs.js';
import { ACTIVITY_NAMES } from '../../../../mock-server/core/scenario/load/activities.js';
import { MOCK_ORDER_IDS } from '../../../../mock-server/core/scenario/load/model.js';
import { KNOWN_KEYS } from '../../../../mock-server/core/scenario/load/schema-problems.js';

type Json = { readonly [key: string]: Json } & Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'scenario.schema.json'), 'utf8')) as Json;
const defs = schema['$defs'] as Json;
const keysOf = (s: unknown): string[] => Object.keys(((s as Json)['properties'] ?? {}) as Json);

// The hints name allowed keys from KNOWN_KEYS; these keep them equal to what the schema allows.
describe('scenario.schema.json and the parser agree', () => {
  test.for([
    ['root', keysOf(schema)],
    ['step', keysOf(defs['step'])],
    ['order', keysOf(defs['order'])],
    ['extendParam', keysOf((defs['extendParams'] as Json)['items'])],
    ['expect', keysOf(defs['expect'])],
    ['matcher', keysOf(((defs['matcher'] as Json)['anyOf'] as unknown as Json[])[1])],
  ] as const)('the allowed keys of %s', ([place, keys]) => {
    expect([...KNOWN_KEYS[place]].sort()).toEqual([...keys].sort());
  });

  test('the activity enum is every activity the produce builders know', () => {
    expect([...((defs['activity'] as Json)['enum'] as unknown as string[])].sort()).toEqual([...ACTIVITY_NAMES].sort());
  });

  test('the mock order enum is the nine mock orders', () => {
    expect(((defs['order'] as Json)['properties'] as Json)['mock']?.['enum']).toEqual([...MOCK_ORDER_IDS]);
  });

  test('the profile options are the config file profile section', () => {
    expect((schema['properties'] as Json)['profile']?.['$ref']).toBe('config.schema.json#/properties/profile');
  });
});
