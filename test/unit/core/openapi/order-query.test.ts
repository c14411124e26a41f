import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MOCK_ORDER_IDS } from '../../../../mock-server/core/market/mock-orders.js';
import { addOrder, createHarness, expectSchema, type Harness, OTHER_SELLER, signRequest } from './harness.js';

const PATH = '/api/mkp-openapi-public/global/v1/order/query';
const SCHEMA = 'openapi/order-query.response.schema.json';
const CAPTURE = readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'order-query-mockperiodyearnew.json'), 'utf8').trim();

const query = (h: Harness, q: string, headers: Record<string, string> = {}) => h.send(signRequest(h, { path: PATH, query: q, headers }));

describe('order.query', () => {
  test('answers MOCKPERIODYEARNEW byte for byte as the captured real response', async () => {
    const h = createHarness();
    const res = await query(h, 'orderId=MOCKPERIODYEARNEW');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(JSON.stringify(res.body)).toBe(CAPTURE);
    expectSchema(res, SCHEMA);
  });

  test.for(MOCK_ORDER_IDS)('answers mock order %s for any seller (docs/fidelity.md#d25)', async (orderId) => {
    const h = createHarness();
    const res = await h.send(signRequest(h, { path: PATH, query: `orderId=${orderId}`, seller: OTHER_SELLER }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resultCode: 'MKT.0000', orderInfo: { orderId } });
    expectSchema(res, SCHEMA);
  });

  test('answers an order of the calling seller from the store', async () => {
    const h = createHarness();
    const { order } = addOrder(h, { chargingMode: 'PERIOD' });
    const res = await query(h, `orderId=${order.orderInfo.orderId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resultCode: 'MKT.0000', resultMsg: 'Success', orderInfo: { orderId: order.orderInfo.orderId } });
    expectSchema(res, SCHEMA);
  });

  test('filters to one line with orderLineId', async () => {
    const h = createHarness();
    const res = await query(h, 'orderId=MOCKONDEMAND&orderLineId=MOCKONDEMAND-000001');
    expect((res.body as { orderInfo: { orderLine: unknown[] } }).orderInfo.orderLine).toHaveLength(1);
  });

  test('does not check Content-Type on GET (a Java demo sends text/plain)', async () => {
    const h = createHarness();
    expect((await query(h, 'orderId=MOCKPERIODYEARNEW', { 'Content-Type': 'text/plain' })).status).toBe(200);
  });

  test.for([
    ['a missing orderId', 'orderLineId=MOCKONDEMAND-000001'],
    ['an empty orderId', 'orderId='],
    ['an unknown orderId (docs/fidelity.md#d23)', 'orderId=CS2411211708ZZZZZ'],
    ['an unknown orderLineId', 'orderId=MOCKONDEMAND&orderLineId=MOCKONDEMAND-000002'],
    ['an orderId over 64 characters', `orderId=${'A'.repeat(65)}`],
  ] as const)('answers 400 MKT.0101 for %s', async ([, q]) => {
    const h = createHarness();
    const res = await query(h, q);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toBe('{"resultCode":"MKT.0101","resultMsg":"Invalid parameter"}');
    expectSchema(res, SCHEMA);
  });

  test("answers 401 MKT.0150 for another seller's order (docs/fidelity.md#d24)", async () => {
    const h = createHarness();
    const { order } = addOrder(h, { seller: OTHER_SELLER, chargingMode: 'PERIOD' });
    const res = await query(h, `orderId=${order.orderInfo.orderId}`);
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toBe('{"resultCode":"MKT.0150","resultMsg":"Illegal operation"}');
    expectSchema(res, SCHEMA);
  });
});
