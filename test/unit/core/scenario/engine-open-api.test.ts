import { describe, expect, test } from 'vitest';
import { inputError, isKoomockError } from '../../../../mock-server/core/errors.js';
import type { FaultRuleInput, FaultScope } from '../../../../mock-server/core/openapi/fault-rule.js';
import { runScenario } from '../../../../mock-server/core/scenario/run/engine.js';
import type { OpenApiControl } from '../../../../mock-server/core/scenario/run/engine-types.js';
import type { Exchange, NewExchange } from '../../../../mock-server/core/store.js';
import { createEngineFixture, ORDER_AND_CREATE, scenarioOf } from './engine-fixtures.js';

const HEAD = 'id: t\ntitle: test\nsteps:';
const PRIMARY = 'mkt.myhuaweicloud.com';
const FALLBACK = 'mkt.myhuaweicloud.cn';

type Call = { host: string; status?: number; code?: string; verdicts?: NewExchange['verdicts'] };

/** An OpenApiControl over an array journal; `onNewInstance` says what the seller did on the Open APIs. */
function createFakeOpenApi(options: { hosts?: Record<string, string>; refuse?: boolean } = {}) {
  const journal: Exchange[] = [];
  const added: FaultRuleInput[] = [];
  const scopes: (FaultScope | undefined)[] = [];
  const cleared: string[] = [];
  const record = (c: Call) =>
    journal.push({
      id: journal.length + 1,
      direction: 'inbound',
      operation: 'order.query',
      request: { method: 'GET', path: '/api/mkp-openapi-public/global/v1/order/query', host: c.host },
      ...(c.status === undefined ? { response: { reset: true } } : { response: { status: c.status, body: { json: { resultCode: c.code ?? 'MKT.0000' } } } }),
      startedAt: 0,
      durationMs: 1,
      verdicts: c.verdicts ?? [],
    });
  const control: OpenApiControl = {
    hostNames: [PRIMARY, FALLBACK],
    hosts: () => options.hosts ?? { [PRIMARY]: 'http://127.0.0.1:7070' },
    addFaults: (rules) => {
      if (options.refuse === true) throw inputError('the fault rule is not valid: host must be one of …');
      added.push(...rules);
    },
    clearFaults: (scenario) => void cleared.push(scenario),
    setScope: (scope) => void scopes.push(scope),
    mark: () => journal.length,
    readAfter: (afterId) => journal.filter((e) => e.id > afterId),
  };
  return { control, journal, added, scopes, cleared, record };
}

/** Engine deps whose seller makes these Open API calls during every newInstance. */
function setup(calls: readonly Call[], options: Parameters<typeof createFakeOpenApi>[0] = {}) {
  const f = createEngineFixture();
  const api = createFakeOpenApi(options);
  const send = f.deps.transport.send;
  const deps = {
    ...f.deps,
    openApi: api.control,
    transport: {
      send: async (req: Parameters<typeof send>[0], options: Parameters<typeof send>[1]) => {
        if (req.body?.includes('"newInstance"') === true) for (const c of calls) api.record(c);
        return send(req, options);
      },
    },
  };
  return { deps, api };
}

const RETRY = `${HEAD}${ORDER_AND_CREATE.replace('  - id: create', `  - id: flaky
    faults:
      - operation: order.query
        times: 1
        action: { kind: error, code: MKT.0999 }
  - id: create`)}
    expect:
      openApi: { operation: order.query, attemptsAtLeast: 2 }
`;

const FAILOVER = `${HEAD}${ORDER_AND_CREATE.replace('  - id: create', `  - id: down
    faults:
      - operation: "*"
        host: ${PRIMARY}
        action: { kind: host-down }
  - id: create`)}
    expect:
      openApi: { operation: order.query, failedOver: true }
`;

