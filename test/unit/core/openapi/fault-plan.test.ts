import { describe, expect, test } from 'vitest';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import type { ApiRequest } from '../../../../mock-server/core/http-types.js';
import { createFaultPlan, type FaultPlan } from '../../../../mock-server/core/openapi/fault-plan.js';
import type { FaultOutcome } from '../../../../mock-server/core/openapi/faults.js';
import { createSeqRandom } from '../../../support/seq-random.js';
import { APIG_ERROR, createHarness, expectSchema, lastExchange, signRequest } from './harness.js';

const PRIMARY = 'mkt.myhuaweicloud.com';
const FALLBACK = 'mkt.myhuaweicloud.cn';
const ORDER_PATH = '/api/mkp-openapi-public/global/v1/order/query';

/** A plan whose sleeps are recorded, not waited. */
function createTestPlan(): { plan: FaultPlan; slept: number[] } {
  const slept: number[] = [];
  const plan = createFaultPlan({
    random: createSeqRandom(),
    sleep: async (ms) => void slept.push(ms),
    hostNames: [PRIMARY, FALLBACK],
  });
  return { plan, slept };
}

const request = (host?: string): ApiRequest => ({ method: 'GET', path: ORDER_PATH, query: '', headers: {}, rawBody: new Uint8Array(), ...(host === undefined ? {} : { host }) });

const outcome = async (plan: FaultPlan, routeId: string, host?: string): Promise<FaultOutcome> => plan.before(routeId, request(host));

describe('matching', () => {
  test('changes nothing without rules', async () => {
    const { plan } = createTestPlan();
    expect(await outcome(plan, 'order.query')).toEqual({ kind: 'none' });
  });

  test.for([
    { name: 'the named operation', operation: 'order.query', routeId: 'order.query', fires: true },
    { name: 'another operation', operation: 'usage.push', routeId: 'order.query', fires: false },
    { name: 'every operation (*)', operation: '*', routeId: 'file.upload', fires: true },
  ])('a rule for $name fires: $fires', async ({ operation, routeId, fires }) => {
    const { plan } = createTestPlan();
    plan.add({ operation, action: { kind: 'reset' } });
    expect((await outcome(plan, routeId)).kind).toBe(fires ? 'reset' : 'none');
  });

  test.for([
    { name: 'a request addressed to that host', ruleHost: FALLBACK, requestHost: FALLBACK, fires: true },
    { name: 'a request addressed to the other host', ruleHost: FALLBACK, requestHost: PRIMARY, fires: false },
    { name: 'a request to 127.0.0.1 (the main port stands for the primary host)', ruleHost: PRIMARY, requestHost: '127.0.0.1', fires: true },
    { name: 'a request without a Host (the primary host)', ruleHost: PRIMARY, requestHost: undefined, fires: true },
  ])('a rule for one host fires for $name: $fires', async ({ ruleHost, requestHost, fires }) => {
    const { plan } = createTestPlan();
    plan.add({ operation: '*', host: ruleHost, action: { kind: 'reset' } });
    expect((await outcome(plan, 'order.query', requestHost)).kind).toBe(fires ? 'reset' : 'none');
  });

  test('host names match case-insensitively', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: '*', host: 'MKT.myhuaweicloud.CN', action: { kind: 'reset' } });
    expect((await outcome(plan, 'order.query', FALLBACK)).kind).toBe('reset');
  });
});

describe('times and counting', () => {
  test('a rule with times: 2 fires twice, then expires but stays listed with its count', async () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'twice', operation: 'order.query', times: 2, action: { kind: 'error', code: 'MKT.0999' } });
    const kinds = [];
    for (let i = 0; i < 3; i += 1) kinds.push((await outcome(plan, 'order.query')).kind);
    expect(kinds).toEqual(['respond', 'respond', 'none']);
    expect(plan.list()).toMatchObject([{ id: 'twice', fired: 2, active: false, times: 2 }]);
  });

  test('counts every firing of a rule without times', async () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'always', operation: '*', action: { kind: 'reset' } });
    for (let i = 0; i < 4; i += 1) await outcome(plan, 'usage.push');
    expect(plan.list()[0]).toMatchObject({ fired: 4, active: true });
  });

  test('concurrent requests cannot both use the last firing of a rule', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: 'order.query', times: 1, action: { kind: 'latency', ms: 50 } });
    plan.add({ operation: 'order.query', times: 1, action: { kind: 'reset' } });
    const results = await Promise.all([outcome(plan, 'order.query'), outcome(plan, 'order.query')]);
    expect(results.map((r) => r.kind).sort()).toEqual(['none', 'reset']);
  });
});

