import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createHmac } from 'node:crypto';
import { toCanonicalJson } from '../../../../mock-server/core/signing/index.js';
import { addOrder, createHarness, expectSchema, type Harness, lastExchange, OTHER_SELLER, signRequest, usageHeaders } from './harness.js';

const PATH = '/api/mkp-openapi-public/global/v1/isv/usage-data';
const SCHEMA = 'openapi/usage-push.response.schema.json';
const INSTANCE = '7f141bf1-aec8-4859-8323-fb3a8ad50721';

interface UsageVector {
  readonly key: string;
  readonly ts: string;
  readonly nonce: string;
  readonly body: string;
  readonly signature: string;
}
const VECTORS = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'openapi-signing-vectors.json'), 'utf8')) as {
  usage: UsageVector[];
};
const VECTOR = VECTORS.usage[0] as UsageVector;

const record = (overrides: Record<string, unknown> = {}) => ({
  instance_id: INSTANCE,
  record_time: '20241121T091000Z',
  begin_time: '20241121T080000Z',
  end_time: '20241121T090000Z',
  usage_value: '99',
  metering_sn: 'sn-0001',
  ...overrides,
});

const setup = (profile: Parameters<typeof createHarness>[0] = {}) => {
  const h = createHarness(profile);
  addOrder(h, { chargingMode: 'ON_DEMAND', instanceId: INSTANCE });
  return h;
};

/** A signed push: APIG signature over the body plus the docs/fidelity.md#d26 body signature headers. */
const push = (h: Harness, body: string, headers: Record<string, string> = usageHeaders(h, body)) =>
  h.send(signRequest(h, { method: 'POST', path: PATH, headers, body }));

const pushRecords = (h: Harness, records: unknown[]) => push(h, JSON.stringify({ usage_records: records }));

describe('usage.push', () => {
  test('accepts the usage signature vector and answers the documented success', async () => {
    const h = setup();
    h.clock.setWall(Number(VECTOR.ts));
    const res = await push(h, VECTOR.body, { 'Content-Type': 'application/json', ts: VECTOR.ts, nonce: VECTOR.nonce, signature: VECTOR.signature });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toBe('{"error_code":"MKT.0000","error_msg":"success"}');
    expectSchema(res, SCHEMA);
    expect(h.store.listUsage()).toEqual([expect.objectContaining({ instance_id: INSTANCE, metering_sn: 'a1b2c3d4e5f6', usage_value: '99' })]);
  });

  test('stores a repeated metering_sn once and answers success both times', async () => {
    const h = setup();
    expect((await pushRecords(h, [record()])).status).toBe(200);
    expect((await pushRecords(h, [record({ usage_value: '5' })])).status).toBe(200);
    expect(h.store.listUsage()).toHaveLength(1);
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'usage.rules', received: expect.stringContaining('1 repeated') }));
  });

  test('accepts an instance of an ON_DEMAND_PKG order', async () => {
    const h = createHarness();
    addOrder(h, { chargingMode: 'ON_DEMAND_PKG', instanceId: INSTANCE });
    expect((await pushRecords(h, [record()])).status).toBe(200);
  });
});

describe('usage.push body signature (docs/fidelity.md#d26)', () => {
  const body = JSON.stringify({ usage_records: [record()] });

  test.for([
    ['one changed signature character', (h: Harness) => {
      const headers = usageHeaders(h, body);
      const s = headers.signature ?? '';
      return { ...headers, signature: `${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}` };
    }],
    ['a missing signature header', (h: Harness) => {
      const { signature: _s, ...rest } = usageHeaders(h, body);
      return rest;
    }],
    ['a ts two minutes old', (h: Harness) => usageHeaders(h, body, { ts: String(h.clock.wallNow() - 120_000) })],
    ['the wrong usage key', (h: Harness) => usageHeaders(h, body, { key: OTHER_SELLER.usageKey })],
  ] as const)('answers 400 MKT.0102 for %s', async ([, headers]) => {
    const h = setup();
    const res = await push(h, body, headers(h));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error_code: 'MKT.0102', error_msg: 'Invalid body sign' });
    expectSchema(res, SCHEMA);
    expect(h.store.listUsage()).toEqual([]);
  });

  test('answers 400 MKT.0102 for a nonce used again within 5 minutes', async () => {
    const h = setup();
    const headers = usageHeaders(h, body, { nonce: 'fixed-nonce' });
    expect((await push(h, body, headers)).status).toBe(200);
    const res = await push(h, body, headers);
    expect(res.body).toMatchObject({ error_code: 'MKT.0102' });
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'usage.signature', received: 'replayed' }));
  });

  test('in debug mode names the mistake (hex instead of base64)', async () => {
    const h = setup({ profile: { debug: true } });
    const headers = usageHeaders(h, body);
    const hex = createHmac('sha256', 'exampleIsvKey').update(`ts=${headers.ts}&nonce=${headers.nonce}&body=${body}`).digest('hex');
    const res = await push(h, body, { ...headers, signature: hex });
    expect(res.body).toMatchObject({ error_code: 'MKT.0102', extra_info: expect.stringContaining('likely mistake hex-instead-of-base64') });
  });

  test('accepts a body signed without sorting its keys, and reports it: usage.signature warns "not sorted before signing"', async () => {
    const h = setup();
    const unsorted = JSON.stringify({ usage_records: [record()] });
    expect((await push(h, unsorted)).body).toMatchObject({ error_code: 'MKT.0000' });
    expect(lastExchange(h).verdicts).toContainEqual(
      expect.objectContaining({ id: 'usage.signature', ok: false, severity: 'warn', received: 'signature over the raw body, but the body was not sorted before signing' }),
    );
    const sorted = setup();
    const text = toCanonicalJson(JSON.parse(unsorted.replace('sn-0001', 'sn-0002')), { recursive: true });
    expect((await push(sorted, text)).body).toMatchObject({ error_code: 'MKT.0000' });
    expect(lastExchange(sorted).verdicts).toContainEqual(expect.objectContaining({ id: 'usage.signature', ok: true }));
  });

  test('accepts a signature over the key-sorted body only in canonical mode', async () => {
    // record() lists instance_id before begin_time: not key-sorted.
    const unsorted = JSON.stringify({ usage_records: [record()] });
    const sortedSignature = (h: Harness) => usageHeaders(h, toCanonicalJson(JSON.parse(unsorted), { recursive: true }));
    const raw = setup({ profile: { usageSignature: 'raw' } });
    expect((await push(raw, unsorted, sortedSignature(raw))).status).toBe(400);
    const canonical = setup({ profile: { usageSignature: 'canonical' } });
    expect((await push(canonical, unsorted, sortedSignature(canonical))).status).toBe(200);
    expect(lastExchange(canonical).verdicts).toContainEqual(expect.objectContaining({ id: 'usage.signature', ok: true, received: expect.stringContaining('canonical') }));
  });
});

