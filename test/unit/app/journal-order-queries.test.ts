import { describe, expect, test } from 'vitest';
import { createJournalOrderQueries } from '../../../mock-server/app/journal-order-queries.js';
import type { Exchange } from '../../../mock-server/core/store.js';

const query = (id: number, query: string, startedAt: number, status = 200): Exchange => ({
  id,
  direction: 'inbound',
  operation: 'order.query',
  request: { method: 'GET', path: '/api/mkp-openapi-public/global/v1/order/query', query },
  response: { status },
  startedAt,
  durationMs: 1,
  verdicts: [],
});

describe('createJournalOrderQueries', () => {
  test.for([
    { name: 'a query of the line within the call', ex: query(1, 'orderId=CS1&orderLineId=CS1-000001', 150), found: true },
    { name: 'a query of the whole order', ex: query(1, 'orderId=CS1', 150), found: true },
    { name: 'a query of another line', ex: query(1, 'orderId=CS1&orderLineId=CS1-000002', 150), found: false },
    { name: 'a query of another order', ex: query(1, 'orderId=CS2&orderLineId=CS1-000001', 150), found: false },
    { name: 'a query before the call', ex: query(1, 'orderId=CS1', 99), found: false },
    { name: 'a query the emulator refused (bad signature)', ex: query(1, 'orderId=CS1', 150, 401), found: false },
  ])('counts $name: $found', async ({ ex, found }) => {
    const log = createJournalOrderQueries({ readAfter: () => [ex], settleMs: 0 });
    await log.settle?.({ orderId: 'CS1', orderLineId: 'CS1-000001', fromMs: 100 });
    expect(log.wasQueried('CS1', 'CS1-000001', 100, 200)).toBe(found);
  });

  test('reads only exchanges it has not seen, and waits a little for a late query', async () => {
    const seen: number[] = [];
    let journal: Exchange[] = [];
    const log = createJournalOrderQueries({
      readAfter: (afterId) => {
        seen.push(afterId);
        return journal.filter((e) => e.id > afterId);
      },
      settleMs: 1_000,
      sleep: async () => {
        journal = [query(7, 'orderId=CS1', 150)];
      },
    });
    await log.settle?.({ orderId: 'CS1', fromMs: 100 });
    expect(log.wasQueried('CS1', undefined, 100, 200)).toBe(true);
    await log.settle?.({ orderId: 'CS1', fromMs: 100 });
    expect(seen).toEqual([0, 0, 7]);
  });
});
