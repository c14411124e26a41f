/**
 * Untrusted input never crashes koomock: random requests against a running emulator always get a
 * documented answer, and malformed HTTP on a raw socket never hangs or kills the server.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../mock-server/adapters/http/app.js';
import { createEmulatorRuntime } from '../../mock-server/app/emulator-runtime.js';
import { listen, type RunningServer } from '../../mock-server/adapters/http/server.js';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { createMemoryStore } from '../../mock-server/adapters/store/memory-store.js';
import { resolveConfig } from '../../mock-server/config/load.js';
import { OPEN_API_ROUTES } from '../../mock-server/core/openapi/routes.js';
import { computeUsageSignature } from '../../mock-server/core/signing/index.js';
import type { Emulator } from '../../mock-server/emulator.js';
import { ORDER_QUERY, signRequest, startEmulator, USAGE_KEY, USAGE_PUSH } from './http/support.js';

const registry = getSchemaRegistry();
/** Every body the fake Open APIs may answer with: the error envelopes and each operation's response. */
const ANSWER_SCHEMAS = [
  'common/envelopes/apig-error.schema.json',
  'common/envelopes/error-envelope.schema.json',
  'common/envelopes/result-envelope.schema.json',
  'common/envelopes/oauth-error.schema.json',
  ...registry.ids().filter((id) => /^openapi\/.*\.response\.schema\.json$/.test(id)),
];
/** The documented 5xx codes a seller can earn with bad data (open-api.md §3.6); 0999 would be a koomock bug. */
const DOCUMENTED_5XX = new Set(['MKT.0100', 'MKT.9001', 'MKT.9002', 'MKT.9003', 'MKT.9004']);

const isDocumented = (body: unknown): boolean => ANSWER_SCHEMAS.some((id) => registry.validate(id, body).ok);

// ------------------------------------------------------------------ generators

const KNOWN_PATHS = [
  ORDER_QUERY,
  USAGE_PUSH,
  '/rest/marketplace/v1/isv/usage-data',
  '/v1.0/6b6f6f6d6f636b2d73656c6c65720001/billing/bill-mgr/push-usage-data',
  '/api/mkp-openapi-public/global/v1/market-event/ev-1/file',
  '/api/v1/oauth2/authorize',
  '/api/v1/oauth2/token',
  '/api/v1/oauth2/userinfo',
  '/api/v1/logout',
];
const SEGMENT = fc.oneof(
  fc.constantFrom('api', 'mkp-openapi-public', 'global', 'v1', 'order', 'query', 'isv', 'usage-data', '%ZZ', '%E0%A4%A', '%00', '..', '.', ''),
  fc.stringMatching(/^[A-Za-z0-9._~%-]{1,24}$/),
);
const PATH = fc.oneof(
  fc.constantFrom(...KNOWN_PATHS),
  fc.tuple(fc.constantFrom(...KNOWN_PATHS), SEGMENT).map(([p, s]) => `${p}/${s}`),
  fc.array(SEGMENT, { maxLength: 8 }).map((segs) => `/${segs.join('/')}`),
).filter((p) => !p.toLowerCase().startsWith('/_koomock'));

const VISIBLE = (max: number) => fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: max }).map((codes) => String.fromCharCode(...codes));
const QUERY = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('orderId', 'orderLineId', 'client_id', 'redirect_uri', 'response_type', 'x', ''), VISIBLE(40)), { maxLength: 4 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  { weight: 2, arbitrary: fc.constantFrom('orderId=MOCKPERIODYEARNEW', 'orderId=MOCKONDEMAND&orderLineId=MOCKONDEMAND-000001') },
  // Past APIG's 32 KB URI limit (414 APIG.0201).
  { weight: 1, arbitrary: fc.integer({ min: 32 * 1024, max: 40 * 1024 }).map((n) => `orderId=${'A'.repeat(n)}`) },
);

