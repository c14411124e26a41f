import { describe, expect, test } from 'vitest';
import { addOrder, createHarness, expectSchema, type Harness, OTHER_SELLER, SELLER, signRequest } from './harness.js';

const OLD_PATH = '/rest/marketplace/v1/isv/usage-data';
const legacyPath = (partnerId: string) => `/v1.0/${partnerId}/billing/bill-mgr/push-usage-data`;
const INSTANCE = '7f141bf1-aec8-4859-8323-fb3a8ad50721';

const setup = () => {
  const h = createHarness();
  const { instance } = addOrder(h, { chargingMode: 'ON_DEMAND', instanceId: INSTANCE });
  return { h, productId: instance.productId };
};

const post = (h: Harness, path: string, body: unknown) =>
  h.send(signRequest(h, { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));

const oldRecord = (overrides: Record<string, unknown> = {}) => ({
  instance_id: INSTANCE,
  record_time: '20241121T091000Z',
  begin_time: '20241121T080000Z',
  end_time: '20241121T090000Z',
  usage_value: '99',
  ...overrides,
});

const legacyRecord = (overrides: Record<string, unknown> = {}) => ({
  instanceId: INSTANCE,
  recordTime: '20241121T091000Z',
  beginTime: '20241121T080000Z',
  endTime: '20241121T090000Z',
  usageEntity: { times: '3524' },
  ...overrides,
});

describe('usage.push-old', () => {
  const SCHEMA = 'openapi/usage-push-old.response.schema.json';

  test("accepts the doc's example (two records, no body signature, usage_value as a string)", async () => {
    const { h } = setup();
    const res = await post(h, OLD_PATH, { usage_records: [oldRecord(), oldRecord({ usage_value: '999' })] });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toBe('{"error_code":"MKT.0000","error_msg":"success"}');
    expectSchema(res, SCHEMA);
    expect(h.store.listUsage().map((r) => r.usage_value)).toEqual(['99', '999']);
  });

  test('accepts usage_value as a number and the product_id of the instance', async () => {
    const { h, productId } = setup();
    expect((await post(h, OLD_PATH, { usage_records: [oldRecord({ usage_value: 12.5, product_id: productId })] })).status).toBe(200);
    expect(h.store.listUsage()[0]?.usage_value).toBe('12.5');
  });

  test('stores the same record pushed twice once', async () => {
    const { h } = setup();
    await post(h, OLD_PATH, { usage_records: [oldRecord()] });
    await post(h, OLD_PATH, { usage_records: [oldRecord()] });
    expect(h.store.listUsage()).toHaveLength(1);
  });

  test.for([
    ['more than 100 records', () => ({ usage_records: Array.from({ length: 101 }, (_, i) => oldRecord({ usage_value: String(i + 1) })) }), 500, 'MKT.9003'],
    ['a product_id that is not the instance product', () => ({ usage_records: [oldRecord({ product_id: 'OFFI999' })] }), 400, 'MKT.0101'],
    ['an unknown instance', () => ({ usage_records: [oldRecord({ instance_id: 'nope' })] }), 500, 'MKT.9001'],
    ['usage_value 0', () => ({ usage_records: [oldRecord({ usage_value: 0 })] }), 400, 'MKT.0101'],
  ] as const)('answers %s with its code', async ([, body, status, code]) => {
    const { h } = setup();
    const res = await post(h, OLD_PATH, body());
    expect({ status: res.status, code: (res.body as { error_code: string }).error_code }).toEqual({ status, code });
    expectSchema(res, SCHEMA);
  });
});

describe('usage.push-legacy', () => {
  const SCHEMA = 'openapi/usage-push-legacy.response.schema.json';

  test('accepts a push under its own partner_id', async () => {
    const { h } = setup();
    const res = await post(h, legacyPath(SELLER.id), { usageRecords: [legacyRecord()] });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toBe('{"error_code":"MKT.0000","error_msg":"success"}');
    expectSchema(res, SCHEMA);
    expect(h.store.listUsage()).toEqual([expect.objectContaining({ instance_id: INSTANCE, usage_value: '3524' })]);
  });

  test("answers 401 MKT.0150 when partner_id is another account's", async () => {
    const { h } = setup();
    const res = await post(h, legacyPath(OTHER_SELLER.id), { usageRecords: [legacyRecord()] });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_code: 'MKT.0150', error_msg: 'Illegal operation' });
    expectSchema(res, SCHEMA);
  });

  test.for([
    ['more than 100 records', () => ({ usageRecords: Array.from({ length: 101 }, () => legacyRecord()) }), 500, 'MKT.9003'],
    ['an empty usageEntity', () => ({ usageRecords: [legacyRecord({ usageEntity: {} })] }), 500, 'MKT.9002'],
    ['a beginTime not in yyyyMMddTHHmmssZ', () => ({ usageRecords: [legacyRecord({ beginTime: 'yesterday' })] }), 400, 'MKT.0101'],
    ['a missing usageRecords', () => ({ usage_records: [] }), 400, 'MKT.0101'],
  ] as const)('answers %s with its code', async ([, body, status, code]) => {
    const { h } = setup();
    const res = await post(h, legacyPath(SELLER.id), body());
    expect({ status: res.status, code: (res.body as { error_code: string }).error_code }).toEqual({ status, code });
    expectSchema(res, SCHEMA);
  });

  test('names fields in the camelCase of this API', async () => {
    const { h } = setup();
    const res = await post(h, legacyPath(SELLER.id), { usageRecords: [legacyRecord({ beginTime: 'yesterday' })] });
    expect((res.body as { extra_info: string }).extra_info).toContain('usageRecords[0].beginTime');
  });
});
