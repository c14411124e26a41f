import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, test } from 'vitest';
import { isAdminHost } from '../../../mock-server/adapters/http/admin/auth.js';
import type { Emulator } from '../../../mock-server/emulator.js';
import { createOnDemandInstance, it, MOCK_ORDER_QUERY, signedFetch, startEmulator } from './support.js';
import { BUILD_TIMEOUT, waitForBuild } from '../../support/built-cli.js';

const HOUR = 3_600_000;

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON of many shapes, read path by path in the assertions (a wrong path fails them)
  body: any;
  headers: Headers;
}

async function admin(emulator: Emulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${emulator.url}/_koomock${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

/** The admin error shape: `{"error": {"code", "message"}}` and nothing else. */
const expectAdminError = (answer: Answer, status: number, code: string) => {
  expect(answer.status).toBe(status);
  expect(Object.keys(answer.body)).toEqual(['error']);
  expect(Object.keys(answer.body.error).sort()).toEqual(['code', 'message']);
  expect(answer.body.error.code).toBe(code);
  expect(answer.body.error.message.length).toBeGreaterThan(10);
};

/** GET with a chosen Host header (fetch always sends the URL's). */
const getWithHost = (url: string, host: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

// The console tests load dist/console/: wait for it (built in the background when stale).
beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('admin API: orders', () => {
  it('POST /orders creates a PENDING order from a catalog product id (201)', async ({ emulator }) => {
    const a = await admin(emulator, 'POST', '/orders', { productId: 'OFFI900000000000000002', periodNumber: 2, linearValue: 20 });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'PENDING', sellerId: emulator.seller.id, orderInfo: { orderType: 'NEW' } });
    expect(a.body.orderInfo.orderLine[0]).toMatchObject({ chargingMode: 'PERIOD', periodType: 'year', periodNumber: 2, productInfo: [{ productId: 'OFFI900000000000000002', linearValue: 20 }] });
    expect((await admin(emulator, 'GET', `/orders/${a.body.orderInfo.orderId}`)).body).toEqual(a.body);
  });

  it('POST /orders picks the first catalog product of a charging mode', async ({ emulator }) => {
    const a = await admin(emulator, 'POST', '/orders', { chargingMode: 'ONE_TIME', orderType: 'NEW', extendParams: [{ name: 'k', value: 'v' }] });
    expect(a.status).toBe(201);
    expect(a.body.orderInfo.orderLine[0].productInfo[0].productId).toBe('OFFI900000000000000003');
    expect(a.body.orderInfo.extendParams).toEqual([{ name: 'k', value: 'v' }]);
  });

  test.for([
    ['neither productId nor chargingMode', {}],
    ['a product that is not in the catalog', { productId: 'OFFI000000000000000000' }],
    ['a period type the product is not sold by', { productId: 'OFFI900000000000000002', periodType: 'month' }],
    ['a linear value out of range', { productId: 'OFFI900000000000000001', linearValue: 100000 }],
    ['an unknown charging mode', { chargingMode: 'FREE' }],
    ['an unknown field', { productId: 'OFFI900000000000000001', quantity: 3 }],
    ['malformed extendParams', { chargingMode: 'ON_DEMAND', extendParams: [{ name: 1 }] }],
  ] as const)('POST /orders rejects %s with 400 INPUT_INVALID', async ([, body]) => {
    const emulator = await startEmulator();
    try {
      expectAdminError(await admin(emulator, 'POST', '/orders', body), 400, 'INPUT_INVALID');
      expect((await admin(emulator, 'GET', '/orders')).body).toEqual({ orders: [] });
    } finally {
      await emulator.close();
    }
  });

  it('POST /orders rejects a body that is not JSON with 400 INPUT_INVALID', async ({ emulator }) => {
    expectAdminError(await admin(emulator, 'POST', '/orders', '{"productId":'), 400, 'INPUT_INVALID');
  });

  it('GET /orders lists stored orders and filters by status', async ({ emulator }) => {
    const one = await emulator.admin.createOrder({ chargingMode: 'ON_DEMAND' });
    const two = await emulator.admin.createOrder({ chargingMode: 'ONE_TIME' });
    const all = await admin(emulator, 'GET', '/orders');
    expect(all.body.orders.map((o: { orderInfo: { orderId: string } }) => o.orderInfo.orderId)).toEqual([one.orderInfo.orderId, two.orderInfo.orderId]);
    expect((await admin(emulator, 'GET', '/orders?status=ACTIVE')).body).toEqual({ orders: [] });
    expectAdminError(await admin(emulator, 'GET', '/orders?status=DONE'), 400, 'INPUT_INVALID');
  });

  it('GET /orders/{orderId} answers a mock order (docs/fidelity.md#d25) and 404 NOT_FOUND for an unknown id', async ({ emulator }) => {
    const mock = await admin(emulator, 'GET', '/orders/MOCKPERIODYEARNEW');
    expect(mock.status).toBe(200);
    expect(mock.body.orderInfo.orderId).toBe('MOCKPERIODYEARNEW');
    expectAdminError(await admin(emulator, 'GET', '/orders/CS0000000000NOPE0'), 404, 'NOT_FOUND');
    expectAdminError(await admin(emulator, 'GET', '/orders/%ZZ'), 400, 'INPUT_INVALID');
  });
});

describe('admin API: what the fake Open APIs received', () => {
  it('GET /instances lists instances and filters by orderId', async ({ emulator }) => {
    const instanceId = await createOnDemandInstance(emulator);
    const [instance] = (await admin(emulator, 'GET', '/instances')).body.instances;
    expect(instance).toMatchObject({ instanceId, chargingMode: 'ON_DEMAND', sellerId: emulator.seller.id });
    expect((await admin(emulator, 'GET', `/instances?orderId=${instance.orderId}`)).body.instances).toHaveLength(1);
    expect((await admin(emulator, 'GET', '/instances?orderId=other')).body).toEqual({ instances: [] });
  });

  it('GET /usage answers {records: []} before any push', async ({ emulator }) => {
    expect(await admin(emulator, 'GET', '/usage')).toMatchObject({ status: 200, body: { records: [] } });
  });

  it('GET /files lists uploads without their bytes', async ({ emulator }) => {
    const base = { eventId: 'ev-1', sellerId: emulator.seller.id, receivedAt: 1 };
    emulator.store.putFile({ ...base, type: 'FILE', fileName: 'a.bin', sha256: 'ab'.repeat(32), content: new Uint8Array([1, 2, 3]) });
    emulator.store.putFile({ ...base, eventId: 'ev-2', type: 'CHARACTERS', content: '你好' });
    const { files } = (await admin(emulator, 'GET', '/files')).body;
    expect(files).toEqual([
      { id: 1, eventId: 'ev-1', sellerId: emulator.seller.id, receivedAt: 1, type: 'FILE', size: 3, fileName: 'a.bin', sha256: 'ab'.repeat(32) },
      { id: 2, eventId: 'ev-2', sellerId: emulator.seller.id, receivedAt: 1, type: 'CHARACTERS', size: 6, characters: '你好' },
    ]);
    expect((await admin(emulator, 'GET', '/files?eventId=ev-2')).body.files).toHaveLength(1);
  });

  it('GET /exchanges lists the journal with direction, operation, afterId and limit', async ({ emulator }) => {
    for (let i = 0; i < 3; i++) await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    await fetch(`${emulator.url}/no/such/api`);
    const all = (await admin(emulator, 'GET', '/exchanges')).body.exchanges;
    expect(all.map((e: { id: number; operation: string }) => [e.id, e.operation])).toEqual([[1, 'order.query'], [2, 'order.query'], [3, 'order.query'], [4, 'unmatched']]);
    expect((await admin(emulator, 'GET', '/exchanges?operation=order.query&afterId=1&limit=1')).body.exchanges.map((e: { id: number }) => e.id)).toEqual([2]);
    expect((await admin(emulator, 'GET', '/exchanges?direction=outbound')).body).toEqual({ exchanges: [] });
    const one = await admin(emulator, 'GET', '/exchanges/4');
    expect(one.body).toMatchObject({ id: 4, direction: 'inbound', request: { method: 'GET', path: '/no/such/api' }, response: { status: 404 } });
  });

  test.for([
    ['an unknown direction', '/exchanges?direction=sideways', 400, 'INPUT_INVALID'],
    ['a limit of 0', '/exchanges?limit=0', 400, 'INPUT_INVALID'],
    ['a limit over 1000', '/exchanges?limit=1001', 400, 'INPUT_INVALID'],
    ['a repeated parameter', '/exchanges?limit=1&limit=2', 400, 'INPUT_INVALID'],
    ['a non-numeric exchange id', '/exchanges/abc', 400, 'INPUT_INVALID'],
    ['an exchange id that does not exist', '/exchanges/99', 404, 'NOT_FOUND'],
  ] as const)('GET rejects %s', async ([, path, status, code]) => {
    const emulator = await startEmulator();
    try {
      expectAdminError(await admin(emulator, 'GET', path), status, code);
    } finally {
      await emulator.close();
    }
  });
});

describe('admin API: reset and virtual time', () => {
  it('POST /clock/advance moves virtual time forward by a duration or by ms; GET /clock reads it', async ({ emulator }) => {
    const before = (await admin(emulator, 'GET', '/clock')).body;
    expect(before.offsetMs).toBe(0);
    const advanced = await admin(emulator, 'POST', '/clock/advance', { duration: '3h' });
    expect(advanced.status).toBe(200);
    expect(advanced.body.offsetMs).toBe(3 * HOUR);
    expect(advanced.body.now - advanced.body.wallNow).toBe(3 * HOUR);
    expect(advanced.body.iso).toBe(new Date(advanced.body.now).toISOString());
    expect((await admin(emulator, 'POST', '/clock/advance', { ms: 1000 })).body.offsetMs).toBe(3 * HOUR + 1000);
    expect((await admin(emulator, 'GET', '/clock')).body.offsetMs).toBe(3 * HOUR + 1000);
  });

  it('stamps orders with virtual time', async ({ emulator }) => {
    const { now } = await emulator.admin.advanceClock('31d');
    const order = await emulator.admin.createOrder({ chargingMode: 'ON_DEMAND' });
    expect(order.createdAt).toBeGreaterThanOrEqual(now);
  });

  test.for([
    ['both ms and duration', { ms: 1, duration: '1s' }],
    ['neither', {}],
    ['a negative ms', { ms: -1 }],
    ['a duration without a unit', { duration: '3' }],
    ['a duration in words', { duration: '3 hours' }],
    ['more than ten years', { duration: '4000d' }],
  ] as const)('POST /clock/advance rejects %s with 400 INPUT_INVALID', async ([, body]) => {
    const emulator = await startEmulator();
    try {
      expectAdminError(await admin(emulator, 'POST', '/clock/advance', body), 400, 'INPUT_INVALID');
      expect((await admin(emulator, 'GET', '/clock')).body.offsetMs).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it('POST /reset forgets orders, instances, usage, the journal and virtual time, and keeps the catalog', async ({ emulator }) => {
    await createOnDemandInstance(emulator);
    await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    await emulator.admin.advanceClock('1d');
    const reset = await admin(emulator, 'POST', '/reset');
    expect(reset).toMatchObject({ status: 200, body: { reset: 'state' } });
    expect((await admin(emulator, 'GET', '/orders')).body).toEqual({ orders: [] });
    expect((await admin(emulator, 'GET', '/instances')).body).toEqual({ instances: [] });
    expect((await admin(emulator, 'GET', '/exchanges')).body).toEqual({ exchanges: [] });
    expect((await admin(emulator, 'GET', '/clock')).body.offsetMs).toBe(0);
    expect((await admin(emulator, 'POST', '/orders', { chargingMode: 'PERIOD' })).status).toBe(201);
  });

  it('POST /reset with scope all keeps the emulator answering with its seller and catalog', async ({ emulator }) => {
    expect((await admin(emulator, 'POST', '/reset', { scope: 'all' })).body).toEqual({ reset: 'all' });
    expect(emulator.store.listProducts(emulator.seller.id).length).toBeGreaterThan(0);
    expect((await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` })).status).toBe(200);
    expectAdminError(await admin(emulator, 'POST', '/reset', { scope: 'everything' }), 400, 'INPUT_INVALID');
  });

  it('emulator.reset() does what POST /reset does', async ({ emulator }) => {
    await emulator.admin.createOrder({ chargingMode: 'ON_DEMAND' });
    await emulator.reset();
    expect(await emulator.admin.listOrders()).toEqual([]);
  });
});

describe('admin API: access', () => {
  const TOKEN = 'admin-token-for-tests-0123456789';
  const it2 = test.extend('emulator', async ({}, { onCleanup }) => {
    const emulator = await startEmulator({ config: { server: { adminToken: TOKEN } } });
    onCleanup(() => emulator.close());
    return emulator;
  });

  it2('answers 401 UNAUTHORIZED without the bearer token, and never echoes a token', async ({ emulator }) => {
    const missing = await admin(emulator, 'GET', '/orders');
    expectAdminError(missing, 401, 'UNAUTHORIZED');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const wrong = await admin(emulator, 'GET', '/orders', undefined, { authorization: 'Bearer not-the-token' });
    expectAdminError(wrong, 401, 'UNAUTHORIZED');
    expect(JSON.stringify([missing.body, wrong.body])).not.toContain(TOKEN);
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-token');
    expectAdminError(await admin(emulator, 'POST', '/reset', undefined, { authorization: `Basic ${TOKEN}` }), 401, 'UNAUTHORIZED');
  });

  it2('accepts the bearer token (and the typed client sends it)', async ({ emulator }) => {
    expect((await admin(emulator, 'GET', '/orders', undefined, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect(await emulator.admin.listOrders()).toEqual([]);
  });

  it2('answers GET /health without the token', async ({ emulator }) => {
    const health = await admin(emulator, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
  });

  it('answers an unknown endpoint with 404 NOT_FOUND, and serves the console under a strict CSP', async ({ emulator }) => {
    expectAdminError(await admin(emulator, 'GET', '/nothing'), 404, 'NOT_FOUND');
    expectAdminError(await admin(emulator, 'DELETE', '/orders'), 404, 'NOT_FOUND');
    const bare = await fetch(`${emulator.url}/_koomock/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/_koomock/console/');
    const page = await fetch(`${emulator.url}/_koomock/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/<script>|<style>| style=| on[a-z]+=/i);
    expectAdminError(await admin(emulator, 'GET', '/console/nothing.js'), 404, 'NOT_FOUND');
  });

  it('serves the admin API only to requests addressed to the listen host, not to the platform host names', async ({ emulator }) => {
    expect((await getWithHost(`${emulator.url}/_koomock/health`, 'localhost')).status).toBe(200);
    const platform = await getWithHost(`${emulator.url}/_koomock/health`, 'mkt.myhuaweicloud.com');
    expect(platform.status).toBe(404);
    expect(JSON.parse(platform.body)).toMatchObject({ error_code: 'APIG.0101' });
    expect((await getWithHost(`${emulator.url}/_koomock/orders`, 'attacker.example')).status).toBe(404);
  });

  test.for([
    ['a loopback name on a loopback listener', 'localhost', '127.0.0.1', [], true],
    ['the IPv6 loopback written in brackets', '[::1]', '::1', [], true],
    ['a rebound DNS name on a loopback listener', 'attacker.example', '127.0.0.1', [], false],
    ['a platform host name on a wildcard listener', 'mkt.myhuaweicloud.com', '0.0.0.0', ['mkt.myhuaweicloud.com'], false],
    ['another name on a wildcard listener', 'koomock.lan', '0.0.0.0', ['mkt.myhuaweicloud.com'], true],
    ['no Host header (HTTP/1.0)', undefined, '127.0.0.1', [], true],
  ] as const)('isAdminHost: %s -> %s', ([, hostName, listen, platform, expected]) => {
    expect(isAdminHost(hostName, listen, platform)).toBe(expected);
  });
});