describe('actions', () => {
  test('latency waits the given wall ms and then lets the request through, with a note for the journal', async () => {
    const { plan, slept } = createTestPlan();
    plan.add({ id: 'slow', operation: 'order.query', action: { kind: 'latency', ms: 1500 } });
    expect(await outcome(plan, 'order.query')).toEqual({ kind: 'none', note: 'fault slow: latency 1500 ms' });
    expect(slept).toEqual([1500]);
  });

  test('latency rules add up and delay the answer an error rule decides', async () => {
    const { plan, slept } = createTestPlan();
    plan.add({ operation: '*', action: { kind: 'latency', ms: 100 } });
    plan.add({ operation: 'order.query', action: { kind: 'error', code: 'MKT.0999' } });
    plan.add({ operation: 'order.query', action: { kind: 'latency', ms: 200 } });
    const result = await outcome(plan, 'order.query');
    expect(slept).toEqual([300]);
    expect(result.kind).toBe('respond');
    expect(plan.list().map((r) => r.fired)).toEqual([1, 1, 1]);
  });

  test('the first matching error or reset rule decides; later ones do not fire', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: 'order.query', action: { kind: 'error', code: 'MKT.0250' } });
    plan.add({ operation: '*', action: { kind: 'reset' } });
    const result = await outcome(plan, 'order.query');
    expect(result.kind === 'respond' && result.response.status).toBe(406);
    expect(plan.list().map((r) => r.fired)).toEqual([1, 0]);
  });

  test('host-down wins over every other rule and adds no latency', async () => {
    const { plan, slept } = createTestPlan();
    plan.add({ operation: '*', action: { kind: 'latency', ms: 100 } });
    plan.add({ id: 'down', operation: '*', host: PRIMARY, action: { kind: 'host-down' } });
    expect(await outcome(plan, 'order.query', PRIMARY)).toEqual({ kind: 'reset', note: `fault down: host-down (${PRIMARY})` });
    expect(slept).toEqual([]);
  });

  test.for([
    { name: 'order query answers resultCode/resultMsg', routeId: 'order.query', code: 'MKT.0999', status: 500, body: { resultCode: 'MKT.0999', resultMsg: 'System internal error' } },
    { name: 'usage push answers error_code/error_msg', routeId: 'usage.push', code: 'MKT.0250', status: 406, body: { error_code: 'MKT.0250', error_msg: 'Access frequency overlimit' } },
    { name: 'file upload answers a CBC code', routeId: 'file.upload', code: 'CBC.0999', status: 500, body: { error_code: 'CBC.0999', error_msg: 'System internal error' } },
  ])('an error rule on $name', async ({ routeId, code, status, body }) => {
    const { plan } = createTestPlan();
    plan.add({ operation: routeId, action: { kind: 'error', code } });
    const result = await outcome(plan, routeId);
    if (result.kind !== 'respond') throw new Error(`expected a response, got ${result.kind}`);
    expect(result.response).toMatchObject({ status, body });
  });

  test('an APIG code answers the gateway envelope on any operation', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: 'order.query', action: { kind: 'error', code: 'APIG.0301' } });
    const result = await outcome(plan, 'order.query');
    if (result.kind !== 'respond') throw new Error(`expected a response, got ${result.kind}`);
    expect(result.response.status).toBe(401);
    expectSchema(result.response, APIG_ERROR);
    expect(result.response.body).toMatchObject({ error_code: 'APIG.0301', request_id: '000102030405060708090a0b0c0d0e0f' });
  });

  test('a status overrides the documented one', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: 'order.query', action: { kind: 'error', code: 'MKT.0999', status: 503 } });
    const result = await outcome(plan, 'order.query');
    expect(result.kind === 'respond' && result.response.status).toBe(503);
  });

  test('an error without a code is a bare gateway error with a text body', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: 'order.query', action: { kind: 'error', status: 502 } });
    const result = await outcome(plan, 'order.query');
    expect(result.kind === 'respond' && result.response).toMatchObject({ status: 502, body: '502 Bad Gateway', kind: 'text' });
  });
});

