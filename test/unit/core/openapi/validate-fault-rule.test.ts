import { describe, expect, test } from 'vitest';
import { OPEN_API_ROUTES } from '../../../../mock-server/core/openapi/routes.js';
import { validateFaultRule } from '../../../../mock-server/core/openapi/validate-fault-rule.js';

const LIMITS = { operations: OPEN_API_ROUTES.map((r) => r.id), hostNames: ['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn'] };

const VALID = { operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } };

describe('validateFaultRule', () => {
  test.for([
    { name: 'an error with a code', input: VALID },
    { name: 'an error with a status only', input: { operation: '*', action: { kind: 'error', status: 503 } } },
    { name: 'latency', input: { operation: 'usage.push', action: { kind: 'latency', ms: 2500 } } },
    { name: 'reset with an id', input: { id: 'drop-1', operation: 'file.upload', action: { kind: 'reset' } } },
    { name: 'host-down scoped to a scenario step', input: { operation: '*', host: 'mkt.myhuaweicloud.com', scenario: 'order-query-failover', step: 'create', action: { kind: 'host-down' } } },
  ])('accepts $name', ({ input }) => {
    expect(validateFaultRule(input, LIMITS)).toEqual({ ok: true, rule: input });
  });

  test('lower-cases the host', () => {
    const r = validateFaultRule({ operation: '*', host: 'MKT.MyHuaweiCloud.cn', action: { kind: 'host-down' } }, LIMITS);
    expect(r.ok && r.rule.host).toBe('mkt.myhuaweicloud.cn');
  });

  // Each row breaks one thing of VALID and expects one problem naming it.
  test.for([
    { name: 'not an object', input: 'reset', problem: /a fault rule is a JSON object/ },
    { name: 'an unknown operation, with a suggestion', input: { ...VALID, operation: 'order.qeury' }, problem: /operation must be .*did you mean order.query\?/ },
    { name: 'a missing operation', input: { times: 1, action: VALID.action }, problem: /operation must be "\*"/ },
    { name: 'an unknown field, with a suggestion', input: { ...VALID, time: 1 }, problem: /time is not a field here \(did you mean times\?\)/ },
    { name: 'times 0', input: { ...VALID, times: 0 }, problem: /times must be a whole number from 1/ },
    { name: 'times 1.5', input: { ...VALID, times: 1.5 }, problem: /times must be a whole number/ },
    { name: 'a host koomock does not answer for', input: { ...VALID, host: 'example.com' }, problem: /host must be one of .*mkt.myhuaweicloud.cn/ },
    { name: 'an id with spaces', input: { ...VALID, id: 'my rule' }, problem: /id must be 1-64 letters/ },
    { name: 'a step without a scenario', input: { ...VALID, step: 'create' }, problem: /give scenario too/ },
    { name: 'no action', input: { operation: 'order.query' }, problem: /action must be an object/ },
    { name: 'an unknown action kind', input: { ...VALID, action: { kind: 'timeout' } }, problem: /action.kind must be one of latency, error, reset, host-down/ },
    { name: 'a misspelt action kind', input: { ...VALID, action: { kind: 'hostdown' } }, problem: /did you mean host-down\?/ },
    { name: 'latency without ms', input: { ...VALID, action: { kind: 'latency' } }, problem: /action.ms must be a whole number of milliseconds/ },
    { name: 'latency over two minutes', input: { ...VALID, action: { kind: 'latency', ms: 120_001 } }, problem: /from 1 to 120000/ },
    { name: 'an undocumented code', input: { ...VALID, action: { kind: 'error', code: 'MKT.0998' } }, problem: /action.code must be a documented error code \(did you mean MKT.0999\?\)/ },
    { name: 'a success code', input: { ...VALID, action: { kind: 'error', code: 'MKT.0000' } }, problem: /action.code must be a documented error code/ },
    { name: 'a status below 400', input: { ...VALID, action: { kind: 'error', code: 'MKT.0999', status: 200 } }, problem: /action.status must be an HTTP error status from 400 to 599/ },
    { name: 'an error with neither code nor status', input: { ...VALID, action: { kind: 'error' } }, problem: /needs a code .* or a status/ },
    { name: 'a field of another action kind', input: { ...VALID, action: { kind: 'reset', ms: 5 } }, problem: /action.ms is not a field here/ },
  ])('refuses $name', ({ input, problem }) => {
    const r = validateFaultRule(input, LIMITS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(problem);
  });

  test('lists every problem at once', () => {
    const r = validateFaultRule({ operation: 'nope', times: -1, action: { kind: 'latency', ms: 0 } }, LIMITS);
    expect(r.ok ? [] : r.problems).toHaveLength(3);
  });

  test('accepts any host when koomock answers for no named host', () => {
    expect(validateFaultRule({ ...VALID, host: 'example.com' }, { ...LIMITS, hostNames: [] }).ok).toBe(true);
  });
});
