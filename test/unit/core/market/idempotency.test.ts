import { describe, expect, test } from 'vitest';
import { toIdempotencyKey } from '../../../../mock-server/core/market/idempotency.js';

const line = { orderId: 'CS1', orderLineId: 'CS1-000002', productId: 'P2', chargingMode: 'PERIOD' } as const;

describe('idempotency key (docs/fidelity.md#d16)', () => {
  test.for([
    ['V2 period: order and line', line, 'v2', 'CS1/line/CS1-000002'],
    ['V2 one-time: order and line', { ...line, chargingMode: 'ONE_TIME' }, 'v2', 'CS1/line/CS1-000002'],
    ['V2 on-demand: order and product', { ...line, chargingMode: 'ON_DEMAND' }, 'v2', 'CS1/product/P2'],
    ['V1: order alone', line, 'v1', 'CS1/order'],
  ] as const)('%s', ([, subject, generation, expected]) => {
    expect(toIdempotencyKey(subject, generation)).toBe(expected);
  });

  test('two billing items of one on-demand order get different keys', () => {
    const a = toIdempotencyKey({ ...line, chargingMode: 'ON_DEMAND', productId: 'CPU' });
    const b = toIdempotencyKey({ ...line, chargingMode: 'ON_DEMAND', productId: 'GB' });
    expect(a).not.toBe(b);
  });
});
