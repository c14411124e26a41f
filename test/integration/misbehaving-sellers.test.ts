/**
 * One real misbehaving seller per row (node:http on 127.0.0.1:0), one attempt through the real
 * fetch transport with a 1 s call timeout: each misbehaviour fails exactly one named check, with a
 * `received` that says what happened, and the attempt ends within the timeout + 2 s.
 */
import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { createFetchTransport } from '../../mock-server/adapters/seller/fetch-transport.js';
import { type AttemptRecord, runAttempt } from '../../mock-server/core/produce/attempt.js';
import type { ProduceDeps } from '../../mock-server/core/produce/deps.js';
import { withProfile } from '../../mock-server/core/profile.js';
import { createTestSeller, jsonAnswer, type SellerBehaviour, type TestSeller } from '../support/test-seller.js';
import { createTestClock, createTestRandom, TEST_KEYS } from '../unit/core/produce/support.js';

const TIMEOUT_MS = 1_000;
const GRACE_MS = 2_000;
const MiB = 1024 * 1024;

const transport = createFetchTransport();
afterAll(() => transport.close());

const deps: ProduceDeps = {
  transport,
  clock: createTestClock(Date.now()),
  random: createTestRandom(),
  profile: withProfile({ callTimeoutMs: TIMEOUT_MS }),
  keys: TEST_KEYS,
  schemas: getSchemaRegistry(),
};

const GOOD = { resultCode: '000000', resultMsg: 'success', instanceId: 'inst-1' };
const GOOD_TEXT = JSON.stringify(GOOD);

async function attempt(url: string): Promise<{ record: AttemptRecord; ms: number }> {
  const started = performance.now();
  const record = await runAttempt({ activity: 'newInstance', url, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } }, deps, { attempt: 1 });
  return { record, ms: performance.now() - started };
}

const failedIds = (record: AttemptRecord) => record.checks.filter((c) => !c.ok && c.severity !== 'warn').map((c) => c.id);

interface Row {
  readonly name: string;
  /** What the seller does; a function gets the seller (for its own URL). `refused` closes it first. */
  readonly behaviour: SellerBehaviour | ((seller: TestSeller) => SellerBehaviour) | 'refused';
  readonly check: string;
  readonly received: string | RegExp;
  readonly hint: string;
  /** The attempt must have waited the timeout out (it must not end early either). */
  readonly waits?: boolean;
}

