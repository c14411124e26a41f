/**
 * Fuzz over every admin endpoint (bounded): random methods, path parameters, queries and JSON
 * bodies built from the fields each endpoint knows, against the memory and the SQLite store. No
 * input reaches a 500: every answer is 2xx, or 4xx with `{"error": {"code", "message"}}`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../mock-server/emulator.js';
import { startEmulator } from './support.js';

const ENDPOINTS: readonly (readonly [string, string])[] = [
  ['GET', '/health'],
  ['POST', '/orders'],
  ['GET', '/orders'],
  ['GET', '/orders/{id}'],
  ['GET', '/instances'],
  ['GET', '/usage'],
  ['GET', '/files'],
  ['GET', '/files/{id}/content'],
  ['GET', '/exchanges'],
  ['GET', '/exchanges/{id}'],
  ['POST', '/exchanges/{id}/replay'],
  ['POST', '/reset'],
  ['GET', '/clock'],
  ['POST', '/clock/advance'],
  ['GET', '/faults'],
  ['POST', '/faults'],
  ['DELETE', '/faults'],
  ['PUT', '/faults/scope'],
  ['DELETE', '/faults/{id}'],
  ['POST', '/send'],
  ['GET', '/runner/info'],
  ['GET', '/kit/failed'],
  ['PUT', '/runner/orders/{id}'],
  ['PUT', '/runner/instances/{id}'],
  ['POST', '/runner/exchanges'],
];

/** Field names the endpoints read, so bodies reach past "unknown field". */
const FIELDS = [
  'productId', 'chargingMode', 'periodType', 'periodNumber', 'linearValue', 'orderType', 'extendParams', 'scope', 'ms', 'duration',
  'operation', 'action', 'status', 'times', 'host', 'delayMs', 'body', 'activity', 'fields', 'set', 'sign', 'order', 'instance', 'retry',
  'debug', 'sellerUrl', 'orderInfo', 'orderId', 'orderLine', 'sellerId', 'instanceId', 'idempotencyKey', 'state', 'history', 'direction',
  'request', 'response', 'startedAt', 'durationMs', 'verdicts', 'scenario', 'step', '__proto__', 'constructor',
];
const TEXT = fc.oneof(
  fc.constantFrom('', 'ON_DEMAND', 'PERIOD', 'month', 'state', 'all', 'order.query', 'status', '3h', 'newInstance', 'queryInstance', 'outbound', 'MOCKPERIODYEARNEW', 'http://127.0.0.1:9/p', '%ZZ', '\u0000', '😀'),
  fc.string({ maxLength: 20 }),
);
const SCALAR = fc.oneof(TEXT, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(1e300, -1, 0, Number.MAX_SAFE_INTEGER + 2));
const VALUE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, SCALAR, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 4 })),
})).value;
const BODY = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), VALUE, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  VALUE.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('', '{', '[]', 'null', '{"scope":', `{"a":${'['.repeat(100)}${']'.repeat(100)}}`),
);
const PARAM = fc.oneof(fc.constantFrom('1', '0', '-1', '99999999999999999999', 'MOCKPERIODYEARNEW', '%ZZ', '%00', 'a%2Fb', '..'), fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/));
const QUERY = fc.array(fc.tuple(fc.constantFrom('status', 'orderId', 'instanceId', 'eventId', 'direction', 'operation', 'afterId', 'limit'), fc.oneof(TEXT, fc.constantFrom('1', '0', '1001', 'inbound'))), { maxLength: 3 });

const REQUEST = fc.record({ endpoint: fc.constantFrom(...ENDPOINTS), param: PARAM, query: QUERY, body: BODY, repeatQuery: fc.boolean() });

describe('fuzz: every admin endpoint answers 2xx or a documented 4xx, never 500', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-admin-fuzz-'));
  const emulators: Emulator[] = [];
  beforeAll(async () => {
    emulators.push(await startEmulator(), await startEmulator({ store: 'sqlite', dbPath: join(dir, 'state.db') }));
  });
  afterAll(async () => {
    for (const e of emulators) await e.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.for(['memory', 'sqlite'])('%s store', { timeout: 120_000 }, async (kind) => {
    const emulator = emulators[kind === 'memory' ? 0 : 1] as Emulator;
    await fc.assert(
      fc.asyncProperty(REQUEST, async ({ endpoint: [method, template], param, query, body, repeatQuery }) => {
        const params = new URLSearchParams(query);
        if (repeatQuery && query[0] !== undefined) params.append(query[0][0], 'again');
        const path = template.replace('{id}', param);
        const url = `${emulator.url}/_koomock${path}${params.size === 0 ? '' : `?${params}`}`;
        const hasBody = method !== 'GET';
        const res = await fetch(url, { method, ...(hasBody ? { headers: { 'content-type': 'application/json' }, body } : {}) });
        const text = await res.text();
        const where = `${method} ${path}?${params} ${body.slice(0, 200)} -> ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) expect(JSON.parse(text), where).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      }),
      { numRuns: 400, plugins: [fc.interruptAfterTimeLimit(90_000)] },
    );
  });
});
