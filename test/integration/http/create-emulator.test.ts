import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '../../../mock-server/adapters/store/memory-store.js';
import { createEmulator } from '../../../mock-server/emulator.js';
import { DEFAULT_SELLER } from '../../../mock-server/config/defaults.js';
import { MOCK_ORDER_QUERY, signedFetch, startEmulator } from './support.js';

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-emulator-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

const failure = async (p: Promise<unknown>): Promise<{ code?: string; message?: string }> => {
  try {
    await p;
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return {};
};

describe('createEmulator()', () => {
  test('listens on 127.0.0.1 and a free port, with the documented test seller by default', async () => {
    const emulator = await createEmulator();
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.seller).toMatchObject({ id: DEFAULT_SELLER.accountId, ak: DEFAULT_SELLER.ak, sk: DEFAULT_SELLER.sk });
      const res = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}`, ak: emulator.seller.ak, sk: emulator.seller.sk });
      expect(res.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('keeps orders and virtual time in a SQLite file across close and a new emulator', async ({ dir }) => {
    const dbPath = join(dir, 'state.db');
    const first = await startEmulator({ store: 'sqlite', dbPath });
    const order = await first.admin.createOrder({ chargingMode: 'ON_DEMAND' });
    await first.admin.advanceClock('2h');
    await first.close();

    const second = await startEmulator({ store: 'sqlite', dbPath });
    try {
      expect((await second.admin.getOrder(order.orderInfo.orderId)).orderInfo).toEqual(order.orderInfo);
      expect((await second.admin.getClock()).offsetMs).toBe(2 * 3_600_000);
    } finally {
      await second.close();
    }
  });

  test('uses a Store it is given and leaves it open on close', async () => {
    const store = createMemoryStore();
    const emulator = await startEmulator({ store });
    await emulator.admin.createOrder({ chargingMode: 'ONE_TIME' });
    await emulator.close();
    expect(store.listOrders()).toHaveLength(1);
    store.close();
  });

  test('close() twice is fine and the port is released', async () => {
    const emulator = await startEmulator();
    await Promise.all([emulator.close(), emulator.close()]);
    await expect(fetch(`${emulator.url}/_koomock/health`)).rejects.toThrow();
  });

  test("rejects store 'sqlite' without a file with USAGE", async () => {
    expect(await failure(createEmulator({ store: 'sqlite', config: { server: { db: 'memory' } } }))).toMatchObject({ code: 'USAGE', message: expect.stringContaining('dbPath') });
  });

  test('rejects a port in use with USAGE and a hint', async () => {
    const emulator = await startEmulator();
    try {
      const port = Number(new URL(emulator.url).port);
      expect(await failure(createEmulator({ port }))).toMatchObject({ code: 'USAGE', message: expect.stringContaining(`port ${port} is already in use`) });
    } finally {
      await emulator.close();
    }
  });

  test('rejects an invalid config with CONFIG_INVALID naming the object', async () => {
    expect(await failure(createEmulator({ config: { server: { port: -1 } } }))).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('createEmulator') });
  });
});