const ROWS: readonly Row[] = [
  { name: 'connection refused', behaviour: 'refused', check: 'transport.reachable', received: /^connection refused \(ECONNREFUSED/, hint: 'start the seller' },
  {
    name: 'connection reset mid-response',
    behaviour: { kind: 'reset-mid-body', partialBody: '{"resultCode":"0' },
    check: 'transport.reset',
    received: /^connection closed after the HTTP 200 headers and \d+ body bytes \(/,
    hint: 'Content-Length',
  },
  { name: 'connection closed before any answer', behaviour: { kind: 'reset' }, check: 'transport.reset', received: /^connection closed before any answer \(/, hint: 'crash' },
  {
    name: 'a body that trickles forever',
    behaviour: { kind: 'trickle', intervalMs: 50 },
    check: 'transport.timeout',
    received: /^HTTP 200 headers and \d+ body bytes arrived, but the body was still not complete after \d+ ms$/,
    hint: 'never ended',
    waits: true,
  },
  {
    name: 'a body that stalls forever',
    behaviour: { kind: 'hang-mid-body' },
    check: 'transport.timeout',
    received: /^HTTP 200 headers and \d+ body bytes arrived, but the body was still not complete/,
    hint: 'never ended',
    waits: true,
  },
  {
    name: 'an answer after the timeout (slow headers)',
    behaviour: jsonAnswer(GOOD, { delayMs: TIMEOUT_MS + 1_500 }),
    check: 'transport.timeout',
    received: /^no status line or headers after \d+ ms$/,
    hint: '000004',
    waits: true,
  },
  { name: 'no answer at all', behaviour: { kind: 'hang' }, check: 'transport.timeout', received: /^no status line or headers after/, hint: 'background', waits: true },
  {
    name: 'a redirect HTTP → HTTPS',
    behaviour: (seller) => ({ kind: 'redirect', status: 301, location: `${seller.url.replace('http:', 'https:')}/saasproduce` }),
    check: 'http.redirect',
    received: /^HTTP 301 to Location "https:\/\/127\.0\.0\.1:\d+\/saasproduce"$/,
    hint: 'HTTP to HTTPS',
  },
  { name: 'a redirect to a login page', behaviour: { kind: 'redirect', status: 302, location: '/login?next=/saasproduce' }, check: 'http.redirect', received: 'HTTP 302 to Location "/login?next=/saasproduce"', hint: 'login' },
  { name: 'HTTP 404', behaviour: jsonAnswer({ error: 'not found' }, { status: 404 }), check: 'http.status', received: '404, body "{"error":"not found"}"', hint: 'No route' },
  {
    name: 'HTTP 503 with an HTML page',
    behaviour: { kind: 'respond', status: 503, headers: { 'content-type': 'text/html' }, body: '<html><body>upstream connect error</body></html>' },
    check: 'http.status',
    received: '503, body "<html><body>upstream connect error</body></html>"',
    hint: 'see its logs',
  },
  { name: 'a body over 1 MiB', behaviour: { kind: 'huge', bytes: 64 * MiB }, check: 'body.size', received: 'more than 1048576 bytes (no Content-Length); koomock stopped reading there', hint: 'small JSON objects' },
  {
    name: 'a body over 1 MiB with a Content-Length',
    behaviour: { kind: 'respond', headers: { 'content-type': 'application/json', 'content-length': String(2 * MiB + 10) }, body: `{"pad":"${'x'.repeat(2 * MiB)}"}` },
    check: 'body.size',
    received: `more than 1048576 bytes (Content-Length: ${2 * MiB + 10}); koomock stopped reading there`,
    hint: 'small JSON objects',
  },
  { name: 'invalid JSON', behaviour: jsonAnswer('{"resultCode":"000000",'), check: 'body.json', received: /^not JSON \(.+\): \{"resultCode":"000000",$/, hint: 'JSON library' },
  { name: 'GBK bytes', behaviour: { kind: 'respond', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0x22, 0xc4, 0xe3, 0x22, 0x7d]) }, check: 'body.json', received: 'bytes that are not valid UTF-8', hint: 'UTF-8' },
  { name: 'JSON nested 100000 deep', behaviour: jsonAnswer(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), check: 'body.json', received: 'JSON nested 100000 levels deep (koomock reads at most 64)', hint: 'flat objects' },
  { name: 'an empty array', behaviour: jsonAnswer('[]'), check: 'body.object', received: 'a JSON array of 0 item(s): []', hint: 'not an array' },
  { name: 'a JSON string', behaviour: jsonAnswer('"ok"'), check: 'body.object', received: 'a JSON string: "ok"', hint: 'JSON object with resultCode' },
  { name: 'a JSON number', behaviour: jsonAnswer('42'), check: 'body.object', received: 'a JSON number: 42', hint: 'JSON object with resultCode' },
  { name: 'an answer serialised twice', behaviour: jsonAnswer(JSON.stringify(GOOD_TEXT)), check: 'body.object', received: /^a JSON string: /, hint: 'serialised twice' },
  {
    name: 'text/html with a JSON body',
    behaviour: { kind: 'respond', headers: { 'content-type': 'text/html;charset=UTF-8' }, body: GOOD_TEXT },
    check: 'http.content-type',
    received: '"text/html;charset=UTF-8"',
    hint: 'application/json',
  },
  { name: 'resultCode as the number 0', behaviour: jsonAnswer({ ...GOOD, resultCode: 0 }), check: 'response.schema', received: '/resultCode: type (must be string)', hint: 'JSON string of six digits' },
  {
    name: 'an invalid header byte (not HTTP/1.1)',
    behaviour: { kind: 'raw', bytes: `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Trace: a\u0001b\r\nContent-Length: ${GOOD_TEXT.length}\r\n\r\n${GOOD_TEXT}` },
    check: 'http.protocol',
    received: /^not HTTP\/1\.1: .*Invalid header value char/,
    hint: 'control characters',
  },
];

describe('a misbehaving seller fails exactly one named check, in time', () => {
  test.for(ROWS)('$name → $check', async (row) => {
    const seller = await createTestSeller();
    try {
      if (row.behaviour === 'refused') await seller.close();
      else seller.setHandler(typeof row.behaviour === 'function' ? row.behaviour(seller) : row.behaviour);
      const { record, ms } = await attempt(`${seller.url}/saasproduce`);
      expect(failedIds(record)).toEqual([row.check]);
      const failing = record.checks.find((c) => !c.ok);
      if (typeof row.received === 'string') expect(failing?.received).toBe(row.received);
      else expect(failing?.received).toMatch(row.received);
      expect(failing?.hint).toContain(row.hint);
      expect(record.outcome).toBe('failed');
      expect(ms).toBeLessThan(TIMEOUT_MS + GRACE_MS);
      if (row.waits === true) expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      if (row.behaviour !== 'refused' && row.name.startsWith('a redirect')) expect(seller.requests).toHaveLength(1);
    } finally {
      if (row.behaviour !== 'refused') await seller.close();
    }
  });

  // V2 answers are unsigned on the platform: a wrong Body-Sign is reported, with its diagnosis, as a warning only.
  test('a V2 Body-Sign in hex instead of Base64 → response.body-sign warning, the attempt succeeds', async () => {
    const seller = await createTestSeller(
      jsonAnswer(GOOD_TEXT, { headers: { 'body-sign': `sign_type="HMAC-SHA256", signature="${createHmac('sha256', TEST_KEYS.basic).update(GOOD_TEXT).digest('hex')}"` } }),
    );
    try {
      const { record } = await attempt(`${seller.url}/saasproduce`);
      expect(failedIds(record)).toEqual([]);
      const warning = record.checks.find((c) => c.id === 'response.body-sign');
      expect(warning).toMatchObject({ ok: false, severity: 'warn', received: expect.stringMatching(/^mismatch: /) });
      expect(warning?.hint).toContain('hex');
      expect(record.outcome).toBe('success');
    } finally {
      await seller.close();
    }
  });

  test('a well-behaved seller on the same setup passes every check (the rows above can fail)', async () => {
    const seller = await createTestSeller(jsonAnswer(GOOD));
    try {
      const { record } = await attempt(`${seller.url}/saasproduce`);
      expect(failedIds(record)).toEqual([]);
      expect(record.outcome).toBe('success');
    } finally {
      await seller.close();
    }
  });

  test('stops reading a 64 MiB body after 1 MiB instead of draining it', async () => {
    const seller = await createTestSeller({ kind: 'huge', bytes: 64 * MiB });
    try {
      await attempt(`${seller.url}/saasproduce`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // What the seller could still push into socket buffers after koomock hung up, no more.
      expect(seller.bytesWritten()).toBeLessThan(16 * MiB);
    } finally {
      await seller.close();
    }
  });
});
