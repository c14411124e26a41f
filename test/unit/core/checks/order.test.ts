import { describe, expect, test } from 'vitest';
import { checkOrderOutcome } from '../../../../mock-server/core/checks/order-outcome.js';
import { checkOrderQueried } from '../../../../mock-server/core/checks/order-queried.js';
import type { OrderQueryLog } from '../../../../mock-server/core/ports.js';

/** A log holding queries of order CS1 line CS1-000001 at the given times. */
const logAt = (...times: number[]): OrderQueryLog => ({
  wasQueried: (orderId, orderLineId, from, to) =>
    orderId === 'CS1' && (orderLineId === undefined || orderLineId === 'CS1-000001') && times.some((t) => t >= from && t <= to),
});

describe('order.queried', () => {
  test.for([
    ['during the call', [150]],
    ['within the grace after the call', [1_500]],
  ] as const)('passes for a query %s', ([, times]) => {
    expect(checkOrderQueried({ log: logAt(...times), orderId: 'CS1', orderLineId: 'CS1-000001', fromMs: 100, toMs: 200, graceMs: 2_000 }).ok).toBe(true);
  });

  test.for([
    ['before the call', [50]],
    ['after the grace', [2_201]],
    ['never', []],
  ] as const)('fails for a query %s', ([, times]) => {
    const r = checkOrderQueried({ log: logAt(...times), orderId: 'CS1', orderLineId: 'CS1-000001', fromMs: 100, toMs: 200, graceMs: 2_000 });
    expect(r).toMatchObject({ id: 'order.queried', ok: false });
    expect(r.hint).toContain('/order/query');
  });
});

describe('order.outcome', () => {
  test('passes when the order is in the expected state', () => {
    expect(checkOrderOutcome({ orderId: 'CS1', expected: 'NORMAL', actual: 'NORMAL' }).ok).toBe(true);
  });

  test.for([
    ['FAILED', 'FAILED', 'retry window'],
    ['unknown', undefined, 'no such order'],
  ] as const)('fails for a %s order', ([, actual, hint]) => {
    const r = checkOrderOutcome({ orderId: 'CS1', expected: 'NORMAL', actual });
    expect(r.ok).toBe(false);
    expect(r.hint).toContain(hint);
  });
});
