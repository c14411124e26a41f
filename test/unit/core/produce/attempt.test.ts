import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { runAttempt } from '../../../../mock-server/core/produce/attempt.js';
import type { ProduceDeps } from '../../../../mock-server/core/produce/deps.js';
import type { ProduceExchange, TransportResult } from '../../../../mock-server/core/ports.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { computeBodySign, toBodySignHeader } from '../../../../mock-server/core/signing/body-sign/body-sign.js';
import { createScriptedTransport, createTestClock, createTestRandom, jsonResult, SELLER_URL, TEST_KEYS } from './support.js';

const schemas = getSchemaRegistry();
const newInstance = { activity: 'newInstance', url: SELLER_URL, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } };

function deps(answer: TransportResult, profile: Parameters<typeof withProfile>[0] = {}) {
  const exchanges: ProduceExchange[] = [];
  const transport = createScriptedTransport(() => answer);
  const d: ProduceDeps = {
    transport,
    clock: createTestClock(),
    random: createTestRandom(),
    profile: withProfile(profile),
    keys: TEST_KEYS,
    schemas,
    sink: { record: (e) => void exchanges.push(e) },
  };
  return { d, exchanges, transport };
}

const ids = (checks: readonly { id: string; ok: boolean }[]) => checks.map((c) => `${c.ok ? '✔' : '✗'} ${c.id}`);

