import { describe, expect, test } from 'vitest';
import { changeOrderStatus } from '../../../../mock-server/core/market/order-status.js';
import type { Order, OrderStatus } from '../../../../mock-server/core/market/order.js';
import { getMockOrder } from '../../../../mock-server/core/market/mock-orders.js';

const withStatus = (status: OrderStatus): Order => {
  const order = getMockOrder('MOCKPERIODYEARNEW', 's1');
  if (order === undefined) throw new Error('mock order missing');
  return { ...order, status, history: [] };
};

describe('changeOrderStatus', () => {
  test.for([
    ['PENDING', 'PROVISIONING'],
    ['PROVISIONING', 'ACTIVE'],
    ['PROVISIONING', 'FAILED'],
    ['FAILED', 'UNSUBSCRIBED'],
    ['ACTIVE', 'UNSUBSCRIBED'],
  ] as const)('allows %s -> %s and records it', ([from, to]) => {
    const result = changeOrderStatus(withStatus(from), to, { at: 5, note: 'why' });
    expect(result.ok && result.order.status).toBe(to);
    expect(result.ok && result.order.history).toEqual([{ at: 5, from, to, note: 'why' }]);
  });

  test.for([
    ['ACTIVE', 'PENDING'],
    ['UNSUBSCRIBED', 'ACTIVE'],
    ['FAILED', 'ACTIVE'],
    ['ACTIVE', 'ACTIVE'],
  ] as const)('refuses %s -> %s as data', ([from, to]) => {
    const result = changeOrderStatus(withStatus(from), to, { at: 5 });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-transition' });
  });

  test('records the refund of an automatic unsubscription (docs/fidelity.md#d14)', () => {
    const result = changeOrderStatus(withStatus('FAILED'), 'UNSUBSCRIBED', { at: 9, refund: { amount: '100', reason: 'newInstance failed for 3 h' } });
    expect(result.ok && result.order.refund).toEqual({ at: 9, amount: '100', reason: 'newInstance failed for 3 h' });
  });
});
