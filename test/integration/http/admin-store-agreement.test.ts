/**
 * The memory and SQLite stores agree on every admin input: a record a run on another machine
 * writes through the admin API is either stored by both or refused by both with the same 4xx.
 * The inputs are the ones that once split them (an instance without orderId was a 500 on SQLite
 * and accepted by memory) and their neighbours, each a valid record with one thing broken.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../mock-server/emulator.js';
import { startEmulator } from './support.js';

const INSTANCE = {
  instanceId: 'ins-1',
  orderId: 'ORD-1',
  orderLineId: 'ORD-1-000001',
  productId: 'OFFI-1',
  sellerId: 'seller-1',
  chargingMode: 'PERIOD',
  idempotencyKey: 'key-1',
  trial: false,
  state: 'ACTIVE',
  createdAt: 1,
  history: [],
};
const ORDER = { sellerId: 'seller-1', status: 'PAID', orderInfo: { orderId: 'ORD-1', orderLine: [] } };
const EXCHANGE = { direction: 'outbound', operation: 'newInstance', request: { url: 'http://x' }, startedAt: 1, durationMs: 2, verdicts: [] };

const without = (o: Record<string, unknown>, key: string): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

type Input = readonly [name: string, method: string, path: string, body: unknown];
const INPUTS: readonly Input[] = [
  ['a valid instance', 'PUT', '/runner/instances/ins-1', INSTANCE],
  ['an instance without orderId', 'PUT', '/runner/instances/ins-1', without(INSTANCE, 'orderId')],
  ['an instance without sellerId', 'PUT', '/runner/instances/ins-1', without(INSTANCE, 'sellerId')],
  ['an instance without idempotencyKey', 'PUT', '/runner/instances/ins-1', without(INSTANCE, 'idempotencyKey')],
  ['an instance whose orderId is a number', 'PUT', '/runner/instances/ins-1', { ...INSTANCE, orderId: 7 }],
  ['an instance whose sellerId is an object', 'PUT', '/runner/instances/ins-1', { ...INSTANCE, sellerId: { a: 1 } }],
  ['an instance whose id differs from the path', 'PUT', '/runner/instances/ins-2', INSTANCE],
  ['a valid order', 'PUT', '/runner/orders/ORD-1', ORDER],
  ['an order without sellerId', 'PUT', '/runner/orders/ORD-1', without(ORDER, 'sellerId')],
  ['an order whose status is a list', 'PUT', '/runner/orders/ORD-1', { ...ORDER, status: ['PAID'] }],
  ['an order whose orderId is a number', 'PUT', '/runner/orders/ORD-1', { ...ORDER, orderInfo: { orderId: 1, orderLine: [] } }],
  ['a valid exchange', 'POST', '/runner/exchanges', EXCHANGE],
  ['an exchange whose startedAt is text', 'POST', '/runner/exchanges', { ...EXCHANGE, startedAt: '1' }],
  ['an exchange whose startedAt is huge', 'POST', '/runner/exchanges', { ...EXCHANGE, startedAt: 1e300 }],
  ['an exchange whose sellerId is a number', 'POST', '/runner/exchanges', { ...EXCHANGE, sellerId: 5 }],
  ['an exchange without durationMs', 'POST', '/runner/exchanges', without(EXCHANGE, 'durationMs')],
  ['a deeply nested productId', 'POST', '/orders', JSON.parse(`{"productId":${'['.repeat(40)}${']'.repeat(40)}}`)],
  ['a productId that is a number', 'POST', '/orders', { productId: 5 }],
];

describe('memory and SQLite stores agree on every admin input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-agree-'));
  let memory: Emulator;
  let sqlite: Emulator;
  beforeAll(async () => {
    memory = await startEmulator();
    sqlite = await startEmulator({ store: 'sqlite', dbPath: join(dir, 'state.db') });
  });
  afterAll(async () => {
    await memory.close();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.for(INPUTS)('%s', async ([name, method, path, body]) => {
    const answers = [];
    for (const emulator of [memory, sqlite]) {
      const res = await fetch(`${emulator.url}/_koomock${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { error?: { code: string } };
      answers.push({ status: res.status, code: json.error?.code });
    }
    const [m, s] = answers;
    expect(s, `${name}: memory ${JSON.stringify(m)}, sqlite ${JSON.stringify(s)}`).toEqual(m);
    expect(m?.status, name).toBeLessThan(500);
    if (name.startsWith('a valid')) expect(m?.status, name).toBeLessThan(300);
    else expect(m?.status, name).toBeGreaterThanOrEqual(400);
  });
});
