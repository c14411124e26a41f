/**
 * Light fuzzing of the answer side: whatever a seller sends back (any status line, header bytes,
 * framing and body), one attempt through the real fetch transport resolves with data in time,
 * never throws, and yields a record that reports and the journal can serialise.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { createFetchTransport } from '../../mock-server/adapters/seller/fetch-transport.js';
import { CHECK_IDS } from '../../mock-server/core/checks/catalog.js';
import { passesPlatform } from '../../mock-server/core/produce/answer-checks.js';
import { type AttemptRecord, runAttempt, toExchange } from '../../mock-server/core/produce/attempt.js';
import type { ProduceDeps } from '../../mock-server/core/produce/deps.js';
import type { SellerTransport } from '../../mock-server/core/ports.js';
import { withProfile } from '../../mock-server/core/profile.js';
import { computeBodySign, toBodySignHeader } from '../../mock-server/core/signing/body-sign/body-sign.js';
import { createTestSeller, type SellerBehaviour, type TestSeller } from '../support/test-seller.js';
import { createTestClock, createTestRandom, TEST_KEYS } from '../unit/core/produce/support.js';

const TIMEOUT_MS = 1_000;
// KOOMOCK_FUZZ_RUNS raises the count for a longer local run.
const RUNS = Number(process.env.KOOMOCK_FUZZ_RUNS ?? 100);

let seller: TestSeller;
beforeAll(async () => {
  seller = await createTestSeller();
});
afterAll(() => seller.close());

const depsFor = (generation: 'v1' | 'v2', transport: SellerTransport): ProduceDeps => ({
  transport,
  clock: createTestClock(Date.now()),
  random: createTestRandom(),
  profile: withProfile({ callTimeoutMs: TIMEOUT_MS, generation }),
  keys: TEST_KEYS,
  schemas: getSchemaRegistry(),
});

const SPECS = {
  v2: { activity: 'newInstance', fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } },
  v1: { activity: 'newInstance', fields: { customerId: 'c1', orderId: 'CS1', productId: 'P1' } },
} as const;

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

// ---- bodies -------------------------------------------------------------------------------------

const deepNesting = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('[', '{"a":'), fc.boolean()).map(([n, open, closed]) => {
  const close = open === '[' ? ']' : '}';
  return open.repeat(n) + (open === '[' ? '' : '1') + (closed ? close.repeat(n) : '');
});

const invalidUtf8 = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom([0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]))
  .map(([text, bad]) => new Uint8Array([...Buffer.from(`{"resultCode":"${text}`), ...bad, ...Buffer.from('"}')]));

const answerObjects = fc
  .record(
    {
      resultCode: fc.oneof(fc.constantFrom('000000', '000004', '000001', '0', ''), fc.jsonValue({ maxDepth: 2 })),
      resultMsg: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue({ maxDepth: 2 })),
      instanceId: fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.jsonValue({ maxDepth: 2 })),
      encryptType: fc.oneof(fc.constantFrom('1', '2', '3', 1), fc.jsonValue({ maxDepth: 1 })),
      appInfo: fc.oneof(
        fc.record({ frontEndUrl: fc.webUrl(), userName: fc.string({ unit: 'binary', maxLength: 60 }), password: fc.string({ maxLength: 60 }) }, { requiredKeys: [] }),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      info: fc.jsonValue({ maxDepth: 4 }),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

const bodies: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  invalidUtf8,
  fc.json({ maxDepth: 5 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  deepNesting,
  answerObjects,
  fc.constantFrom('', ' ', '\uFEFF{"resultCode":"000000","instanceId":"i"}', 'null', '[]', '"ok"', '42', '{"__proto__":{"resultCode":"000000"}}'),
);

// ---- well-formed HTTP through node:http ---------------------------------------------------------

const contentTypes = fc.oneof(
  fc.constantFrom('application/json', 'application/json;charset=UTF-8', 'text/html', 'text/plain', 'application/jsonp', ''),
  fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);

const bodySign = (body: string | Uint8Array) =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant(toBodySignHeader(computeBodySign({ key: TEST_KEYS.basic, body }))),
    fc.constant(toBodySignHeader(computeBodySign({ key: TEST_KEYS.v1 as string, body }))),
    fc.base64String({ maxLength: 44 }).map((sig) => `sign_type="HMAC-SHA256", signature="${sig}"`),
    fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
  );

const structured: fc.Arbitrary<SellerBehaviour> = fc
  .tuple(fc.oneof(fc.constantFrom(200, 200, 200, 201, 204, 301, 302, 400, 404, 500, 503), fc.integer({ min: 200, max: 599 })), contentTypes, bodies)
  .chain(([status, contentType, body]) =>
    bodySign(body).map(
      (sign): SellerBehaviour => ({
        kind: 'respond',
        status,
        headers: { ...(contentType === '' ? {} : { 'content-type': contentType }), ...(sign === undefined ? {} : { 'body-sign': sign }) },
        // 204/304 carry no body; node:http would drop it anyway.
        body: status === 204 ? '' : body,
      }),
    ),
  );

// ---- raw bytes: any status line, header bytes and framing ---------------------------------------

// Mostly plausible, sometimes hostile: a header block of pure noise would stop at the parser every time.
const token = fc.string({ minLength: 1, maxLength: 12 }).filter((t) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(t));
const headerName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('Content-Type', 'Content-Length', 'Transfer-Encoding', 'Body-Sign', 'Location', 'Connection', 'Set-Cookie') },
  { weight: 2, arbitrary: token },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }).map(latin1) },
);
const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json', 'text/html', 'chunked', 'close', '0', '99999999999', '-1', 'https://seller.example/', '/relative') },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => latin1(b.map((x) => (x < 0x20 || x === 0x7f ? 0x20 : x)))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map(latin1) },
);
const statusLine = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.constantFrom('HTTP/1.1', 'HTTP/1.0'), fc.integer({ min: 100, max: 599 }), fc.constantFrom('OK', 'Found', '', 'Internal Server Error')).map(([v, s, r]) => `${v} ${s} ${r}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 '), fc.integer({ min: 0, max: 1_200 }), fc.string({ maxLength: 20 })).map(([v, s, r]) => `${v} ${s} ${r}`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map(latin1) },
);
const framing = fc.constantFrom('length', 'wrong-length', 'chunked', 'bad-chunked', 'close');

const raw: fc.Arbitrary<SellerBehaviour> = fc
  .tuple(statusLine, fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }), bodies, framing)
  .map(([line, headers, body, frame]): SellerBehaviour => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
    const head = [line, ...headers.map(([n, v]) => `${n}: ${v}`)];
    let payload: Buffer = bytes;
    if (frame === 'length') head.push(`Content-Length: ${bytes.length}`);
    if (frame === 'wrong-length') head.push(`Content-Length: ${bytes.length + 7}`);
    if (frame === 'chunked' || frame === 'bad-chunked') {
      head.push('Transfer-Encoding: chunked');
      const size = frame === 'chunked' ? bytes.length.toString(16) : 'zz';
      payload = Buffer.concat([Buffer.from(`${size}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')]);
    }
    return { kind: 'raw', bytes: Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), payload]) };
  });

// ---- the property -------------------------------------------------------------------------------

// Seller text in a report is escaped; koomock's own hints may span lines, nothing else.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** One attempt on a fresh transport: a kept-alive socket must not carry one run's leftovers into the next. */
async function attemptAgainst(behaviour: SellerBehaviour, generation: 'v1' | 'v2'): Promise<{ record: AttemptRecord; ms: number }> {
  seller.setHandler(behaviour);
  const transport = createFetchTransport();
  try {
    const started = performance.now();
    const record = await runAttempt({ ...SPECS[generation], url: `${seller.url}/saasproduce` }, depsFor(generation, transport), { attempt: 1 });
    return { record, ms: performance.now() - started };
  } finally {
    await transport.close();
  }
}

