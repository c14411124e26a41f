import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { runScenario, runScenarios } from '../../../../mock-server/core/scenario/run/engine.js';
import type { EngineEvent } from '../../../../mock-server/core/scenario/run/engine-types.js';
import type { CheckResult } from '../../../../mock-server/core/result.js';
import { isFailure } from '../../../../mock-server/core/scenario/run/report.js';
import { FIXED_TIME } from '../../../support/fixed-clock.js';
import { createEngineFixture, type Defect, ORDER_AND_CREATE, scenarioOf } from './engine-fixtures.js';

const HEAD = 'id: t\ntitle: test\nsteps:';
const failedIds = (checks: readonly CheckResult[]): string[] => [...new Set(checks.filter(isFailure).map((c) => c.id))];

describe('runScenario: a correct seller', () => {
  test('passes provisioning, the order query and queryInstance, and books an ACTIVE order with its instance', async () => {
    const f = createEngineFixture();
    const scenario = scenarioOf(`${HEAD}${ORDER_AND_CREATE}
    expect:
      resultCode: "000000"
      fields:
        instanceId: { present: true }
      pass: [order.queried]
  - id: query
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
    expect:
      fields:
        body.info[0].instanceId: "\${create.instanceId}"
        body.info[0].appInfo.frontEndUrl: { matches: "^https://" }
`);
    const report = await runScenario(scenario, f.deps);
    expect(failedIds(report.checks)).toEqual([]);
    expect(report.status).toBe('passed');
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([['order', 'passed'], ['create', 'passed'], ['query', 'passed']]);
    expect(report.checks.filter((c) => c.id === 'order.queried').map((c) => c.ok)).toEqual([true]);
    expect(report.checks.filter((c) => c.id === 'expect.field')).toHaveLength(3);
    const order = [...f.orders.values()][0];
    expect(order?.status).toBe('ACTIVE');
    expect([...f.instances.values()].map((i) => [i.instanceId, i.state, i.appInfo?.frontEndUrl])).toEqual([['inst-1', 'ACTIVE', 'https://app.example/inst-1']]);
  });

  test('moves the instance through freeze, renewal and release as the calls succeed', async () => {
    const f = createEngineFixture();
    const scenario = scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - wait: 32d
  - id: freeze
    send: updateInstanceStatus
    with: { instanceId: "\${create.instanceId}", status: FREEZE }
  - id: freeze-again
    send: updateInstanceStatus
    with: { instanceId: "\${create.instanceId}", status: FREEZE }
  - id: renewal
    order: { follows: "\${create}", orderType: RENEW, periodNumber: 1 }
  - id: renew
    send: refreshInstance
    with: { scene: RENEWAL, instanceId: "\${create.instanceId}", orderId: "\${renewal.orderId}", orderLineId: "\${renewal.orderLineId}", expireTime: "\${renewal.expireAt}" }
  - id: unsubscribe
    order: { follows: "\${create}", orderType: UNSUBSCRIBE }
  - id: release
    send: releaseInstance
    with: { instanceId: "\${create.instanceId}", orderId: "\${unsubscribe.orderId}", orderLineId: "\${unsubscribe.orderLineId}" }
`);
    const report = await runScenario(scenario, f.deps);
    expect(report.status).toBe('passed');
    const instance = f.instances.get('inst-1');
    expect(instance?.history.map((h) => h.event)).toEqual(['CREATED', 'PROVISIONED', 'FREEZE', 'RENEW', 'RELEASE']);
    expect(instance?.state).toBe('RELEASED');
    expect([...f.orders.values()].map((o) => [o.orderInfo.orderType, o.status])).toEqual([['NEW', 'UNSUBSCRIBED'], ['RENEW', 'ACTIVE'], ['UNSUBSCRIBE', 'ACTIVE']]);
    expect(f.clock.now()).toBe(FIXED_TIME + 32 * 86_400_000);
  });

  test('polls queryInstance every 10 s after a 000004 until info[] lists the instance', async () => {
    const f = createEngineFixture('async');
    const scenario = scenarioOf(`${HEAD}${ORDER_AND_CREATE}
    expect:
      resultCode: "000004"
      fields:
        appInfo.frontEndUrl: { present: true }
`);
    const report = await runScenario(scenario, f.deps);
    expect(failedIds(report.checks)).toEqual([]);
    expect(f.seller.received).toEqual(['newInstance', 'queryInstance', 'queryInstance', 'queryInstance']);
    expect(report.steps[1]?.attempts.map((a) => a.outcome)).toEqual(['pending', 'success', 'success', 'success']);
    expect(report.checks.some((c) => c.step === 'create#poll')).toBe(true);
    expect(f.clock.now()).toBe(FIXED_TIME + 30_000);
  });

  test('reports a failure the scenario expects (a first attempt that timed out) as passed', async () => {
    const f = createEngineFixture('slow-first');
    const scenario = scenarioOf(`${HEAD}${ORDER_AND_CREATE}
    expect:
      attempts: 2
      fail: [transport.timeout]
`);
    const report = await runScenario(scenario, f.deps);
    expect(report.status).toBe('passed');
    const timeout = report.checks.find((c) => c.id === 'transport.timeout' && c.step === 'create#1');
    expect(timeout).toMatchObject({ ok: true, received: expect.stringContaining('300 ms') });
    expect(report.checks.find((c) => c.id === 'expect.attempts')).toMatchObject({ ok: true, received: '2' });
    expect(f.clock.now()).toBe(FIXED_TIME + 180_000);
  });
});

describe('runScenario: one defect fails one named check', () => {
  const RESEND = `
  - id: resend
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    expect:
      sameAs: { instanceId: "\${create.instanceId}" }
      pass: [instance.idempotent]`;
  const ON_DEMAND = `
  - id: order
    order: { products: [ON_DEMAND, ON_DEMAND] }
  - id: first
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.lines[0].orderLineId}" }
  - id: second
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.lines[1].orderLineId}" }
    expect:
      pass: [instance.distinct]`;
  test.for([
    { name: 'a new instance on every re-send', defect: 'non-idempotent', steps: `${ORDER_AND_CREATE}${RESEND}`, check: 'instance.idempotent', step: 'resend' },
    { name: 'no order query', defect: 'no-order-query', steps: `${ORDER_AND_CREATE}\n    expect:\n      pass: [order.queried]`, check: 'order.queried', step: 'create' },
    { name: 'one instance for two on-demand billing items', defect: 'one-instance-per-order', steps: ON_DEMAND, check: 'instance.distinct', step: 'second' },
    { name: 'no instanceId in the answer', defect: 'no-instance-id', steps: ORDER_AND_CREATE, check: 'response.schema', step: 'create' },
    { name: 'newInstance always failing', defect: 'fail-new', steps: ORDER_AND_CREATE, check: 'order.outcome', step: 'create' },
  ] as const)('$name fails $check', async ({ defect, steps, check, step }) => {
    const f = createEngineFixture(defect as Defect);
    const report = await runScenario(scenarioOf(`${HEAD}${steps}`), f.deps);
    expect(report.status).toBe('failed');
    expect(report.checks.filter(isFailure).map((c) => [c.id, c.step])).toContainEqual([check, step]);
  });

  test('fails the order after 61 attempts over 3 hours, unsubscribes it with a refund, and skips what depended on it', async () => {
    const f = createEngineFixture('fail-new');
    const scenario = scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - id: query
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
`);
    const report = await runScenario(scenario, f.deps);
    expect(report.steps[1]?.attempts).toHaveLength(61);
    expect(f.clock.now()).toBe(FIXED_TIME + 3 * 3_600_000);
    const order = [...f.orders.values()][0];
    expect(order?.status).toBe('UNSUBSCRIBED');
    expect(order?.history.map((h) => h.to)).toEqual(['PENDING', 'FAILED', 'UNSUBSCRIBED']);
    expect(order?.refund?.amount).toBe('100');
    const outcome = report.checks.find((c) => c.id === 'order.outcome');
    expect(outcome?.received).toMatch(/^FAILED and unsubscribed automatically, refund 100 recorded: 61 attempt\(s\) of newInstance over 180 min/);
    // One result.code failure for the whole call, not 61.
    expect(report.checks.filter((c) => c.id === 'result.code')).toHaveLength(1);
    expect(report.steps[2]).toMatchObject({ id: 'query', status: 'skipped' });
    expect(report.checks.some((c) => c.id === 'scenario.reference')).toBe(false);
  });

  test('ends a refreshInstance that never succeeds as a production interface message after the 1-hour window', async () => {
    const f = createEngineFixture('fail-refresh');
    const events: EngineEvent[] = [];
    const scenario = scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - id: renew
    send: refreshInstance
    with: { scene: RENEWAL, instanceId: "\${create.instanceId}", orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}", expireTime: "\${order.expireAt}" }
`);
    const report = await runScenario(scenario, { ...f.deps, onEvent: (e) => events.push(e) });
    expect(report.steps[2]?.attempts).toHaveLength(21);
    expect(f.messages.map((m) => [m.activity, m.instanceId, m.attempts])).toEqual([['refreshInstance', 'inst-1', 21]]);
    expect(events.map((e) => e.kind)).toEqual(['interface-message']);
    expect(report.checks.find((c) => c.id === 'expect.outcome')).toMatchObject({ ok: false, received: 'production-interface-message after 21 attempt(s)' });
  });
});

describe('runScenario: expectations', () => {
  test.for([
    { name: 'a check in expect.pass that never ran', expect: 'pass: [response.appinfo]', id: 'response.appinfo', received: 'the check did not run' },
    { name: 'a check in expect.fail that never failed', expect: 'fail: [http.status]', id: 'http.status', received: 'it passed in every attempt (or did not run)' },
    { name: 'a resultCode other than the one expected', expect: 'resultCode: "000004"', id: 'expect.result-code', received: '"000000"' },
    { name: 'a field that does not match', expect: 'fields: { instanceId: { matches: "^x" } }', id: 'expect.field', received: 'instanceId = "inst-1"' },
    { name: 'a different number of attempts', expect: 'attempts: 3', id: 'expect.attempts', received: '1' },
  ])('fails $name', async ({ expect: block, id, received }) => {
    const f = createEngineFixture();
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}\n    expect:\n      ${block}\n`), f.deps);
    expect(report.checks.filter(isFailure).map((c) => [c.id, c.received])).toEqual([[id, received]]);
  });

  test('reports a reference without a value when nothing failed before, and skips the step', async () => {
    const f = createEngineFixture();
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - id: query
    send: queryInstance
    with: { instanceId: "\${create.body.nothing}" }
`), f.deps);
    expect(report.checks.filter(isFailure).map((c) => [c.id, c.step])).toEqual([['scenario.reference', 'query']]);
    expect(report.steps[2]?.status).toBe('skipped');
  });

  test('stops with SCENARIO_INVALID at the step when the catalog has no product to order', async () => {
    const f = createEngineFixture();
    const deps = { ...f.deps, catalog: f.deps.catalog.filter((p) => p.chargingMode !== 'ONE_TIME') };
    const scenario = scenarioOf(`${HEAD}\n  - id: order\n    order: { product: ONE_TIME }\n`, 'scenarios/x.yaml');
    await expect(runScenario(scenario, deps)).rejects.toMatchObject({ code: 'SCENARIO_INVALID', message: expect.stringMatching(/^scenarios\/x\.yaml:4:5: step order: the order needs 1 ONE_TIME product/) });
  });
});

describe('runScenarios', () => {
  test('reports every scenario in order, with events, in the shape of report.schema.json', async () => {
    const f = createEngineFixture();
    const events: string[] = [];
    const a = scenarioOf(`id: a\ntitle: A\nsteps:${ORDER_AND_CREATE}\n`);
    const b = scenarioOf(`id: b\ntitle: B\nsteps:${ORDER_AND_CREATE}\n    expect:\n      resultCode: "000004"\n`);
    const report = await runScenarios([a, b], { ...f.deps, onEvent: (e) => events.push(`${e.kind}:${'id' in e ? e.id : 'report' in e ? e.report.id : ''}`) }, { version: '9.9.9' });
    expect(events).toEqual(['scenario-start:a', 'scenario-end:a', 'scenario-start:b', 'scenario-end:b']);
    expect(report.summary).toMatchObject({ scenarios: 2, scenariosFailed: 1, checksFailed: 1 });
    expect(report.version).toBe('9.9.9');
    const valid = getSchemaRegistry().validate('report.schema.json', JSON.parse(JSON.stringify(report)));
    expect(valid.ok ? [] : valid.violations).toEqual([]);
  });
});

describe('runScenario: a step that applies only to some sellers (onlyIf)', () => {
  const ADAPTIVE = `${HEAD}${ORDER_AND_CREATE}
    onlyIf: { resultCode: "000004", otherwise: "this seller provisions synchronously" }
    expect:
      resultCode: "000004"
`;

  test('a seller that answers 000000 makes the step not applicable: skipped, never passed, its checks still run', async () => {
    const f = createEngineFixture();
    const report = await runScenario(scenarioOf(ADAPTIVE), f.deps);
    expect(report.status).toBe('skipped');
    expect(report.steps.find((s) => s.id === 'create')).toMatchObject({ status: 'skipped', title: 'send newInstance (not applicable: this seller provisions synchronously)' });
    expect(failedIds(report.checks)).toEqual([]);
    expect(report.checks.some((c) => c.id === 'result.code' && c.ok)).toBe(true);
    // The expectation written for asynchronous sellers was not evaluated.
    expect(report.checks.some((c) => c.id === 'expect.result-code')).toBe(false);
  });

  test('a seller that answers 000004 gets the step judged as written', async () => {
    const f = createEngineFixture('async');
    const report = await runScenario(scenarioOf(ADAPTIVE), f.deps);
    expect(report.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'expect.result-code')).toMatchObject({ ok: true });
  });

  test('runScenarios counts a skipped scenario as skipped, not as passed', async () => {
    const f = createEngineFixture();
    const run = await runScenarios([scenarioOf(ADAPTIVE)], f.deps, { version: 'test' });
    expect(run.summary).toMatchObject({ scenarios: 1, scenariosFailed: 0, scenariosSkipped: 1 });
  });
});

describe('runScenario: order.queried on re-sends', () => {
  const RESEND = `${HEAD}${ORDER_AND_CREATE}
    expect:
      pass: [order.queried]
  - wait: 1h
  - id: resend
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    expect:
      sameAs: { instanceId: "\${create.instanceId}" }
      pass: [order.queried]
`;

  test('a seller that answers a re-send from its records, without a second order query, passes: not queried again', async () => {
    const f = createEngineFixture('query-once');
    const report = await runScenario(scenarioOf(RESEND), f.deps);
    expect(failedIds(report.checks)).toEqual([]);
    expect(report.checks.filter((c) => c.id === 'order.queried').map((c) => [c.step, c.ok, c.received?.startsWith('not queried again') === true])).toEqual([
      ['create', true, false],
      ['resend', true, true],
    ]);
  });

  test('a seller that never queried the order line still fails the first call and the re-send', async () => {
    const f = createEngineFixture('no-order-query');
    const report = await runScenario(scenarioOf(RESEND), f.deps);
    expect(report.checks.filter((c) => c.id === 'order.queried').map((c) => c.ok)).toEqual([false, false]);
  });
});
