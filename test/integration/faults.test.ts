import { get } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { createOpenApiClient } from '../../examples/seller-express/src/open-api-client.js';
import { createOrderClient } from '../../examples/seller-express/src/order-client.js';
import type { Exchange } from '../../mock-server/core/store.js';
import type { Emulator } from '../../mock-server/emulator.js';
import { MOCK_ORDER_QUERY, ORDER_QUERY, signedFetch, startEmulator, VECTOR3 } from './http/support.js';

/*
 * Fault injection end to end: rules added through the admin API change what a real HTTP client
 * meets, the reference seller's Open API client copes (retry, failover), and the journal shows it.
 */

const PRIMARY = 'mkt.myhuaweicloud.com';
const FALLBACK = 'mkt.myhuaweicloud.cn';

const it = test.extend('emulator', async ({}, { onCleanup }) => {
  const emulator = await startEmulator({ hostPorts: { [FALLBACK]: 0 } });
  onCleanup(() => emulator.close());
  return emulator;
});

const admin = (e: Emulator, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${e.url}/_koomock${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });

const orderQueries = async (e: Emulator): Promise<Exchange[]> =>
  ((await (await admin(e, 'GET', '/exchanges?operation=order.query')).json()) as { exchanges: Exchange[] }).exchanges;

/** The reference seller's order client (examples/seller-express), retrying quickly. */
const sellerOrders = (baseUrls: readonly string[]) =>
  createOrderClient(createOpenApiClient({ baseUrls, ak: VECTOR3.ak, sk: VECTOR3.sk, attempts: 3, backoffMs: [20], timeoutMs: 2_000 }));