function expectUsableRecord(record: AttemptRecord, ms: number): void {
  expect(ms).toBeLessThan(TIMEOUT_MS + 2_000);
  expect(record.checks.length).toBeGreaterThan(0);
  for (const check of record.checks) {
    expect(CHECK_IDS).toContain(check.id);
    for (const text of [check.expected, check.received]) {
      if (text === undefined) continue;
      expect(text.length).toBeLessThan(2_000);
      expect(text).not.toMatch(CONTROL);
    }
    if (check.hint !== undefined) expect(check.hint).not.toMatch(CONTROL_BUT_NEWLINE);
  }
  expect(['success', 'pending', 'failed']).toContain(record.outcome);
  expect(record.outcome === 'failed').toBe(!passesPlatform(record.checks));
  // Reports and the journal serialise these; a hostile answer must not make that throw.
  expect(() => JSON.stringify(toExchange(record))).not.toThrow();
  expect(() => JSON.stringify(record.answer)).not.toThrow();
}

describe('hostile answers never crash an attempt', () => {
  test('well-formed HTTP with any status, Content-Type, Body-Sign and body', async () => {
    await fc.assert(
      fc.asyncProperty(structured, fc.constantFrom('v1', 'v2' as const), async (behaviour, generation) => {
        const { record, ms } = await attemptAgainst(behaviour, generation);
        expectUsableRecord(record, ms);
        // A well-formed exchange always gets an answer (no transport failure).
        expect(record.response).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  test('raw bytes: any status line, header bytes and framing', async () => {
    await fc.assert(
      fc.asyncProperty(raw, fc.constantFrom('v1', 'v2' as const), async (behaviour, generation) => {
        const { record, ms } = await attemptAgainst(behaviour, generation);
        expectUsableRecord(record, ms);
      }),
      { numRuns: RUNS },
    );
  });

  const DEEP_OBJECTS = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  test.for([
    ['100000 unclosed [', `${'['.repeat(100_000)}`, ['body.json']],
    ['100000 balanced [ ]', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, ['body.json']],
    ['100000 nested objects', DEEP_OBJECTS, ['body.json']],
  ] as const)('%s resolves with body.json failed and a serialisable record', async ([, body, failing]) => {
    const { record, ms } = await attemptAgainst({ kind: 'respond', headers: { 'content-type': 'application/json' }, body }, 'v2');
    expectUsableRecord(record, ms);
    expect(record.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(failing);
  });

  test('100000 nested objects with a wrong Body-Sign: the signature diagnosis does not overflow the stack', async () => {
    const headers = { 'content-type': 'application/json', 'body-sign': 'sign_type="HMAC-SHA256", signature="AAAA"' };
    const { record, ms } = await attemptAgainst({ kind: 'respond', headers, body: DEEP_OBJECTS }, 'v2');
    expectUsableRecord(record, ms);
    expect(record.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['body.json', 'response.body-sign']);
  });
});
