import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSqliteStore } from '../../../mock-server/adapters/store/sqlite-store.js';
import { createInstanceRecord } from '../../../mock-server/core/market/instance.js';
import { createOrder } from '../../../mock-server/core/market/order.js';
import { createCryptoRandom } from '../../../mock-server/app/random.js';
import { DEFAULT_CATALOG, DEFAULT_SELLER } from '../../../mock-server/config/defaults.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { MOCK_ORDER_QUERY, signedFetch, USAGE_KEY, usagePush, usageRecord, VECTOR3 } from './support.js';
import { BUILD_TIMEOUT, waitForBuild } from '../../support/built-cli.js';

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-serve-db-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

const SERVE_ARGS = ['--port', '0', '--ak', VECTOR3.ak, '--usage-key', USAGE_KEY];
// The SK travels in the environment, as docs/config.md recommends, not on the command line.
const SERVE_ENV = { KOOMOCK_SK: VECTOR3.sk };

/** An on-demand instance of the default seller, written to the state file before koomock starts. */
function seedInstance(dbPath: string): string {
  const store = createSqliteStore(dbPath);
  const product = DEFAULT_CATALOG.find((p) => p.chargingMode === 'ON_DEMAND');
  if (product === undefined) throw new Error('no ON_DEMAND product in the default catalog');
  const order = createOrder({ sellerId: DEFAULT_SELLER.accountId, products: [product], now: Date.now(), random: createCryptoRandom() });
  const orderLine = order.orderInfo.orderLine[0];
  if (orderLine === undefined) throw new Error('order without a line');
  const instanceId = randomUUID();
  store.putOrder(order);
  store.putInstance(createInstanceRecord({ instanceId, order, orderLine, at: Date.now() }));
  store.close();
  return instanceId;
}

const killHard = async (serve: ServeProcess) => {
  serve.child.kill('SIGKILL');
  return serve.exited;
};

// These tests spawn the built binary: wait for dist/ (built in the background when stale).
beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('usage push durability through `koomock serve --db`', () => {
  it('keeps acknowledged usage records when the server is killed with SIGKILL right after the ack', async ({ dir }) => {
    const db = join(dir, 'k.db');
    const instanceId = seedInstance(db);

    const first = await startServe(['--db', db, ...SERVE_ARGS], { cwd: dir, env: SERVE_ENV });
    const sns = Array.from({ length: 5 }, (_, i) => `durable-${i}`);
    for (const sn of sns) {
      const res = await usagePush(first.url, JSON.stringify({ usage_records: [usageRecord(instanceId, sn)] }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ error_code: 'MKT.0000', error_msg: 'success' });
    }
    expect(await killHard(first)).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await startServe(['--db', db, ...SERVE_ARGS], { cwd: dir, env: SERVE_ENV });
    try {
      const res = await fetch(`${second.url}/_koomock/usage?instanceId=${instanceId}`);
      expect(res.status).toBe(200);
      const { records } = (await res.json()) as { records: { metering_sn: string }[] };
      expect(records.map((r) => r.metering_sn)).toEqual(sns);
    } finally {
      await killHard(second);
    }
  });

  it('keeps every acknowledged record when SIGKILL lands during concurrent group-committed pushes and order queries', async ({ dir }) => {
    const db = join(dir, 'k.db');
    const instanceId = seedInstance(db);
    const serve = await startServe(['--db', db, ...SERVE_ARGS], { cwd: dir, env: SERVE_ENV });
    const acked: string[] = [];
    let killed = false;
    let sent = 0;
    // Each worker pushes one record per request, back to back; order queries run beside them.
    const pusher = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const sn = `load-${w}-${i}`;
        sent += 1;
        try {
          const res = await usagePush(serve.url, JSON.stringify({ usage_records: [usageRecord(instanceId, sn)] }));
          const body = (await res.json()) as { error_code?: string };
          if (res.status === 200 && body.error_code === 'MKT.0000') acked.push(sn);
        } catch {
          // A request in flight when the process died: never acknowledged.
        }
      }
    };
    const querier = async () => {
      while (!killed) {
        await signedFetch({ url: `${serve.url}${MOCK_ORDER_QUERY}` })
          .then((r) => r.arrayBuffer())
          .catch(() => undefined);
      }
    };
    const workers = [...Array.from({ length: 8 }, (_, w) => pusher(w)), querier(), querier()];
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 5));
    expect(await killHard(serve)).toEqual({ code: null, signal: 'SIGKILL' });
    killed = true;
    await Promise.all(workers);
    const ackedAtKill = [...acked];
    // Requests were still in flight: the kill landed under load, not after it.
    expect(sent).toBeGreaterThan(ackedAtKill.length);

    const second = await startServe(['--db', db, ...SERVE_ARGS], { cwd: dir, env: SERVE_ENV });
    try {
      const res = await fetch(`${second.url}/_koomock/usage?instanceId=${instanceId}`);
      const { records } = (await res.json()) as { records: { metering_sn: string }[] };
      const stored = new Set(records.map((r) => r.metering_sn));
      expect(ackedAtKill.filter((sn) => !stored.has(sn))).toEqual([]);
    } finally {
      await killHard(second);
    }
  });
});
