import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../mock-server/config/schemas-fs.js';
import { DEFAULT_CATALOG, toDefaultInput } from '../../../mock-server/config/defaults.js';
import { CONFIG_FILE_VARIABLE, CONFIG_VARIABLES } from '../../../mock-server/config/env.js';
import { CONFIG_FLAGS } from '../../../mock-server/config/flags.js';
import { CONFIG_SCHEMA_ID } from '../../../mock-server/config/load.js';
import { checkSemantics } from '../../../mock-server/config/semantics.js';
import type { CatalogProduct, ChargingMode, PeriodType } from '../../../mock-server/core/market/catalog.js';
import { DEFAULT_PROFILE, type FidelityProfile } from '../../../mock-server/core/profile.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
type Json = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'config.schema.json'), 'utf8')) as Json;
const at = (node: unknown, ...keys: string[]): Json => keys.reduce((n, k) => (n as Json)[k] as Json, node as Json);
const profileProps = at(schema, 'properties', 'profile', 'properties');

// Exhaustive by type: adding a member to a union in profile.ts or catalog.ts breaks compilation here.
const ENUMS = {
  generation: { v2: true, v1: true } satisfies Record<FidelityProfile['generation'], true>,
  timestampUnit: { ms: true, seconds: true } satisfies Record<FidelityProfile['timestampUnit'], true>,
  nonce: { alnum32: true, hex64: true } satisfies Record<FidelityProfile['nonce'], true>,
  signatureCase: { upper: true, lower: true } satisfies Record<FidelityProfile['signatureCase'], true>,
  testFlag: { omit: true, zero: true } satisfies Record<FidelityProfile['testFlag'], true>,
  expireTimeDigits: { 14: true, 17: true } satisfies Record<FidelityProfile['expireTimeDigits'], true>,
  bodySign: { present: true, strict: true } satisfies Record<FidelityProfile['bodySign'], true>,
  oaepHash: { sha256: true, 'sha256-mgf1-sha1': true, sha1: true } satisfies Record<FidelityProfile['oaepHash'], true>,
  v1EncryptType: { aes256: true, aes128: true } satisfies Record<FidelityProfile['v1EncryptType'], true>,
  apigAuth: { on: true, off: true } satisfies Record<FidelityProfile['apigAuth'], true>,
  usageSignature: { raw: true, canonical: true } satisfies Record<FidelityProfile['usageSignature'], true>,
  trialPaidFrom: { conversion: true, 'trial-end': true } satisfies Record<FidelityProfile['trialPaidFrom'], true>,
};
const CHARGING_MODES = { PERIOD: true, ONE_TIME: true, ON_DEMAND: true, ON_DEMAND_PKG: true } satisfies Record<ChargingMode, true>;
const PERIOD_TYPES = { year: true, month: true, day: true, hour: true } satisfies Record<PeriodType, true>;
const PRODUCT_KEYS = { productId: true, skuCode: true, productName: true, chargingMode: true, periodTypes: true, linear: true, price: true } satisfies Record<keyof CatalogProduct, true>;

describe('config.schema.json matches the code', () => {
  test('has one profile property per FidelityProfile option', () => {
    expect(Object.keys(profileProps).sort()).toEqual(Object.keys(DEFAULT_PROFILE).sort());
  });

  test('has one retry window per activity of the default profile', () => {
    expect(Object.keys(at(profileProps, 'retryWindowMs', 'properties')).sort()).toEqual(Object.keys(DEFAULT_PROFILE.retryWindowMs).sort());
  });

  test.for(Object.entries(ENUMS))('allows exactly the values of profile option %s', ([name, members]) => {
    const expected = Object.keys(members).map((m) => (name === 'expireTimeDigits' ? Number(m) : m));
    expect(at(profileProps, name)['enum']).toEqual(expected);
  });

  test('describes catalog entries with exactly the fields of CatalogProduct', () => {
    const product = at(schema, '$defs', 'catalogProduct');
    expect(Object.keys(at(product, 'properties')).sort()).toEqual(Object.keys(PRODUCT_KEYS).sort());
    expect(at(product, 'properties', 'chargingMode')['enum']).toEqual(Object.keys(CHARGING_MODES));
    expect(at(product, 'properties', 'periodTypes', 'items')['enum']).toEqual(Object.keys(PERIOD_TYPES));
  });

  test('accepts the defaults', () => {
    expect(getSchemaRegistry().validate(CONFIG_SCHEMA_ID, toDefaultInput())).toEqual({ ok: true });
    expect(checkSemantics(toDefaultInput())).toEqual([]);
  });
});

describe('the default catalog', () => {
  test('has a product for every charging mode', () => {
    expect(new Set(DEFAULT_CATALOG.map((p) => p.chargingMode))).toEqual(new Set(Object.keys(CHARGING_MODES)));
  });

  test('sells its PERIOD SKU by month and by year under two productIds', () => {
    const period = DEFAULT_CATALOG.filter((p) => p.chargingMode === 'PERIOD');
    expect(period.flatMap((p) => p.periodTypes ?? []).sort()).toEqual(['month', 'year']);
    expect(new Set(period.map((p) => p.skuCode)).size).toBe(1);
    expect(new Set(period.map((p) => p.productId)).size).toBe(2);
  });

  test('has an ON_DEMAND SKU with two billing items', () => {
    const onDemand = DEFAULT_CATALOG.filter((p) => p.chargingMode === 'ON_DEMAND');
    expect(onDemand).toHaveLength(2);
    expect(new Set(onDemand.map((p) => p.skuCode)).size).toBe(1);
  });

  test('uses productIds shaped like the platform ones (OFFI + 18 digits)', () => {
    for (const p of DEFAULT_CATALOG) expect(p.productId).toMatch(/^OFFI\d{18}$/);
  });
});

/** Every key path that holds a value (not a mapping), e.g. `profile.retryWindowMs.newInstance`, `catalog[].linear.min`. */
function leafPaths(node: Json, prefix: string): string[] {
  const resolved = typeof node['$ref'] === 'string' ? at(schema, '$defs', (node['$ref'] as string).replace('#/$defs/', '')) : node;
  const props = resolved['properties'] as Record<string, Json> | undefined;
  const items = resolved['items'] as Json | undefined;
  const own = prefix === '' ? [] : [prefix];
  if (props !== undefined) return Object.entries(props).flatMap(([k, v]) => leafPaths(v, prefix === '' ? k : `${prefix}.${k}`));
  if (items !== undefined && resolved['type'] === 'array' && prefix === 'catalog') return [...own, ...leafPaths(items, `${prefix}[]`)];
  return own;
}

describe('docs/config.md documents everything', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'config.md'), 'utf8');
  const keys = leafPaths(schema, '');

  test('walks the whole schema', () => {
    expect(keys).toContain('profile.retryWindowMs.allOrgSync');
    expect(keys).toContain('catalog[].linear.default');
  });

  test.for(keys)('has a table row for %s', (key) => {
    expect(docs).toContain(`| \`${key}\` |`);
  });

  test.for([CONFIG_FILE_VARIABLE, ...CONFIG_VARIABLES.map((v) => v.name)])('lists the variable %s', (name) => {
    expect(docs).toContain(`| \`${name}\` |`);
  });

  test.for(CONFIG_FLAGS.map((f) => f.flag))('names the flag %s', (flag) => {
    expect(docs).toContain(`\`${flag}\``);
  });
});