describe('usage.push rules (docs/fidelity.md#d27)', () => {
  test('answers 400 MKT.0101 for a body that is not JSON', async () => {
    const h = setup();
    const res = await push(h, '{"usage_records":[');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error_code: 'MKT.0101', error_msg: 'Invalid parameter' });
    expectSchema(res, SCHEMA);
  });

  const many = Array.from({ length: 1001 }, (_, i) => record({ metering_sn: `sn-${i}` }));

  test.for([
    ['more than 1000 records', () => many, 500, 'MKT.9003'],
    ['a begin_time 22 days old', () => [record({ begin_time: '20241030T080000Z' })], 500, 'MKT.9004'],
    ['usage_value 0', () => [record({ usage_value: '0' })], 400, 'MKT.0101'],
    ['usage_value with 5 decimals', () => [record({ usage_value: '1.00001' })], 400, 'MKT.0101'],
    ['a record_time not in yyyyMMddTHHmmssZ', () => [record({ record_time: '2024-11-21T09:10:00Z' })], 400, 'MKT.0101'],
    ['a missing metering_sn', () => [record({ metering_sn: undefined })], 400, 'MKT.0101'],
    ['an empty usage_records', () => [], 400, 'MKT.0101'],
    ['an instance koomock does not know', () => [record({ instance_id: 'no-such-instance' })], 500, 'MKT.9001'],
  ] as const)('answers %s with its code', async ([, records, status, code]) => {
    const h = setup();
    const res = await pushRecords(h, [...records()]);
    expect({ status: res.status, code: (res.body as { error_code: string }).error_code }).toEqual({ status, code });
    expectSchema(res, SCHEMA);
    expect(h.store.listUsage()).toEqual([]);
  });

  // The seller's timestamps are judged by the time it can see, never by koomock's virtual clock
  // (docs/fidelity.md, "Answer rules and timing"): a suite that waited out renewals must not make a fresh push "too old".
  test('judges begin_time against the wall clock: after 400 virtual days a push of the last hour is accepted', async () => {
    const h = setup();
    h.clock.advance(400 * 86_400_000);
    const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    const wall = h.clock.wallNow();
    const fresh = record({ begin_time: utc(wall - 3_600_000), end_time: utc(wall - 60_000), record_time: utc(wall) });
    const res = await pushRecords(h, [fresh]);
    expect(res.body).toMatchObject({ error_code: 'MKT.0000' });
    const stale = record({ metering_sn: 'sn-old', begin_time: utc(wall - 22 * 86_400_000), end_time: utc(wall - 22 * 86_400_000 + 60_000), record_time: utc(wall) });
    expect((await pushRecords(h, [stale])).body).toMatchObject({ error_code: 'MKT.9004' });
  });

  test('answers 500 MKT.9001 for an instance of another seller', async () => {
    const h = createHarness();
    addOrder(h, { seller: OTHER_SELLER, chargingMode: 'ON_DEMAND', instanceId: INSTANCE });
    const res = await pushRecords(h, [record()]);
    expect(res.body).toMatchObject({ error_code: 'MKT.9001', extra_info: expect.stringContaining(INSTANCE) });
  });

  test('answers 500 MKT.9001 for an instance of a PERIOD order', async () => {
    const h = createHarness();
    addOrder(h, { chargingMode: 'PERIOD', instanceId: INSTANCE });
    expect((await pushRecords(h, [record()])).body).toMatchObject({ error_code: 'MKT.9001' });
  });
});