/** Header names fetch may send (no hop-by-hop or framing headers, which it manages itself). */
const HEADER_NAME = fc.oneof(
  fc.constantFrom('content-type', 'authorization', 'x-sdk-date', 'signature', 'ts', 'nonce', 'x-sdk-content-sha256', 'accept', 'content-encoding', 'x-stage'),
  fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
);
const HEADER_VALUE = fc.oneof(
  VISIBLE(60),
  fc.constantFrom('application/json', 'multipart/form-data; boundary=x', 'gzip', 'SDK-HMAC-SHA256 Access=EXAMPLEAKID000000000, SignedHeaders=host;x-sdk-date, Signature=00', '20241121T090846Z', 'Bearer abc', 'Basic Og=='),
);
/** At most one huge header (up to ~60 KB) per request, so the total stays inside the server's header limit. */
const HEADERS = fc.tuple(
  fc.dictionary(HEADER_NAME, HEADER_VALUE, { maxKeys: 6 }),
  fc.option(fc.tuple(fc.constantFrom('x-huge', 'authorization', 'signature'), fc.integer({ min: 1, max: 60_000 })), { nil: undefined }),
).map(([headers, huge]) => (huge === undefined ? headers : { ...headers, [huge[0]]: 'h'.repeat(huge[1]) }));

const BODY = fc.oneof(
  fc.constant(new Uint8Array()),
  fc.uint8Array({ maxLength: 2048 }),
  // Invalid UTF-8: lone continuation bytes, overlong forms, truncated sequences.
  fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xf5, 0xff, 0x7b, 0x22), { maxLength: 64 }).map((b) => new Uint8Array(b)),
  fc.jsonValue().map((v) => new Uint8Array(Buffer.from(JSON.stringify({ usage_records: v })))),
  fc.jsonValue().map((v) => new Uint8Array(Buffer.from(JSON.stringify(v) ?? 'null'))),
);

const METHOD = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** How it is authenticated: not at all, or properly (so it reaches the handlers), optionally with a usage body signature. */
  signing: 'none' | 'apig' | 'apig+usage';
}

/** A route of the table with its own method and path parameters filled in: these reach the handlers. */
const ROUTE_CALL = fc
  .tuple(fc.constantFrom(...OPEN_API_ROUTES), fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/))
  .map(([route, param]) => ({ method: route.method as string, path: route.path.replace(/\{[^}]+\}/g, param) }));

const REQUEST: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ call: ROUTE_CALL, query: QUERY, headers: HEADERS, body: BODY, signing: fc.constantFrom('apig', 'apig+usage', 'none') as fc.Arbitrary<FuzzRequest['signing']> }).map(
      ({ call, ...rest }) => ({ ...call, ...rest }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({ method: METHOD, path: PATH, query: QUERY, headers: HEADERS, body: BODY, signing: fc.constantFrom('apig', 'none') as fc.Arbitrary<FuzzRequest['signing']> }),
  },
);

function toInit(emulator: Emulator, r: FuzzRequest): { url: string; init: RequestInit } {
  const url = `${emulator.url}${r.path}${r.query === '' ? '' : `?${r.query}`}`;
  const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body;
  let headers = r.headers;
  if (r.signing === 'apig+usage' && body !== undefined) {
    const ts = String(Date.now());
    const nonce = randomUUID();
    headers = { ...headers, ts, nonce, signature: computeUsageSignature({ key: USAGE_KEY, ts, nonce, body }) };
  }
  if (r.signing !== 'none') headers = signRequest({ method: r.method, url, headers, ...(body === undefined ? {} : { body }) });
  return { url, init: { method: r.method, headers, ...(body === undefined ? {} : { body }) } };
}

// ------------------------------------------------------------------ tests