describe('fault rules through the admin API', () => {
  it('an injected MKT.0999 on the order query is seen by the reference seller, which retries and succeeds; the journal has both attempts', async ({ emulator }) => {
    const added = await admin(emulator, 'POST', '/faults', { id: 'flaky', operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } });
    expect(added.status).toBe(201);
    const result = await sellerOrders([emulator.url]).queryOrder('MOCKPERIODYEARNEW', 'MOCKPERIODYEARNEW-000001');
    expect(result.ok).toBe(true);
    const journal = await orderQueries(emulator);
    expect(journal.map((x) => x.response?.['status'])).toEqual([500, 200]);
    expect(journal[0]?.response?.['body']).toEqual({ json: { resultCode: 'MKT.0999', resultMsg: 'System internal error' } });
    expect(journal[0]?.verdicts).toContainEqual({ id: 'fault.injected', ok: true, severity: 'warn', received: 'fault flaky: error MKT.0999' });
    const list = (await (await admin(emulator, 'GET', '/faults')).json()) as { rules: { id: string; fired: number; active: boolean }[] };
    expect(list.rules).toMatchObject([{ id: 'flaky', fired: 1, active: false }]);
  });

  it('a latency rule delays the answer by about the given time, without holding up other requests', async ({ emulator }) => {
    await admin(emulator, 'POST', '/faults', { operation: 'order.query', action: { kind: 'latency', ms: 400 } });
    const started = Date.now();
    const slow = signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` }).then((r) => ({ status: r.status, ms: Date.now() - started }));
    // Another operation meanwhile: answered at once.
    const other = await fetch(`${emulator.url}/api/mkp-openapi-public/global/v1/isv/usage-data`, { method: 'POST', body: '{}' });
    const otherMs = Date.now() - started;
    const answered = await slow;
    expect(other.status).toBe(401);
    expect(otherMs).toBeLessThan(300);
    expect(answered.status).toBe(200);
    expect(answered.ms).toBeGreaterThanOrEqual(390);
    expect(answered.ms).toBeLessThan(2_000);
  });

  it('a reset rule drops the connection without an answer, and the journal says so', async ({ emulator }) => {
    await admin(emulator, 'POST', '/faults', { operation: 'order.query', times: 1, action: { kind: 'reset' } });
    const error = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((await orderQueries(emulator))[0]?.response).toEqual({ reset: true });
  });

  it('host-down on the primary host makes the reference seller fail over; the journal shows the request arrived on the .cn host', async ({ emulator }) => {
    const fallbackUrl = emulator.hosts[FALLBACK];
    expect(fallbackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await admin(emulator, 'POST', '/faults', { operation: '*', host: PRIMARY, action: { kind: 'host-down' } });
    const result = await sellerOrders([emulator.url, fallbackUrl ?? '']).queryOrder('MOCKPERIODYEARNEW');
    expect(result.ok).toBe(true);
    const journal = await orderQueries(emulator);
    expect(journal.map((x) => [x.request['host'], x.response?.['status'] ?? 'reset'])).toEqual([
      ['127.0.0.1', 'reset'],
      [FALLBACK, 200],
    ]);
  });

  it('host-down on a host with its own port resets new connections before a byte is read, and journals the refusal', async ({ emulator }) => {
    await admin(emulator, 'POST', '/faults', { id: 'cn-down', operation: '*', host: FALLBACK, times: 1, action: { kind: 'host-down' } });
    const { port } = new URL(emulator.hosts[FALLBACK] ?? '');
    const closedBy = await new Promise<string>((resolve) => {
      const socket = new Socket();
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      socket.on('close', () => resolve('closed'));
      socket.connect(Number(port), '127.0.0.1');
    });
    expect(['ECONNRESET', 'closed']).toContain(closedBy);
    const refused = ((await (await admin(emulator, 'GET', '/exchanges?operation=connection')).json()) as { exchanges: Exchange[] }).exchanges;
    expect(refused).toMatchObject([{ direction: 'inbound', request: { host: FALLBACK }, response: { reset: true } }]);
    // times: 1 used up: the host answers again.
    const res = await signedFetch({ url: `${emulator.hosts[FALLBACK]}${ORDER_QUERY}?orderId=MOCKPERIODYEARNEW` });
    expect(res.status).toBe(200);
  });

  it('a request addressed to the fallback name on the main port counts as that host', async ({ emulator }) => {
    await admin(emulator, 'POST', '/faults', { operation: 'order.query', host: FALLBACK, action: { kind: 'error', code: 'MKT.0250' } });
    // fetch will not send another Host: node:http does, as a seller with /etc/hosts entries would.
    const { port } = new URL(emulator.url);
    const viaName = await new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port: Number(port), path: MOCK_ORDER_QUERY, headers: { host: FALLBACK } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(viaName).toBe(406);
    const viaLoopback = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    expect(viaLoopback.status).toBe(200);
  });
});

describe('the admin API of fault rules', () => {
  it('refuses a bad rule with 400 INPUT_INVALID naming every problem', async ({ emulator }) => {
    const res = await admin(emulator, 'POST', '/faults', { operation: 'order.qeury', action: { kind: 'latency' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INPUT_INVALID');
    expect(body.error.message).toMatch(/did you mean order\.query\?.*action\.ms must be a whole number/);
  });

  it('refuses a body that is not JSON', async ({ emulator }) => {
    const res = await fetch(`${emulator.url}/_koomock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
  });

  it('lists rules with counts and the hosts, deletes one, 404s an unknown id, and clears', async ({ emulator }) => {
    await admin(emulator, 'POST', '/faults', { id: 'a', operation: '*', action: { kind: 'reset' } });
    await admin(emulator, 'POST', '/faults', { id: 'b', operation: 'usage.push', action: { kind: 'latency', ms: 5 } });
    const list = (await (await admin(emulator, 'GET', '/faults')).json()) as { rules: { id: string; fired: number }[]; hostNames: string[]; hosts: Record<string, string> };
    expect(list.rules.map((r) => [r.id, r.fired])).toEqual([['a', 0], ['b', 0]]);
    expect(list.hostNames).toEqual([PRIMARY, FALLBACK]);
    expect(list.hosts).toEqual({ [PRIMARY]: emulator.url, [FALLBACK]: emulator.hosts[FALLBACK] });
    expect((await admin(emulator, 'DELETE', '/faults/a')).status).toBe(200);
    const missing = await admin(emulator, 'DELETE', '/faults/a');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect(await (await admin(emulator, 'DELETE', '/faults')).json()).toEqual({ removed: 1 });
  });

  it('scopes rules to a scenario through PUT /faults/scope', async ({ emulator }) => {
    await admin(emulator, 'POST', '/faults', { operation: 'order.query', scenario: 'mine', action: { kind: 'error', code: 'MKT.0999' } });
    const outside = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    expect((await admin(emulator, 'PUT', '/faults/scope', { scenario: 'mine' })).status).toBe(200);
    const inside = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    expect([outside.status, inside.status]).toEqual([200, 500]);
  });

  it('POST /_koomock/reset forgets every rule', async ({ emulator }) => {
    await emulator.admin.addFault({ operation: '*', action: { kind: 'reset' } });
    await emulator.admin.reset();
    expect((await emulator.admin.listFaults()).rules).toEqual([]);
  });
});
