import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { verifyV2Signature } from '../../mock-server/core/signing/index.js';
import { runCli } from '../support/run-cli.js';

/*
 * `koomock load` (in process through main(argv, io)) against a seller on 127.0.0.1 that checks every
 * signature and fails every tenth call it receives: the counts reported must match what the seller saw.
 */

const KEY = 'e2e-load-basic-key-0123456789';

interface CountingSeller {
  readonly url: string;
  readonly received: () => number;
  readonly badSignatures: () => number;
  readonly orderIds: () => ReadonlySet<string>;
  readonly close: () => Promise<void>;
}

async function startSeller(failEvery: number): Promise<CountingSeller> {
  let received = 0;
  let bad = 0;
  const orders = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const q = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
      const v = verifyV2Signature({ key: KEY, body, signature: q.get('signature') ?? undefined, timestamp: q.get('timestamp') ?? undefined, nonce: q.get('nonce') ?? undefined }, { now: Date.now() });
      if (!v.ok) bad += 1;
      orders.add(String((JSON.parse(body) as { orderId?: unknown }).orderId));
      const failed = received % failEvery === 0;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(failed ? { resultCode: '000001', resultMsg: 'internal error' } : { resultCode: '000000', resultMsg: 'success', instanceId: `i-${received}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/produce`,
    received: () => received,
    badSignatures: () => bad,
    orderIds: () => orders,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const it = test.extend('seller', async ({}, { onCleanup }) => {
  const seller = await startSeller(10);
  onCleanup(() => seller.close());
  return seller;
});

interface Summary {
  calls: number;
  succeeded: number;
  failed: number;
  timeouts: number;
  results: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

describe('koomock load', () => {
  it('counts every tenth call as failed, with its result code, and exits 1 (fixed concurrency)', async ({ seller }) => {
    const run = await runCli(['load', '--seller-url', seller.url, '--key', KEY, '--concurrency', '4', '--duration', '30', '--calls', '50', '--json']);
    expect(run.stderr).toBe('');
    const s = JSON.parse(run.stdout) as Summary;
    expect(seller.received()).toBe(50);
    expect(seller.badSignatures()).toBe(0);
    // A fresh order per call.
    expect(seller.orderIds().size).toBe(50);
    expect(s).toMatchObject({ calls: 50, succeeded: 45, failed: 5, timeouts: 0, results: { '000000': 45, '000001': 5 } });
    expect(s.latencyMs.p50).toBeLessThanOrEqual(s.latencyMs.p99);
    expect(s.latencyMs.p99).toBeLessThanOrEqual(s.latencyMs.max);
    expect(run.code).toBe(1);
  });

  it('reports the same counts at a fixed rate, as text', async ({ seller }) => {
    const run = await runCli(['load', '--seller-url', seller.url, '--key', KEY, '--rate', '200', '--duration', '30', '--calls', '30']);
    expect(seller.received()).toBe(30);
    expect(run.stdout).toContain('calls      30 in ');
    expect(run.stdout).toContain('succeeded  27');
    expect(run.stdout).toContain('failed     3 (timeouts over 20000 ms: 0, connection errors: 0)');
    expect(run.stdout).toMatch(/results {4}000000 ×27, 000001 ×3/);
    expect(run.code).toBe(1);
  });

  test('exits 0 when every call succeeds, and counts a seller that is down as failed', async () => {
    const healthy = await startSeller(1_000_000);
    try {
      const ok = await runCli(['load', '--seller-url', healthy.url, '--key', KEY, '--concurrency', '2', '--calls', '20', '--json']);
      expect((JSON.parse(ok.stdout) as Summary).succeeded).toBe(20);
      expect(ok.code).toBe(0);
    } finally {
      await healthy.close();
    }
    const down = await runCli(['load', '--seller-url', healthy.url, '--key', KEY, '--concurrency', '1', '--calls', '3', '--json']);
    expect(JSON.parse(down.stdout)).toMatchObject({ calls: 3, failed: 3, results: { error: 3 } });
    expect(down.code).toBe(1);
  });

  test('refuses a command line without --rate or --concurrency, or with both (exit 2)', async () => {
    const neither = await runCli(['load', '--seller-url', 'http://127.0.0.1:9/p', '--key', KEY, '--duration', '1']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give exactly one of --rate N');
    const both = await runCli(['load', '--seller-url', 'http://127.0.0.1:9/p', '--key', KEY, '--rate', '5', '--concurrency', '2']);
    expect(both.code).toBe(2);
  });
});
