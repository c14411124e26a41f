import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import type { FaultsStep, SendStep } from '../../../../mock-server/core/scenario/load/model.js';
import { parseScenario, validateScenario } from '../../../../mock-server/core/scenario/load/parse.js';

const schemas = getSchemaRegistry();

/** A valid scenario with a faults step; each negative test changes one thing of it. */
const VALID = `id: t
title: test
steps:
  - id: order
    order: { product: PERIOD, periodType: month }
  - id: flaky
    faults:
      - operation: order.query
        times: 1
        step: create
        action: { kind: error, code: MKT.0999 }
  - id: create
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    expect:
      openApi: { operation: order.query, attemptsAtLeast: 2 }
`;

const change = (from: string, to: string): string => {
  expect(VALID.split(from)).toHaveLength(2);
  return VALID.replace(from, to);
};

function problemsIn(text: string) {
  const r = validateScenario(text, { file: 'x.yaml', schemas });
  if (r.ok) throw new Error('expected the scenario to be invalid');
  return r.problems;
}

describe('the faults step', () => {
  test('parses into the model with a default title, and expect.openApi with it', () => {
    const scenario = parseScenario(VALID, { file: 'x.yaml', schemas });
    const faults = scenario.steps[1] as FaultsStep;
    expect(faults).toMatchObject({ kind: 'faults', id: 'flaky', title: 'faults: order.query error MKT.0999 (1×)' });
    expect(faults.rules).toEqual([{ operation: 'order.query', times: 1, step: 'create', action: { kind: 'error', code: 'MKT.0999' } }]);
    expect((scenario.steps[2] as SendStep).expect.openApi).toEqual({ operation: 'order.query', attemptsAtLeast: 2 });
  });

  test.for([
    { name: 'a misspelt operation', from: 'operation: order.query\n        times', to: 'operation: order.qeury\n        times', pointer: '/steps/1/faults/0/operation', problem: /must be equal to one of the allowed values|operation/ },
    { name: 'a misspelt rule field', from: 'times: 1', to: 'time: 1', pointer: '/steps/1/faults/0/time', problem: /unknown field `time`/ },
    { name: 'an undocumented error code', from: 'code: MKT.0999', to: 'code: MKT.0998', pointer: '/steps/1/faults/0', problem: /fault rule: action.code must be a documented error code \(did you mean MKT.0999\?\)/ },
    { name: 'latency without ms', from: '{ kind: error, code: MKT.0999 }', to: '{ kind: latency }', pointer: '/steps/1/faults/0', problem: /fault rule: action.ms must be a whole number/ },
    { name: 'a scenario field', from: 'times: 1', to: 'times: 1\n        scenario: other', pointer: '/steps/1/faults/0/scenario', problem: /unknown field `scenario`/ },
    { name: 'a step that comes before', from: 'step: create', to: 'step: order', pointer: '/steps/1/faults/0/step', problem: /`step: order` must name a later step/ },
    { name: 'a step that does not exist', from: 'step: create', to: 'step: crate', pointer: '/steps/1/faults/0/step', problem: /must name a later step/ },
    { name: 'an empty list of rules', from: `faults:
      - operation: order.query
        times: 1
        step: create
        action: { kind: error, code: MKT.0999 }`, to: 'faults: []', pointer: '/steps/1/faults', problem: /./ },
    { name: 'expect on a faults step', from: '        action: { kind: error, code: MKT.0999 }\n', to: '        action: { kind: error, code: MKT.0999 }\n    expect: { attempts: 1 }\n', pointer: '/steps/1/expect', problem: /`expect` belongs to a `send` step, and this is a `faults` step/ },
    { name: 'an unknown Open API operation in expect.openApi', from: 'openApi: { operation: order.query', to: 'openApi: { operation: order.qeury', pointer: '/steps/2/expect/openApi/operation', problem: /`order.qeury` is not an Open API operation/ },
    { name: 'a misspelt expect.openApi field', from: 'attemptsAtLeast: 2', to: 'attemptsAtleast: 2', pointer: '/steps/2/expect/openApi/attemptsAtleast', problem: /unknown field `attemptsAtleast`/ },
  ])('reports $name', ({ from, to, pointer, problem }) => {
    const problems = problemsIn(change(from, to));
    expect(problems.map((p) => p.pointer)).toContain(pointer);
    expect(problems.find((p) => p.pointer === pointer)?.problem).toMatch(problem);
  });

  test('a reference to a faults step is refused: it has no results', () => {
    const problems = problemsIn(change('orderId: "${order.orderId}"', 'orderId: "${flaky.orderId}"'));
    expect(problems[0]?.problem).toMatch(/faults steps have no results/);
  });
});