describe('faults steps', () => {
  test('add their rules scoped to the scenario, scope each send step, and clear them when the scenario ends', async () => {
    const { deps, api } = setup([{ host: PRIMARY, status: 500, code: 'MKT.0999' }, { host: PRIMARY, status: 200 }]);
    const report = await runScenario(scenarioOf(RETRY), deps);
    expect(api.added).toEqual([{ operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' }, scenario: 't' }]);
    expect(api.scopes).toEqual([{ scenario: 't', step: 'create' }, undefined]);
    expect(api.cleared).toEqual(['t']);
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([['order', 'passed'], ['flaky', 'passed'], ['create', 'passed']]);
  });

  test('a rule the emulator refuses stops the run (SCENARIO_INVALID at the step), and the scenario’s rules are still cleared', async () => {
    const { deps, api } = setup([], { refuse: true });
    const error = await runScenario(scenarioOf(RETRY), deps).catch((e: unknown) => e);
    expect(isKoomockError(error) && error.code).toBe('SCENARIO_INVALID');
    expect(String((error as Error).message)).toMatch(/^test\.yaml:\d+:\d+: step flaky: the fault rule is not valid/);
    expect(api.cleared).toEqual(['t']);
  });

  test('without access to the Open APIs a faults step cannot run (SCENARIO_INVALID)', async () => {
    const f = createEngineFixture();
    const error = await runScenario(scenarioOf(RETRY), f.deps).catch((e: unknown) => e);
    expect(isKoomockError(error) && error.message).toMatch(/no access to the fake Open APIs/);
  });

  test('host-down with no other host served skips the rest of the scenario, saying how to run it', async () => {
    const { deps, api } = setup([]);
    const report = await runScenario(scenarioOf(FAILOVER), deps);
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'skipped', 'skipped']);
    expect(report.steps[1]?.title).toContain('--fallback-port');
    expect(api.added).toEqual([]);
    expect(report.checks).toEqual([]);
  });

  test('a rule for a host this emulator does not answer for skips the rest too', async () => {
    const { deps } = setup([]);
    const report = await runScenario(scenarioOf(FAILOVER.replace(PRIMARY, 'mkt-intl.myhuaweicloud.com')), deps);
    expect(report.steps[1]?.title).toContain('does not answer for mkt-intl.myhuaweicloud.com');
  });
});

describe('expect.openApi', () => {
  test.for([
    { name: 'passes when the seller retried', calls: [{ host: PRIMARY, status: 500, code: 'MKT.0999' }, { host: PRIMARY, status: 200 }], ok: true },
    { name: 'fails when the seller gave up after one query', calls: [{ host: PRIMARY, status: 500, code: 'MKT.0999' }], ok: false },
  ])('attemptsAtLeast $name', async ({ calls, ok }) => {
    const { deps } = setup(calls);
    const report = await runScenario(scenarioOf(RETRY), deps);
    const check = report.checks.find((c) => c.id === 'expect.open-api');
    expect(check).toMatchObject({ ok, step: 'create', expected: 'order.query: at least 2 request(s) during the step' });
    if (!ok) expect(check?.hint).toMatch(/retry an Open API call/);
  });

  test.for([
    { name: 'passes when a query succeeded on the fallback host', calls: [{ host: '127.0.0.1' }, { host: FALLBACK, status: 200 }], ok: true, received: '2 request(s): mkt.myhuaweicloud.com dropped, mkt.myhuaweicloud.cn 200 MKT.0000' },
    { name: 'fails when every success came from the primary', calls: [{ host: '127.0.0.1', status: 200 }], ok: false, received: '1 request(s): mkt.myhuaweicloud.com 200 MKT.0000' },
    { name: 'fails when the fallback host only failed', calls: [{ host: FALLBACK, status: 500, code: 'MKT.0999' }], ok: false, received: '1 request(s): mkt.myhuaweicloud.cn 500 MKT.0999' },
  ])('failedOver $name', async ({ calls, ok, received }) => {
    const { deps } = setup(calls, { hosts: { [PRIMARY]: 'http://127.0.0.1:7070', [FALLBACK]: 'http://127.0.0.1:7071' } });
    const report = await runScenario(scenarioOf(FAILOVER), deps);
    expect(report.checks.find((c) => c.id === 'expect.open-api')).toMatchObject({ ok, received });
    expect(report.status).toBe(ok ? 'passed' : 'failed');
  });
});

describe('openapi.signature', () => {
  const refused: Call = {
    host: PRIMARY,
    status: 401,
    code: 'APIG.0301',
    verdicts: [
      {
        id: 'apig.signature',
        ok: false,
        received: 'mismatch',
        diagnosis: { scheme: 'apig', canonical: 'GET\n/api/mkp-openapi-public/global/v1/order/query/\norderId=X\n', mistakes: [{ id: 'missing-trailing-slash', en: 'The canonical URI must end with "/".', zh: '规范URI必须以"/"结尾。' }] },
      } as NewExchange['verdicts'][number],
    ],
  };

  test('fails the step during which the seller’s call was refused, naming the mistake and the canonical request', async () => {
    const { deps } = setup([refused, refused]);
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}\n`), deps);
    const checks = report.checks.filter((c) => c.id === 'openapi.signature');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      ok: false,
      step: 'create',
      received: 'order.query refused (HTTP 401 APIG.0301) 2 times: the signature sent matches missing-trailing-slash',
    });
    expect(checks[0]?.hint).toContain('canonical request koomock built (line breaks shown as |): GET|/api/mkp-openapi-public/global/v1/order/query/|orderId=X|');
    expect(report.steps.find((s) => s.id === 'create')?.status).toBe('failed');
  });

  test('says nothing when every call verified', async () => {
    const { deps } = setup([{ host: PRIMARY, status: 200, verdicts: [{ id: 'apig.signature', ok: true }] }]);
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}\n`), deps);
    expect(report.checks.filter((c) => c.id === 'openapi.signature')).toEqual([]);
  });

  test('ignores the warning of an emulator that does not check signatures (apigAuth off)', async () => {
    const { deps } = setup([{ host: PRIMARY, status: 200, verdicts: [{ id: 'apig.signature', ok: false, severity: 'warn', received: 'not checked' }] }]);
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}\n`), deps);
    expect(report.checks.filter((c) => c.id === 'openapi.signature')).toEqual([]);
  });
});
