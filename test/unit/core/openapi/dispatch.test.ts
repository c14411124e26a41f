import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '../../../../mock-server/adapters/store/memory-store.js';
import { MAX_BODY_BYTES } from '../../../../mock-server/core/openapi/body-limit.js';
import { type FaultInjector, isConnectionReset } from '../../../../mock-server/core/openapi/faults.js';
import type { Store } from '../../../../mock-server/core/store.js';
import {
  APIG_ERROR,
  createHarness,
  expectSchema,
  type Harness,
  lastExchange,
  OTHER_SELLER,
  SELLER,
  signRequest,
  toRequest,
} from './harness.js';

const ORDER_PATH = '/api/mkp-openapi-public/global/v1/order/query';
const ORDER_SCHEMA = 'openapi/order-query.response.schema.json';
const VECTOR3_QUERY = 'orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW';

/** A valid signed order query (APIG vector 3a, signed at the harness clock = its X-Sdk-Date). */
const orderQuery = (h: Harness, extra: { query?: string; signedHeaders?: readonly string[]; now?: number } = {}) =>
  signRequest(h, { path: ORDER_PATH, query: extra.query ?? VECTOR3_QUERY, headers: { 'Content-Type': 'application/json' }, ...extra });

/** Changes one hex digit of the Signature in Authorization. */
const flipSignatureByte = (authorization: string): string =>
  authorization.replace(/Signature=([0-9a-f])/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`);

describe('routing', () => {
  test('answers 404 APIG.0101 for a path koomock does not serve', async () => {
    const h = createHarness();
    const res = await h.send(signRequest(h, { path: '/api/mkp-openapi-public/global/v1/order/nope' }));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error_code: 'APIG.0101', error_msg: 'The API does not exist or has not been published in the environment' });
    expectSchema(res, APIG_ERROR);
    expect(lastExchange(h)).toMatchObject({ operation: 'unmatched', direction: 'inbound' });
  });

  test('answers the same 404 APIG.0101 for a known path under the wrong method', async () => {
    const h = createHarness();
    const res = await h.send(signRequest(h, { method: 'POST', path: ORDER_PATH, query: VECTOR3_QUERY }));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error_code: 'APIG.0101' });
    expect(lastExchange(h).verdicts[0]?.hint).toContain('served with GET');
  });

  test('answers 413 APIG.0201 for a body over 12 MB, before checking the signature', async () => {
    const h = createHarness();
    const res = await h.send(toRequest({ method: 'POST', path: '/api/mkp-openapi-public/global/v1/isv/usage-data', body: new Uint8Array(MAX_BODY_BYTES + 1) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Request entity too large' });
    expectSchema(res, APIG_ERROR);
  });
});

describe('APIG AK/SK (docs/fidelity.md#d20 to #d22) with the vector 3 keys', () => {
  test('accepts vector 3a (all headers signed)', async () => {
    const h = createHarness();
    const req = orderQuery(h);
    expect(req.headers.authorization).toBe(
      'SDK-HMAC-SHA256 Access=EXAMPLEAKID000000000, SignedHeaders=content-type;host;x-sdk-date, Signature=273124388c053f174353f28472424811c26cf3c1df0d10f9c70e8604842489fd',
    );
    const res = await h.send(req);
    expect(res.status).toBe(200);
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'apig.signature', ok: true }));
  });

  test('accepts Go-SDK style signing (vector 3b: only host and x-sdk-date signed)', async () => {
    const h = createHarness();
    const req = orderQuery(h, { signedHeaders: ['host', 'x-sdk-date'] });
    expect(req.headers.authorization).toContain('Signature=8a997835dbda2f40c59e6633c922cc539ab5303c24f2c0fa4616cb794fd2faa3');
    expect((await h.send(req)).status).toBe(200);
  });

  test('rejects a signature with one changed byte: 401 APIG.0301 with a fresh 32-hex request_id', async () => {
    const h = createHarness();
    const req = orderQuery(h);
    const res = await h.send({ ...req, headers: { ...req.headers, authorization: flipSignatureByte(req.headers.authorization ?? '') } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expectSchema(res, APIG_ERROR);
    expect(lastExchange(h).verdicts[0]).toMatchObject({ id: 'apig.signature', ok: false, received: 'mismatch' });
  });

  test('rejects an X-Sdk-Date 16 minutes old', async () => {
    const h = createHarness();
    const res = await h.send(orderQuery(h, { now: h.clock.wallNow() - 16 * 60_000 }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_code: 'APIG.0301' });
    expect(lastExchange(h).verdicts[0]).toMatchObject({ ok: false, received: 'stale' });
  });

  test('accepts an X-Sdk-Date 14 minutes old', async () => {
    const h = createHarness();
    expect((await h.send(orderQuery(h, { now: h.clock.wallNow() - 14 * 60_000 }))).status).toBe(200);
  });

  test('rejects an unknown AK with the same 401 (docs/fidelity.md#d22)', async () => {
    const h = createHarness({ sellers: [OTHER_SELLER] });
    const res = await h.send(orderQuery(h));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' });
  });

  test('rejects a call without Authorization', async () => {
    const h = createHarness();
    const res = await h.send(toRequest({ path: ORDER_PATH, query: VECTOR3_QUERY }));
    expect(res.status).toBe(401);
    expect(lastExchange(h).verdicts[0]).toMatchObject({ received: 'missing' });
  });

  test('in debug mode appends the canonical request with \\n shown as | (docs/fidelity.md#d21)', async () => {
    const h = createHarness({ profile: { debug: true } });
    const req = orderQuery(h);
    const res = await h.send({ ...req, headers: { ...req.headers, authorization: flipSignatureByte(req.headers.authorization ?? '') } });
    const msg = (res.body as { error_msg: string }).error_msg;
    expect(msg).toContain(
      'canonicalRequest:GET|/api/mkp-openapi-public/global/v1/order/query/|orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001|content-type:application/json|host:mkt.myhuaweicloud.com|x-sdk-date:20241121T090846Z||content-type;host;x-sdk-date|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(msg).not.toContain(SELLER.sk);
    expectSchema(res, APIG_ERROR);
  });

  test('in debug mode names the known mistake that reproduces the signature', async () => {
    const h = createHarness({ profile: { debug: true } });
    // The seller signed the URI without the trailing slash APIG requires: sign a path-variant and send the real path.
    const { createHmac, createHash } = await import('node:crypto');
    const req = orderQuery(h);
    const canonical = [
      'GET',
      '/api/mkp-openapi-public/global/v1/order/query',
      'orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001',
      'content-type:application/json\nhost:mkt.myhuaweicloud.com\nx-sdk-date:20241121T090846Z\n',
      'content-type;host;x-sdk-date',
      createHash('sha256').update('').digest('hex'),
    ].join('\n');
    const sts = `SDK-HMAC-SHA256\n20241121T090846Z\n${createHash('sha256').update(canonical).digest('hex')}`;
    const wrong = createHmac('sha256', SELLER.sk).update(sts).digest('hex');
    const authorization = (req.headers.authorization ?? '').replace(/Signature=\w+/, `Signature=${wrong}`);
    const res = await h.send({ ...req, headers: { ...req.headers, authorization } });
    expect(res.status).toBe(401);
    expect((res.body as { error_msg: string }).error_msg).toContain('likely mistake missing-trailing-slash');
  });

  test('outside debug mode the 401 body is exactly the documented one', async () => {
    const h = createHarness({ profile: { debug: false } });
    const req = orderQuery(h);
    const res = await h.send({ ...req, headers: { ...req.headers, authorization: flipSignatureByte(req.headers.authorization ?? '') } });
    expect(Object.keys(res.body as object)).toEqual(['error_code', 'error_msg', 'request_id']);
    expect((res.body as { error_msg: string }).error_msg).toBe('Incorrect IAM authentication information: verify aksk signature fail');
  });

  test('with apigAuth off, accepts an unsigned call naming its AK and journals a warning', async () => {
    const h = createHarness({ profile: { apigAuth: 'off' } });
    const req = toRequest({ path: ORDER_PATH, query: VECTOR3_QUERY, headers: { authorization: `SDK-HMAC-SHA256 Access=${SELLER.ak}, SignedHeaders=host, Signature=00` } });
    const res = await h.send(req);
    expect(res.status).toBe(200);
    expect(lastExchange(h).verdicts[0]).toMatchObject({ id: 'apig.signature', ok: false, severity: 'warn', received: 'not checked' });
    expect(lastExchange(h).sellerId).toBe(SELLER.id);
  });
});

describe('rate limit (docs/fidelity.md#d30)', () => {
  test('answers 406 MKT.0250 to the call over the per-second limit of one seller', async () => {
    const h = createHarness({ profile: { rateLimitPerSecond: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await h.send(orderQuery(h))).status);
    expect(statuses).toEqual([200, 200, 406]);
    const res = await h.send(orderQuery(h));
    expect(res.body).toEqual({ resultCode: 'MKT.0250', resultMsg: 'Access frequency overlimit' });
    expectSchema(res, ORDER_SCHEMA);
  });

  test('counts each seller separately and starts again in the next second', async () => {
    const h = createHarness({ profile: { rateLimitPerSecond: 1 } });
    expect((await h.send(orderQuery(h))).status).toBe(200);
    expect((await h.send(signRequest(h, { path: ORDER_PATH, query: VECTOR3_QUERY, seller: OTHER_SELLER }))).status).toBe(200);
    h.clock.setWall(h.clock.wallNow() + 1000);
    expect((await h.send(orderQuery(h))).status).toBe(200);
  });
});

/** A store whose getOrder fails, as a broken disk would make it. */
const failingStore = (): Store => {
  const store = createMemoryStore();
  return new Proxy(store, {
    get: (target, name, receiver) =>
      name === 'getOrder'
        ? () => {
            throw new Error('disk I/O error at /var/lib/koomock');
          }
        : Reflect.get(target, name, receiver),
  });
};

describe('handler exceptions', () => {
  test('answers 500 MKT.0999 without a stack trace and journals the message', async () => {
    const h = createHarness({ store: failingStore() });
    const res = await h.send(orderQuery(h, { query: 'orderId=CS2411211708ABCDE' }));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ resultCode: 'MKT.0999', resultMsg: 'System internal error' });
    expectSchema(res, ORDER_SCHEMA);
    expect(JSON.stringify(res.body)).not.toContain('disk');
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'handler.exception', received: expect.stringContaining('disk I/O error') }));
  });

  test('still answers when the journal itself fails', async () => {
    const store = createMemoryStore();
    const broken = new Proxy(store, {
      get: (t, n, r) =>
        n === 'appendExchange'
          ? () => {
              throw new Error('journal down');
            }
          : Reflect.get(t, n, r),
    });
    const h = createHarness({ store: broken });
    expect((await h.send(orderQuery(h))).status).toBe(200);
  });

  test.for([
    ['a header value with a line break', { status: 200, headers: { 'x-note': 'a\r\nb' }, body: {} }],
    ['a header name that is not a token', { status: 200, headers: { 'x note': 'a' }, body: {} }],
    ['a status no HTTP client reads as an answer', { status: 700, headers: {}, body: {} }],
    ['a body JSON cannot represent', { status: 200, headers: {}, body: 1n }],
  ] as const)('an answer HTTP cannot carry (%s) becomes 500 MKT.0999, journaled', async ([, response]) => {
    const faults: FaultInjector = { before: () => ({ kind: 'respond', response }) };
    const h = createHarness({ faults });
    const res = await h.send(orderQuery(h));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ resultCode: 'MKT.0999', resultMsg: 'System internal error' });
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'emulator.error', ok: false, received: expect.stringMatching(/^TypeError: /) }));
  });
});

describe('journal', () => {
  test('records operation, seller, request with the signature, response, timing and verdicts, never the SK', async () => {
    const h = createHarness();
    await h.send(orderQuery(h));
    const x = lastExchange(h);
    expect(x).toMatchObject({
      direction: 'inbound',
      operation: 'order.query',
      sellerId: SELLER.id,
      request: { method: 'GET', path: ORDER_PATH, query: VECTOR3_QUERY, headers: { authorization: expect.stringContaining('Signature=27312438') } },
      response: { status: 200, body: { json: { resultCode: 'MKT.0000' } } },
      durationMs: 0,
    });
    expect(JSON.stringify(x)).not.toContain(SELLER.sk);
  });

  test('caps a request body at 64 KiB', async () => {
    const h = createHarness();
    const body = 'x'.repeat(100 * 1024);
    await h.send(signRequest(h, { method: 'POST', path: '/api/mkp-openapi-public/global/v1/isv/usage-data', body }));
    expect(lastExchange(h).request.body).toMatchObject({ bytes: 100 * 1024, truncated: true, text: 'x'.repeat(64 * 1024) });
  });
});

describe('fault injection hook', () => {
  test('an injected answer replaces the operation and is journaled', async () => {
    const faults: FaultInjector = {
      before: (routeId) => (routeId === 'order.query' ? { kind: 'respond', response: { status: 503, headers: {}, body: 'down', kind: 'text' } } : { kind: 'none' }),
    };
    const h = createHarness({ faults });
    const res = await h.send(orderQuery(h));
    expect(res.status).toBe(503);
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'fault.injected', received: 'respond' }));
  });

  test('a reset fault answers the connection-reset marker', async () => {
    const h = createHarness({ faults: { before: async () => ({ kind: 'reset' }) } });
    expect(isConnectionReset(await h.send(orderQuery(h)))).toBe(true);
    expect(lastExchange(h).response).toEqual({ reset: true });
  });
});