describe('scope', () => {
  test('a scenario rule fires only while that scenario plays', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: '*', scenario: 'order-query-retry', action: { kind: 'reset' } });
    const kinds = [(await outcome(plan, 'order.query')).kind];
    plan.setScope({ scenario: 'other' });
    kinds.push((await outcome(plan, 'order.query')).kind);
    plan.setScope({ scenario: 'order-query-retry', step: 'create' });
    kinds.push((await outcome(plan, 'order.query')).kind);
    expect(kinds).toEqual(['none', 'none', 'reset']);
  });

  test('a step rule fires only during that step', async () => {
    const { plan } = createTestPlan();
    plan.add({ operation: '*', scenario: 's', step: 'create', action: { kind: 'reset' } });
    plan.setScope({ scenario: 's', step: 'order' });
    const first = (await outcome(plan, 'order.query')).kind;
    plan.setScope({ scenario: 's', step: 'create' });
    expect([first, (await outcome(plan, 'order.query')).kind]).toEqual(['none', 'reset']);
  });

  test('clear with a scenario removes only that scenario’s rules', () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'live', operation: '*', action: { kind: 'reset' } });
    plan.add({ id: 'scoped', operation: '*', scenario: 's', action: { kind: 'reset' } });
    expect(plan.clear({ scenario: 's' })).toBe(1);
    expect(plan.list().map((r) => r.id)).toEqual(['live']);
    expect(plan.clear()).toBe(1);
    expect(plan.list()).toEqual([]);
  });
});

describe('rules', () => {
  test('ids count up and skip ids the caller chose', () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'fault-2', operation: '*', action: { kind: 'reset' } });
    const ids = [plan.add({ operation: '*', action: { kind: 'reset' } }).id, plan.add({ operation: '*', action: { kind: 'reset' } }).id];
    expect(ids).toEqual(['fault-1', 'fault-3']);
  });

  test('refuses a second rule with the same id', () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'x', operation: '*', action: { kind: 'reset' } });
    expect(() => plan.add({ id: 'x', operation: '*', action: { kind: 'reset' } })).toThrow(/id x exists already/);
  });

  test('an invalid rule throws INPUT_INVALID with every problem', () => {
    const { plan } = createTestPlan();
    try {
      plan.add({ operation: 'order.qeury', action: { kind: 'latency' } });
      expect.unreachable();
    } catch (e) {
      expect(isKoomockError(e) && e.code).toBe('INPUT_INVALID');
      expect(isKoomockError(e) && e.details['problems']).toHaveLength(2);
    }
  });

  test('remove answers whether the rule existed', () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'x', operation: '*', action: { kind: 'reset' } });
    expect([plan.remove('x'), plan.remove('x')]).toEqual([true, false]);
  });
});

describe('connections to a host listener', () => {
  test('a host-down rule for every operation refuses connections to its host, counted, until times is used up', () => {
    const { plan } = createTestPlan();
    plan.add({ id: 'down', operation: '*', host: FALLBACK, times: 2, action: { kind: 'host-down' } });
    const refused = [PRIMARY, FALLBACK, FALLBACK, FALLBACK].map((h) => plan.refuseConnection(h));
    expect(refused).toEqual([undefined, `fault down: host-down (${FALLBACK})`, `fault down: host-down (${FALLBACK})`, undefined]);
    expect(plan.list()[0]).toMatchObject({ fired: 2, active: false });
  });

  test('a host-down rule for one operation leaves connections alone (the operation is not known yet)', () => {
    const { plan } = createTestPlan();
    plan.add({ operation: 'order.query', host: FALLBACK, action: { kind: 'host-down' } });
    expect(plan.refuseConnection(FALLBACK)).toBeUndefined();
  });
});

describe('in the pipeline', () => {
  test('an injected error is answered before the signature is checked and journaled with the rule that fired', async () => {
    const { plan } = createTestPlan();
    const h = createHarness({ faults: plan });
    plan.add({ id: 'flaky', operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } });
    const first = await h.send(signRequest(h, { path: ORDER_PATH, query: 'orderId=MOCKPERIODYEARNEW' }));
    expect(first).toMatchObject({ status: 500, body: { resultCode: 'MKT.0999', resultMsg: 'System internal error' } });
    expect(lastExchange(h).verdicts).toEqual([{ id: 'fault.injected', ok: true, severity: 'warn', received: 'fault flaky: error MKT.0999' }]);
    const second = await h.send(signRequest(h, { path: ORDER_PATH, query: 'orderId=MOCKPERIODYEARNEW' }));
    expect(second.status).toBe(200);
  });

  test('a latency rule leaves the answer unchanged and notes the delay in the journal', async () => {
    const { plan, slept } = createTestPlan();
    const h = createHarness({ faults: plan });
    plan.add({ id: 'slow', operation: 'order.query', action: { kind: 'latency', ms: 20 } });
    const res = await h.send(signRequest(h, { path: ORDER_PATH, query: 'orderId=MOCKPERIODYEARNEW' }));
    expect(res.status).toBe(200);
    expect(slept).toEqual([20]);
    expect(lastExchange(h).verdicts[0]).toEqual({ id: 'fault.injected', ok: true, severity: 'warn', received: 'fault slow: latency 20 ms' });
  });
});
