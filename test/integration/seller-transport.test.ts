import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { createFetchTransport, MAX_BODY_BYTES } from '../../mock-server/adapters/seller/fetch-transport.js';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import type { ProduceDeps } from '../../mock-server/core/produce/deps.js';
import type { TransportResult } from '../../mock-server/core/ports.js';
import { runProduceCall } from '../../mock-server/core/produce/retry.js';
import { withProfile } from '../../mock-server/core/profile.js';
import { verifyV2Signature } from '../../mock-server/core/signing/produce/v2.js';
import { createTestSeller, jsonAnswer, sellerTest } from '../support/test-seller.js';
import { createTestClock, createTestRandom, TEST_KEYS } from '../unit/core/produce/support.js';

const transport = createFetchTransport();
afterAll(() => transport.close());

const post = (url: string, body = '{"activity":"queryInstance"}') => ({ method: 'POST', url, headers: { 'content-type': 'application/json;charset=utf8', accept: 'application/json' }, body });

const expectError = (result: TransportResult, kind: string) => {
  expect(result.kind === 'error' ? result.error : `response ${result.status}`).toBe(kind);
};

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('fetch transport against a real seller on 127.0.0.1', () => {
  sellerTest('returns a normal JSON answer and sends the request as given', async ({ seller }) => {
    seller.setHandler(jsonAnswer({ resultCode: '000000', resultMsg: 'success' }, { headers: { 'set-cookie': 'a=1' } }));
    const result = await transport.send(post(`${seller.url}/saasproduce?signature=S&timestamp=1&nonce=n`), { timeoutMs: 5_000 });
    if (result.kind !== 'response') throw new Error(`expected a response, got ${result.error}`);
    expect(result).toMatchObject({ status: 200, truncated: false });
    expect(result.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(new TextDecoder().decode(result.body)).toBe('{"resultCode":"000000","resultMsg":"success"}');
    expect(seller.requests[0]).toMatchObject({ method: 'POST', url: '/saasproduce?signature=S&timestamp=1&nonce=n', body: '{"activity":"queryInstance"}' });
    expect(seller.requests[0]?.headers['content-type']).toBe('application/json;charset=utf8');
  });

  test('classifies a refused connection', async () => {
    const result = await transport.send(post(`http://127.0.0.1:${await freePort()}/`), { timeoutMs: 5_000 });
    expectError(result, 'refused');
  });

  sellerTest('classifies a connection reset in the middle of the body', async ({ seller }) => {
    seller.setHandler({ kind: 'reset-mid-body' });
    expectError(await transport.send(post(seller.url), { timeoutMs: 5_000 }), 'reset');
  });

  sellerTest('classifies a connection closed before any answer', async ({ seller }) => {
    seller.setHandler({ kind: 'reset' });
    expectError(await transport.send(post(seller.url), { timeoutMs: 5_000 }), 'reset');
  });

  test.for([
    ['never answers', { kind: 'hang' }],
    ['never ends the body', { kind: 'hang-mid-body' }],
  ] as const)('times out a seller that %s within timeout + 1 s', async ([, behaviour]) => {
    const seller = await createTestSeller(behaviour);
    try {
      const started = performance.now();
      const result = await transport.send(post(seller.url), { timeoutMs: 500 });
      const took = performance.now() - started;
      expectError(result, 'timeout');
      expect(took).toBeGreaterThanOrEqual(490);
      expect(took).toBeLessThan(1_500);
    } finally {
      await seller.close();
    }
  });

  sellerTest('returns a 3xx as is without following it', async ({ seller }) => {
    seller.setHandler((req) => (req.url === '/elsewhere' ? jsonAnswer({ resultCode: '000000' }) : { kind: 'redirect', status: 302, location: `${seller.url}/elsewhere` }));
    const result = await transport.send(post(seller.url), { timeoutMs: 5_000 });
    expect(result).toMatchObject({ kind: 'response', status: 302 });
    expect(result.kind === 'response' && result.headers.location).toBe(`${seller.url}/elsewhere`);
    expect(seller.requests).toHaveLength(1);
  });

  sellerTest('truncates a 2 MiB body at 1 MiB', async ({ seller }) => {
    seller.setHandler({ kind: 'huge', bytes: 2 * MAX_BODY_BYTES });
    const result = await transport.send(post(seller.url), { timeoutMs: 5_000 });
    if (result.kind !== 'response') throw new Error(`expected a response, got ${result.error}`);
    expect(result.truncated).toBe(true);
    expect(result.body.length).toBe(MAX_BODY_BYTES);
  });

  sellerTest('stops reading a 1 GiB body instead of buffering it', async ({ seller }) => {
    seller.setHandler({ kind: 'huge', bytes: 1024 * MAX_BODY_BYTES });
    const result = await transport.send(post(seller.url), { timeoutMs: 10_000 });
    expect(result).toMatchObject({ kind: 'response', truncated: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The seller could push only what fits in socket buffers after koomock hung up.
    expect(seller.bytesWritten()).toBeLessThan(16 * MAX_BODY_BYTES);
  });

  sellerTest('does not mark a body of exactly 1 MiB as truncated', async ({ seller }) => {
    seller.setHandler({ kind: 'huge', bytes: MAX_BODY_BYTES });
    const result = await transport.send(post(seller.url), { timeoutMs: 5_000 });
    expect(result).toMatchObject({ kind: 'response', truncated: false });
  });

  sellerTest('classifies a TLS handshake with a plain-HTTP server as tls', async ({ seller }) => {
    expectError(await transport.send(post(seller.url.replace('http:', 'https:')), { timeoutMs: 5_000 }), 'tls');
  });

  test('classifies a name that does not resolve as dns', async () => {
    expectError(await transport.send(post('http://koomock-no-such-host.invalid/'), { timeoutMs: 10_000 }), 'dns');
  });
});

describe('retry engine over real HTTP', () => {
  sellerTest('a seller that fails twice then succeeds sees 3 validly signed requests with fresh businessId and nonce', async ({ seller }) => {
    seller.setHandler((_, i) => (i < 2 ? jsonAnswer({ resultCode: '000005' }) : jsonAnswer({ resultCode: '000000', resultMsg: 'success', instanceId: 'inst-1' })));
    const clock = createTestClock(Date.now());
    const deps: ProduceDeps = { transport, clock, random: createTestRandom(), profile: withProfile({}), keys: TEST_KEYS, schemas: getSchemaRegistry() };
    const outcome = await runProduceCall({ activity: 'newInstance', url: `${seller.url}/saasproduce`, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } }, deps);
    expect(outcome).toMatchObject({ final: 'success', instanceId: 'inst-1' });
    // Three newInstance attempts, then the marketplace's queryInstance for the new instance.
    expect(seller.requests.map((r) => JSON.parse(r.body).activity)).toEqual(['newInstance', 'newInstance', 'newInstance', 'queryInstance']);
    for (const req of seller.requests) {
      const verdict = verifyV2Signature(
        { key: TEST_KEYS.basic, body: req.body, signature: req.query.get('signature') ?? undefined, timestamp: req.query.get('timestamp') ?? undefined, nonce: req.query.get('nonce') ?? undefined },
        { now: clock.wallNow() },
      );
      expect(verdict.ok).toBe(true);
    }
    expect(new Set(seller.requests.slice(0, 3).map((r) => JSON.parse(r.body).businessId)).size).toBe(3);
    expect(new Set(seller.requests.map((r) => r.query.get('nonce'))).size).toBe(4);
  });
});