describe('fuzz: random requests against a running emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  test('every answer is a documented envelope or response, no undocumented 5xx, and the server stays up', { timeout: 180_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(REQUEST, async (r) => {
        runs += 1;
        const { url, init } = toInit(emulator, r);
        const res = await fetch(url, init);
        const text = await res.text();
        const where = `${r.method} ${url.slice(0, 200)} -> ${res.status} ${text.slice(0, 300)}`;
        if (r.method === 'HEAD' || (res.status >= 300 && res.status < 400 && res.headers.get('location') !== null)) {
          expect(text, where).toBe('');
          return;
        }
        expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
        const body: unknown = JSON.parse(text);
        expect(isDocumented(body), where).toBe(true);
        if (res.status >= 500) {
          const code = (body as { error_code?: string; resultCode?: string }).error_code ?? (body as { resultCode?: string }).resultCode;
          expect(DOCUMENTED_5XX.has(code ?? ''), where).toBe(true);
        }
      }),
      { numRuns: 300, plugins: [fc.interruptAfterTimeLimit(120_000)] },
    );
    expect(runs).toBeGreaterThan(50);
    const health = await fetch(`${emulator.url}/_koomock/health`);
    expect(health.status).toBe(200);
    // Nothing the fuzzer sent made a handler fail (that would have been journaled as emulator.error or handler.exception).
    const failures = emulator.store.listExchanges({ limit: -1 }).flatMap((e) => e.verdicts).filter((v) => v.id === 'handler.exception' || v.id === 'emulator.error');
    expect(failures).toEqual([]);
  });

  test('a body over 12 MB is answered 413 APIG.0201', async () => {
    const res = await fetch(`${emulator.url}${USAGE_PUSH}`, { method: 'POST', body: new Uint8Array(12 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(registry.validate('common/envelopes/apig-error.schema.json', body)).toEqual({ ok: true });
    expect(body).toMatchObject({ error_code: 'APIG.0201' });
  });
});

// ------------------------------------------------------------------ raw sockets

interface RawResult {
  /** First line of what the server wrote ('' when it wrote nothing). */
  statusLine: string;
  text: string;
  ms: number;
}

/** Writes raw bytes; `end` half-closes afterwards. Resolves when the server closes the connection. */
function raw(port: number, payload: string, options: { end?: boolean; limitMs?: number } = {}): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(payload);
      if (options.end === true) socket.end();
    });
    const limit = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for more than ${options.limitMs ?? 5000} ms`));
    }, options.limitMs ?? 5000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(limit);
      resolve({ statusLine: text.split('\r\n')[0] ?? '', text, ms: Date.now() - started });
    });
  });
}

describe('raw sockets: malformed HTTP never hangs or crashes the server', () => {
  const REQUEST_TIMEOUT_MS = 1500;
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    const config = resolveConfig({}, { cwd: process.cwd() });
    const runtime = createEmulatorRuntime({ config, store: createMemoryStore() });
    server = await listen(createApp(runtime, { listenHost: '127.0.0.1' }), { host: '127.0.0.1', port: 0, requestTimeoutMs: REQUEST_TIMEOUT_MS });
    port = server.port;
  });
  afterAll(() => server.close());

  const healthy = async () => expect((await fetch(`${server.url}/_koomock/health`)).status).toBe(200);
  const post = (headers: string, body: string) => `POST ${USAGE_PUSH} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n\r\n${body}`;

  test.for([
    ['a truncated body, then the client closes its side', post('Content-Length: 100', '{"usage_records":'), true, ''],
    ['a non-numeric Content-Length', post('Content-Length: abc', '{}'), false, 'HTTP/1.1 400'],
    ['a negative Content-Length', post('Content-Length: -5', '{}'), false, 'HTTP/1.1 400'],
    ['two different Content-Lengths', post('Content-Length: 2\r\nContent-Length: 5', '{}'), false, 'HTTP/1.1 400'],
    ['a Content-Length shorter than the body (the rest is garbage)', post('Content-Length: 1', '{"a":1}'), false, 'HTTP/1.1 400'],
    ['headers past the 128 KB limit', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(140 * 1024)}\r\n\r\n`, false, 'HTTP/1.1 431'],
    ['garbage instead of a request line', 'NOT HTTP AT ALL\r\n\r\n', false, 'HTTP/1.1 400'],
    // Absolute-form targets (proxies send them) reach the Open API by their path: unsigned, so APIG's 401.
    ['an absolute-form request target', `GET http://mkt.myhuaweicloud.com${ORDER_QUERY}?orderId=MOCKPERIODYEARNEW HTTP/1.1\r\nHost: mkt.myhuaweicloud.com\r\nConnection: close\r\n\r\n`, false, 'HTTP/1.1 401'],
  ] as const)('%s: answered or closed within 3 s', async ([, payload, end, expected]) => {
    const r = await raw(port, payload, { end, limitMs: 3000 });
    expect(r.ms).toBeLessThan(3000);
    if (expected !== '') expect(r.statusLine).toMatch(new RegExp(`^${expected}`));
    await healthy();
  });

  test('a Content-Length over 12 MB is refused with 413 APIG.0201 before the body arrives', async () => {
    const r = await raw(port, post('Content-Length: 99999999999', '{'), { limitMs: 3000 });
    expect(r.statusLine).toMatch(/^HTTP\/1\.1 413/);
    expect(JSON.parse(r.text.slice(r.text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error_code: 'APIG.0201' });
    await healthy();
  });

  test('a client that stalls mid-body is cut off after the request timeout, and others are served meanwhile', async () => {
    const stalled = raw(port, post('Content-Length: 100', '{"usage'), { limitMs: REQUEST_TIMEOUT_MS + 3000 });
    await healthy();
    const r = await stalled;
    expect(r.statusLine).toMatch(/^HTTP\/1\.1 408/);
    expect(r.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);
    await healthy();
  });
});
