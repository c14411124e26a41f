import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getSchemaRegistry, SCHEMAS_DIR } from '../../../../mock-server/config/schemas-fs.js';
import { DEFAULT_PROFILE } from '../../../../mock-server/core/profile.js';
import { ACTIVITY_NAMES } from '../../../../mock-server/core/scenario/load/activities.js';
import { MOCK_ORDER_IDS } from '../../../../mock-server/core/scenario/load/model.js';
import { keysFromSchema } from '../../../../mock-server/core/scenario/load/schema-problems.js';

type Json = { readonly [key: string]: Json } & Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'scenario.schema.json'), 'utf8')) as Json;
const defs = schema['$defs'] as Json;
const keysOf = (s: unknown): string[] => Object.keys(((s as Json)['properties'] ?? {}) as Json);

// The hints name the allowed keys the schema walker reads from the schema; these rows read them by hand.
describe('scenario.schema.json and the parser agree', () => {
  const keysAt = keysFromSchema(getSchemaRegistry(), 'scenario.schema.json');
  test.for([
    ['root', '', keysOf(schema)],
    ['step', '/steps/0', keysOf(defs['step'])],
    ['order', '/steps/0/order', keysOf(defs['order'])],
    ['extendParam', '/steps/0/order/extendParams/0', keysOf((defs['extendParams'] as Json)['items'])],
    ['expect', '/steps/1/expect', keysOf(defs['expect'])],
    ['matcher', '/steps/1/expect/fields/instanceId', keysOf(((defs['matcher'] as Json)['anyOf'] as unknown as Json[])[1])],
    ['faultRule', '/steps/2/faults/0', keysOf(defs['faultRule'])],
    ['faultAction', '/steps/2/faults/0/action', keysOf((defs['faultRule'] as Json)['properties']?.['action'])],
    ['profile (in config.schema.json)', '/profile', Object.keys(DEFAULT_PROFILE)],
    ['retryWindow (in config.schema.json)', '/profile/retryWindowMs', Object.keys(DEFAULT_PROFILE.retryWindowMs)],
  ] as const)('the allowed keys of %s', ([, pointer, keys]) => {
    expect([...keysAt(pointer)].sort()).toEqual([...keys].sort());
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