describe('one attempt', () => {
  test('a good answer is a success with every check passed, in reading order', async () => {
    const { d } = deps(jsonResult({ resultCode: '000000', resultMsg: 'success', instanceId: 'i1' }));
    const record = await runAttempt(newInstance, d, { attempt: 1 });
    expect(record.outcome).toBe('success');
    expect(record.instanceId).toBe('i1');
    expect(ids(record.checks)).toEqual([
      '✔ transport.reachable',
      '✔ transport.timeout',
      '✔ http.status',
      '✔ http.content-type',
      '✔ body.size',
      '✔ body.json',
      '✔ body.object',
      '✔ response.schema',
      '✔ result.code',
      '✔ response.body-sign',
    ]);
  });

  test('000004 with an instanceId from newInstance is pending', async () => {
    const { d } = deps(jsonResult({ resultCode: '000004', resultMsg: 'in progress', instanceId: 'i1' }));
    expect((await runAttempt(newInstance, d, { attempt: 1 })).outcome).toBe('pending');
  });

  test.for([
    ['HTTP 500', jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i' }, { status: 500 }), '✗ http.status'],
    ['text/html', jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i' }, { headers: { 'content-type': 'text/html' } }), '✗ http.content-type'],
    ['resultCode 000005', jsonResult({ resultCode: '000005', resultMsg: 'boom' }), '✗ result.code'],
    ['no instanceId', jsonResult({ resultCode: '000000', resultMsg: 'ok' }), '✗ response.schema'],
    ['a refused connection', { kind: 'error', error: 'refused', message: 'ECONNREFUSED', durationMs: 1 } as TransportResult, '✗ transport.reachable'],
    ['a timeout', { kind: 'error', error: 'timeout', message: 'timeout', durationMs: 20_000 } as TransportResult, '✗ transport.timeout'],
    ['a reset', { kind: 'error', error: 'reset', message: 'ECONNRESET', durationMs: 1 } as TransportResult, '✗ transport.reset'],
    ['an answer that is not HTTP', { kind: 'error', error: 'protocol', message: 'Invalid header token', durationMs: 1 } as TransportResult, '✗ http.protocol'],
    ['a redirect', jsonResult('moved', { status: 302, headers: { location: '/elsewhere', 'content-type': 'text/plain' } }), '✗ http.redirect'],
    ['HTTP 500 with an HTML page', jsonResult('<html>oops</html>', { status: 500, headers: { 'content-type': 'text/html' } }), '✗ http.status'],
    ['a body cut off at the cap', { ...jsonResult('{"resultCode":"0000'), truncated: true } as TransportResult, '✗ body.size'],
    ['an array', jsonResult([]), '✗ body.object'],
    ['resultCode as a number', jsonResult({ resultCode: 0, resultMsg: 'ok', instanceId: 'i' }), '✗ response.schema'],
    ['a missing resultCode', jsonResult({ resultMsg: 'ok', instanceId: 'i' }), '✗ response.schema'],
  ] as const)('%s fails the attempt on that one check', async ([, answer, failing]) => {
    const { d } = deps(answer);
    const record = await runAttempt(newInstance, d, { attempt: 1 });
    expect(record.outcome).toBe('failed');
    expect(ids(record.checks).filter((c) => c.startsWith('✗'))).toEqual([failing]);
  });

  test('a wrong Body-Sign on a V2 answer is a warning (V2 answers are unsigned); under bodySign=strict it fails', async () => {
    const signed = jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i' }, { headers: { 'body-sign': 'sign_type="HMAC-SHA256", signature="AAAA"' } });
    const lenient = await runAttempt(newInstance, deps(signed).d, { attempt: 1 });
    expect(lenient.outcome).toBe('success');
    expect(lenient.checks.find((c) => c.id === 'response.body-sign')).toMatchObject({ ok: false, severity: 'warn' });
    const strict = await runAttempt(newInstance, deps(signed, { bodySign: 'strict' }).d, { attempt: 1 });
    expect(strict.outcome).toBe('failed');
    expect(strict.checks.find((c) => c.id === 'response.body-sign')).toMatchObject({ ok: false });
    expect(strict.checks.find((c) => c.id === 'response.body-sign')?.severity).toBeUndefined();
  });

  test('a changed instanceId is reported but does not fail the call for the marketplace', async () => {
    const { d } = deps(jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i2' }));
    const record = await runAttempt(newInstance, d, { attempt: 2, idempotency: { key: 'orderId CS1 + orderLineId CS1-000001', previous: 'i1' } });
    expect(ids(record.checks)).toContain('✗ instance.idempotent');
    expect(record.outcome).toBe('success');
  });

  test('a V1 answer needs a valid Body-Sign and decryptable appInfo', async () => {
    const body = JSON.stringify({
      resultCode: '000000',
      instanceId: 'i1',
      encryptType: '1',
      appInfo: { frontEndUrl: 'https://app.example', password: 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==' },
    });
    const header = toBodySignHeader(computeBodySign({ key: TEST_KEYS.v1 as string, body }));
    const { d, transport } = deps(jsonResult(body, { headers: { 'body-sign': header } }), { generation: 'v1' });
    const record = await runAttempt({ ...newInstance, fields: { customerId: 'c', orderId: 'CS1', productId: 'P1' } }, d, { attempt: 1 });
    expect(transport.requests[0]?.method).toBe('GET');
    expect(ids(record.checks)).toEqual(expect.arrayContaining(['✔ response.body-sign', '✔ response.appinfo', '✔ response.schema']));
    expect(record.outcome).toBe('success');
  });

  test('the journal gets the exchange with the signature and never a key', async () => {
    const { d, exchanges } = deps(jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i1' }));
    const record = await runAttempt({ activity: 'orderNotify', url: SELLER_URL, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } }, d, { attempt: 1 });
    expect(exchanges).toHaveLength(1);
    const text = JSON.stringify(exchanges[0]);
    expect(text).toContain(record.signing.signature);
    for (const key of Object.values(TEST_KEYS)) expect(text).not.toContain(key);
    expect(exchanges[0]).toMatchObject({ activity: 'orderNotify', attempt: 1, at: 0, wallAt: 1_680_508_066_618, outcome: 'success' });
  });

  test('a long answer body is capped in the record', async () => {
    const { d } = deps(jsonResult(`{"resultCode":"000000","instanceId":"i","pad":"${'x'.repeat(100_000)}"}`));
    const record = await runAttempt(newInstance, d, { attempt: 1 });
    expect(record.response?.body.length).toBeLessThan(17_000);
  });

  test('a missing key fails before anything is sent', async () => {
    const { d, transport } = deps(jsonResult({ resultCode: '000000', resultMsg: 'ok' }));
    await expect(runAttempt({ activity: 'orderNotify', url: SELLER_URL, fields: { orderId: 'a', orderLineId: 'b' } }, { ...d, keys: { basic: 'k' } }, { attempt: 1 })).rejects.toMatchObject({
      code: 'KEY_MISSING',
    });
    expect(transport.requests).toHaveLength(0);
  });
});
