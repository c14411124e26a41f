import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import type { ProduceDeps } from '../../../../mock-server/core/produce/deps.js';
import type { TransportRequest, TransportResult } from '../../../../mock-server/core/ports.js';
import { runProduceCall } from '../../../../mock-server/core/produce/retry.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { createScriptedTransport, createTestClock, createTestRandom, jsonResult, SELLER_URL, TEST_KEYS } from './support.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const schemas = getSchemaRegistry();
const newInstance = { activity: 'newInstance', url: SELLER_URL, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } };
const failure = jsonResult({ resultCode: '000005', resultMsg: 'internal error' });

function deps(answer: (req: TransportRequest, index: number) => TransportResult, profile: Parameters<typeof withProfile>[0] = {}) {
  const clock = createTestClock();
  const transport = createScriptedTransport(answer);
  const d: ProduceDeps = { transport, clock, random: createTestRandom(), profile: withProfile(profile), keys: TEST_KEYS, schemas };
  return { d, clock, transport };
}

const bodyOf = (req: TransportRequest | undefined) => JSON.parse(req?.body ?? '{}') as Record<string, string>;
const activityOf = (req: TransportRequest) => bodyOf(req).activity;

describe('retry engine', () => {
  test('a seller that always fails newInstance gets 61 attempts over 3 virtual hours, then the order fails', async () => {
    const { d, clock } = deps(() => failure);
    const wallStart = performance.now();
    const outcome = await runProduceCall(newInstance, d);
    expect(performance.now() - wallStart).toBeLessThan(1_000);
    expect(outcome.attempts).toHaveLength(61);
    expect(outcome.attempts.map((a) => a.at)).toEqual(Array.from({ length: 61 }, (_, i) => i * 3 * MIN));
    expect(clock.now()).toBe(3 * HOUR);
    expect(outcome.final).toBe('order-failed');
    expect(outcome.orderFailure).toMatchObject({ orderId: 'CS1', orderLineId: 'CS1-000001', orderState: 'FAILED', autoUnsubscribed: true, refund: true, at: 3 * HOUR });
    expect(outcome.orderFailure?.reason).toContain('result.code: expected "000000"');
  });

  test('a seller that fails twice then succeeds gets 3 attempts, each with a new businessId and nonce', async () => {
    const { d, transport } = deps((_, i) => (i < 2 ? failure : jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i1' })));
    const outcome = await runProduceCall(newInstance, d);
    expect(outcome).toMatchObject({ final: 'success', instanceId: 'i1', startedAt: 0, endedAt: 6 * MIN });
    // Then the marketplace's queryInstance for the new instance.
    expect(outcome.attempts.map((a) => `${a.activity}#${a.attempt}`)).toEqual(['newInstance#1', 'newInstance#2', 'newInstance#3', 'queryInstance#1']);
    const sent = transport.requests.filter((r) => activityOf(r) === 'newInstance').map((r) => ({ businessId: bodyOf(r).businessId, nonce: new URL(r.url).searchParams.get('nonce') }));
    expect(new Set(sent.map((s) => s.businessId)).size).toBe(3);
    expect(new Set(sent.map((s) => s.nonce)).size).toBe(3);
    expect(outcome.attempts.filter((a) => a.activity === 'newInstance').map((a) => a.businessId)).toEqual(sent.map((s) => s.businessId));
  });

  test('timestamps follow the wall clock, not the virtual clock', async () => {
    const { d, clock, transport } = deps((_, i) => {
      clock.setWall(1_700_000_000_000 + i);
      return failure;
    }, { retryWindowMs: { releaseInstance: 6 * MIN } });
    await runProduceCall({ activity: 'releaseInstance', url: SELLER_URL, fields: { instanceId: 'i1' } }, d);
    expect(transport.requests.map((r) => new URL(r.url).searchParams.get('timestamp'))).toEqual(['1680508066618', '1700000000000', '1700000000001']);
  });

  test.for([
    ['releaseInstance', { instanceId: 'i1' }, 21],
    ['orderNotify', { orderId: 'CS1', orderLineId: 'CS1-000001' }, 61],
    ['tenantSync', { instanceId: 'i', tenantId: 't', tenantCode: 'c', name: 'n', domainName: 'https://t.example', flag: 1 }, 1],
  ] as const)('%s that never succeeds becomes a production interface message after %i attempt(s)', async ([activity, fields, attempts]) => {
    const { d } = deps(() => failure);
    const outcome = await runProduceCall({ activity, url: SELLER_URL, fields }, d);
    expect(outcome.attempts).toHaveLength(attempts);
    expect(outcome.final).toBe('production-interface-message');
    expect(outcome.interfaceMessage).toMatchObject({ kind: 'production-interface-message', activity, attempts });
  });

  test('upgradeInstance that never succeeds fails the upgrade order', async () => {
    const { d } = deps(() => failure, { retryWindowMs: { upgradeInstance: 9 * MIN } });
    const outcome = await runProduceCall({ activity: 'upgradeInstance', url: SELLER_URL, fields: { instanceId: 'i1', orderId: 'CS2', orderLineId: 'CS2-000001' } }, d);
    expect(outcome.attempts).toHaveLength(4);
    expect(outcome.orderFailure).toMatchObject({ orderId: 'CS2', orderState: 'FAILED' });
  });

  test('000004 switches to polling queryInstance until info[] lists that instance', async () => {
    const appInfo = { frontEndUrl: 'https://app.example', userName: 'admin' };
    const { d, transport } = deps((req) => {
      if (activityOf(req) === 'newInstance') return jsonResult({ resultCode: '000004', resultMsg: 'provisioning', instanceId: 'i9' });
      const polls = transport.requests.filter((r) => activityOf(r) === 'queryInstance').length;
      if (polls < 3) return jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [{ instanceId: 'other', appInfo }] });
      return jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [{ instanceId: 'other', appInfo }, { instanceId: 'i9', appInfo }] });
    });
    const outcome = await runProduceCall(newInstance, d);
    expect(outcome).toMatchObject({ final: 'success', instanceId: 'i9', appInfo, endedAt: 30_000 });
    expect(outcome.attempts.at(-1)?.checks.filter((c) => !c.ok)).toEqual([]);
    expect(outcome.attempts.map((a) => `${a.activity}@${a.at}`)).toEqual(['newInstance@0', 'queryInstance@10000', 'queryInstance@20000', 'queryInstance@30000']);
    expect(bodyOf(transport.requests[1])).toMatchObject({ activity: 'queryInstance', instanceId: 'i9' });
  });

  test('polling that never gets appInfo fails the order when the poll window ends', async () => {
    const { d } = deps((req) => (activityOf(req) === 'newInstance' ? jsonResult({ resultCode: '000004', resultMsg: 'ok', instanceId: 'i9' }) : jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [] })), {
      pollIntervalMs: MIN,
      pollWindowMs: 5 * MIN,
    });
    const outcome = await runProduceCall(newInstance, d);
    expect(outcome.attempts).toHaveLength(6);
    expect(outcome.final).toBe('order-failed');
    expect(outcome.orderFailure?.reason).toContain('queryInstance did not list instanceId "i9" in info[]');
  });

  test('dropAnswers: the first answer arrives, is dropped (market.timeout), and the retry must return the instance it created', async () => {
    const { d, transport } = deps((req) =>
      activityOf(req) === 'newInstance'
        ? jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i-first' })
        : jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [{ instanceId: 'i-first', appInfo: { frontEndUrl: 'https://app.example' } }] }),
    );
    const outcome = await runProduceCall(newInstance, d, { dropAnswers: 1 });
    expect(outcome).toMatchObject({ final: 'success', instanceId: 'i-first' });
    expect(outcome.attempts.map((a) => `${a.activity}@${a.at}:${a.outcome}`)).toEqual(['newInstance@0:failed', `newInstance@${3 * MIN}:success`, `queryInstance@${3 * MIN}:success`]);
    expect(outcome.attempts[0]?.checks.find((c) => c.id === 'market.timeout')).toMatchObject({ ok: true });
    expect(outcome.attempts[1]?.checks.find((c) => c.id === 'instance.idempotent')).toMatchObject({ ok: true });
    expect(new Set(transport.requests.slice(0, 2).map((r) => bodyOf(r).businessId)).size).toBe(2);
  });

  test('dropAnswers: a retry that returns another instance than the dropped attempt created fails instance.idempotent', async () => {
    const { d } = deps((req, i) =>
      activityOf(req) === 'newInstance' ? jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: `i-${i}` }) : jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [] }),
    );
    const outcome = await runProduceCall(newInstance, d, { dropAnswers: 1 });
    expect(outcome.attempts[1]?.checks.find((c) => c.id === 'instance.idempotent')).toMatchObject({ ok: false });
  });

  test('changeInstanceCheck answered 000002 is a refusal: one attempt, outcome refused, result.code passes', async () => {
    const { d, transport } = deps(() => jsonResult({ resultCode: '000002', resultMsg: 'too many users' }));
    const outcome = await runProduceCall(
      { activity: 'changeInstanceCheck', url: SELLER_URL, fields: { instanceId: 'i1', productInfo: { productId: 'p', skuCode: 's', productName: 'n', linearValue: 5 } } },
      d,
    );
    expect(outcome.final).toBe('refused');
    expect(transport.requests).toHaveLength(1);
    expect(outcome.attempts[0]?.checks.find((c) => c.id === 'result.code')).toMatchObject({ ok: true });
  });

  test('polling ends when info[] lists the instance without appInfo: accepted, poll.appinfo warns', async () => {
    const { d } = deps((req) =>
      activityOf(req) === 'newInstance'
        ? jsonResult({ resultCode: '000004', resultMsg: 'provisioning', instanceId: 'i9' })
        : jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [{ instanceId: 'i9' }] }),
    );
    const outcome = await runProduceCall(newInstance, d);
    expect(outcome).toMatchObject({ final: 'success', instanceId: 'i9' });
    expect(outcome.appInfo).toBeUndefined();
    expect(outcome.attempts).toHaveLength(2);
    expect(outcome.attempts[1]?.checks.find((c) => c.id === 'poll.appinfo')).toMatchObject({ ok: false, severity: 'warn' });
  });

  test('a newInstance 000000 is followed by the queryInstance the marketplace sends; it must list the instance', async () => {
    const { d, transport } = deps((req) =>
      activityOf(req) === 'newInstance' ? jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i7' }) : jsonResult({ resultCode: '000000', resultMsg: 'ok', info: [] }),
    );
    const outcome = await runProduceCall(newInstance, d);
    expect(outcome.final).toBe('success');
    expect(transport.requests.map(activityOf)).toEqual(['newInstance', 'queryInstance']);
    expect(bodyOf(transport.requests[1])).toMatchObject({ activity: 'queryInstance', instanceId: 'i7' });
    expect(outcome.attempts[1]?.checks.find((c) => c.id === 'response.instances')).toMatchObject({ ok: false, received: 'missing: i7' });
  });

  test('a retried newInstance that returns another instanceId fails instance.idempotent', async () => {
    const { d } = deps((_, i) =>
      i === 0 ? jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'first' }, { headers: { 'content-type': 'text/plain' } }) : jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'second' }),
    );
    const outcome = await runProduceCall(newInstance, d);
    const check = outcome.attempts[1]?.checks.find((c) => c.id === 'instance.idempotent');
    expect(check).toMatchObject({ ok: false, expected: 'instanceId "first" again for orderId CS1 + orderLineId CS1-000001', received: '"second"' });
  });

  test('a previous instanceId given by the caller is an idempotency probe', async () => {
    const { d } = deps(() => jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'new' }));
    const outcome = await runProduceCall(newInstance, d, { previousInstanceId: 'old' });
    expect(outcome.attempts[0]?.checks.find((c) => c.id === 'instance.idempotent')?.ok).toBe(false);
  });

  test('a zero retry interval with a window is a configuration error', async () => {
    const { d } = deps(() => failure, { retryIntervalMs: 0 });
    await expect(runProduceCall(newInstance, d)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('bounded wall time: identical transport failures stop the retries early', () => {
  const fail = (error: 'timeout' | 'refused' | 'reset' | 'dns'): TransportResult => ({ kind: 'error', error, message: error, durationMs: 20_000 });

  test.for(['timeout', 'refused', 'reset'] as const)('3 attempts in a row %s: the call stops, the clock moves to the end of the 3 h, the rest is reported', async (kind) => {
    const { d, clock, transport } = deps(() => fail(kind));
    const outcome = await runProduceCall(newInstance, d);
    expect(transport.requests).toHaveLength(3);
    expect(outcome.attempts.map((a) => a.at)).toEqual([0, 3 * MIN, 6 * MIN]);
    expect(clock.now()).toBe(3 * HOUR);
    expect(outcome.final).toBe('order-failed');
    expect(outcome.orderFailure?.at).toBe(3 * HOUR);
    expect(outcome.orderFailure?.reason).toMatch(/^no attempt succeeded: 3 attempts in a row .*transportGiveUpAfter=3.* every 3 min for 3 h, 58 more attempt\(s\)/);
    expect(outcome.attempts.every((a) => a.checks.some((c) => !c.ok && c.id.startsWith('transport.')))).toBe(true);
  });

  test('different failures in a row (timeout, refused, timeout, ...) do not stop the retries', async () => {
    const { d } = deps((_, i) => fail(i % 2 === 0 ? 'timeout' : 'refused'));
    expect((await runProduceCall(newInstance, d)).attempts).toHaveLength(61);
  });

  test('a DNS failure or an answer in between restarts nothing early', async () => {
    const { d } = deps((_, i) => (i % 3 === 2 ? failure : fail('timeout')));
    expect((await runProduceCall(newInstance, d)).attempts).toHaveLength(61);
    const dns = deps(() => fail('dns'));
    expect((await runProduceCall(newInstance, dns.d)).attempts).toHaveLength(61);
  });

  test('transportGiveUpAfter 0 retries as long as the platform does', async () => {
    const { d } = deps(() => fail('timeout'), { transportGiveUpAfter: 0 });
    expect((await runProduceCall(newInstance, d)).attempts).toHaveLength(61);
  });

  test('a seller that recovers after 2 timeouts still succeeds', async () => {
    const { d } = deps((_, i) => (i < 2 ? fail('timeout') : jsonResult({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i1' })));
    expect(await runProduceCall(newInstance, d)).toMatchObject({ final: 'success', instanceId: 'i1' });
  });

  test('queryInstance polls after 000004 stop the same way', async () => {
    const { d, clock, transport } = deps((_, i) => (i === 0 ? jsonResult({ resultCode: '000004', resultMsg: 'ok', instanceId: 'i1' }) : fail('timeout')));
    const outcome = await runProduceCall(newInstance, d);
    expect(transport.requests).toHaveLength(4);
    expect(outcome.final).toBe('order-failed');
    expect(clock.now()).toBe(3 * HOUR);
    expect(outcome.orderFailure?.reason).toContain('the platform would have polled every 10 s for 3 h, 1077 more attempt(s)');
  });
});
