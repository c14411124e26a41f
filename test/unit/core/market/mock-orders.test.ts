import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getMockOrder, isMockOrderId, MOCK_ORDER_IDS } from '../../../../mock-server/core/market/mock-orders.js';
import { toOrderQueryBody } from '../../../../mock-server/core/market/order.js';
import { parseOrderTime } from '../../../../mock-server/core/market/time-format.js';

const CAPTURED = readFileSync(join(import.meta.dirname, '../../../fixtures/order-query-mockperiodyearnew.json'), 'utf8').trim();

const EXPECTED: readonly (readonly [string, string, string])[] = [
  ['MOCKPERIODYEARNEW', 'NEW', 'PERIOD'],
  ['MOCKONETIMENEW', 'NEW', 'ONE_TIME'],
  ['MOCKONDEMAND', 'NEW', 'ON_DEMAND'],
  ['MOCKONDEMANDPKG', 'NEW', 'ON_DEMAND_PKG'],
  ['MOCKPERIODDAYTRIAL', 'TRIAL', 'PERIOD'],
  ['MOCKMONTYTRIALTOFORMAL', 'TRIAL_TO_FORMAL', 'PERIOD'],
  ['MOCKMONTYUNSUBSCRIBE', 'UNSUBSCRIBE', 'PERIOD'],
  ['MOCKMONTYRENEW', 'RENEW', 'PERIOD'],
  ['MOCKMONTYCHANGE', 'CHANGE', 'PERIOD'],
];

describe('mock orders (docs/fidelity.md#d25)', () => {
  test('MOCKPERIODYEARNEW reproduces the captured response byte for byte', () => {
    const order = getMockOrder('MOCKPERIODYEARNEW', 'any-seller');
    expect(order).toBeDefined();
    expect(JSON.stringify(toOrderQueryBody(order ?? ({} as never)))).toBe(CAPTURED);
  });

  test('filtering the captured order to its line gives the same bytes', () => {
    const order = getMockOrder('MOCKPERIODYEARNEW', 's');
    expect(JSON.stringify(order && toOrderQueryBody(order, 'MOCKPERIODYEARNEW-000001'))).toBe(CAPTURED);
  });

  test('there are exactly the nine documented ids', () => {
    expect([...MOCK_ORDER_IDS].sort()).toEqual(EXPECTED.map(([id]) => id).sort());
  });

  test.for(EXPECTED)('%s is a %s order charged %s with one line <id>-000001', ([id, type, mode]) => {
    const order = getMockOrder(id, 'seller-x');
    expect(order?.sellerId).toBe('seller-x');
    expect(order?.orderInfo.orderType).toBe(type);
    const lines = order?.orderInfo.orderLine ?? [];
    expect(lines.map((l) => [l.orderLineId, l.chargingMode])).toEqual([[`${id}-000001`, mode]]);
    const line = lines[0];
    const periodic = mode === 'PERIOD' || mode === 'ON_DEMAND_PKG';
    expect(line?.expireTime !== undefined).toBe(periodic);
    if (line?.expireTime !== undefined) expect(parseOrderTime(line.expireTime)).toBeGreaterThan(parseOrderTime(order?.orderInfo.createTime) ?? 0);
  });

  test('the change order raises the quantity of the yearly mock', () => {
    const before = getMockOrder('MOCKPERIODYEARNEW', 's')?.orderInfo.orderLine[0]?.productInfo[0]?.linearValue ?? 0;
    const after = getMockOrder('MOCKMONTYCHANGE', 's')?.orderInfo.orderLine[0]?.productInfo[0]?.linearValue ?? 0;
    expect(after).toBeGreaterThan(before);
  });

  test('other ids are not mock orders', () => {
    expect(isMockOrderId('MOCKPERIODYEARNEW')).toBe(true);
    expect(isMockOrderId('MOCKPERIODMONTHNEW')).toBe(false);
    expect(getMockOrder('CS2207261447AUY4H', 's')).toBeUndefined();
  });
});
