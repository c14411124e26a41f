import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import type { SendStep } from '../../../../mock-server/core/scenario/load/model.js';
import { parseScenario, validateScenario } from '../../../../mock-server/core/scenario/load/parse.js';
import type { ScenarioProblem } from '../../../../mock-server/core/scenario/load/problems.js';

const schemas = getSchemaRegistry();

/** A valid security scenario: order, valid newInstance, forged release, valid follow-up. */
const VALID = `id: forged-release
title: forged release
group: security
steps:
  - id: order
    order: { product: PERIOD, periodType: month, periodNumber: 1 }
  - id: create
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
  - id: forged
    send: releaseInstance
    with: { instanceId: "\${create.instanceId}" }
    attack: wrong-key
  - id: check
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
    expect:
      noSideEffectOf: forged
`;

/** VALID with one replacement (which must match exactly once). */
function breakValid(from: string, to: string): string {
  expect(VALID.split(from)).toHaveLength(2);
  return VALID.replace(from, to);
}

function problemsIn(text: string): readonly ScenarioProblem[] {
  const r = validateScenario(text, { file: 'x.yaml', schemas });
  if (r.ok) throw new Error('expected the scenario to be invalid');
  return r.problems;
}

const sendStep = (text: string, id: string): SendStep => {
  const step = parseScenario(text, { file: 'x.yaml', schemas }).steps.find((s) => s.id === id);
  if (step?.kind !== 'send') throw new Error(`no send step ${id}`);
  return step;
};

describe('scenario steps with attack', () => {
  test('an attack step is sent once, titled with its attack, and its follow-up names it', () => {
    const forged = sendStep(VALID, 'forged');
    expect(forged).toMatchObject({ attack: 'wrong-key', retry: false, title: 'send releaseInstance, forged: wrong-key' });
    expect(sendStep(VALID, 'check').expect.noSideEffectOf).toBe('forged');
    expect(sendStep(VALID, 'create').attack).toBeUndefined();
    expect(sendStep(VALID, 'create').retry).toBe(true);
  });

  test('replay may carry the expectations of the valid call it sends first', () => {
    const text = breakValid('    attack: wrong-key\n', '    attack: replay\n    expect: { outcome: success, attempts: 1 }\n');
    expect(sendStep(text, 'forged')).toMatchObject({ attack: 'replay', retry: false });
  });

  test.for([
    {
      name: 'a misspelt attack',
      from: '    attack: wrong-key\n',
      to: '    attack: wrong-kye\n',
      problem: { line: 13, column: 13, pointer: '/steps/2/attack', problem: 'must be one of body-changed-after-signing', hint: 'did you mean wrong-key?' },
    },
    {
      name: 'attack on an order step',
      from: '    order: { product: PERIOD, periodType: month, periodNumber: 1 }\n',
      to: '    order: { product: PERIOD, periodType: month, periodNumber: 1 }\n    attack: wrong-key\n',
      problem: { pointer: '/steps/0/attack', problem: '`attack` belongs to a `send` step' },
    },
    {
      name: 'attack with sign overrides',
      from: '    attack: wrong-key\n',
      to: '    attack: wrong-key\n    sign: { nonce: abc }\n',
      problem: { pointer: '/steps/2/sign', problem: '`sign` cannot be combined with `attack`', hint: 'remove `sign`' },
    },
    {
      name: 'attack with retry: true',
      from: '    attack: wrong-key\n',
      to: '    attack: wrong-key\n    retry: true\n',
      problem: { pointer: '/steps/2/retry', problem: 'a forged call is sent once', hint: 'remove `retry`' },
    },
    {
      name: 'an outcome expected of a forged call',
      from: '    attack: wrong-key\n',
      to: '    attack: wrong-key\n    expect: { outcome: production-interface-message }\n',
      problem: { pointer: '/steps/2/expect/outcome', problem: '`expect.outcome` does not apply to a forged call: security.wrong-key judges how the seller answered it' },
    },
    {
      name: 'attack on a kit operation',
      from: '    send: releaseInstance\n    with: { instanceId: "${create.instanceId}" }\n',
      to: '    send: tenantSync\n    with: { instanceId: "${create.instanceId}", tenantId: t, tenantCode: c, name: n, domainName: d, flag: 1 }\n',
      problem: { pointer: '/steps/2/attack', problem: 'defined for V2 basic calls and orderNotify, not for tenantSync', hint: 'attacks for tenantSync: kit-wrong-key, kit-basic-key, kit-timestamp-stale, kit-replay' },
    },
    {
      name: 'noSideEffectOf a misspelt step',
      from: '      noSideEffectOf: forged\n',
      to: '      noSideEffectOf: froged\n',
      problem: { pointer: '/steps/3/expect/noSideEffectOf', problem: '`noSideEffectOf: froged` names no step', hint: 'did you mean forged?' },
    },
    {
      name: 'noSideEffectOf a step without attack',
      from: '      noSideEffectOf: forged\n',
      to: '      noSideEffectOf: create\n',
      problem: { pointer: '/steps/3/expect/noSideEffectOf', problem: 'step create sends no forged call', hint: 'attack steps before this one: forged' },
    },
  ])('$name is one located problem with a hint', ({ from, to, problem }) => {
    const problems = problemsIn(breakValid(from, to));
    expect(problems).toHaveLength(1);
    const [first] = problems;
    expect(first).toMatchObject({ file: 'x.yaml', pointer: problem.pointer });
    expect(first?.problem).toContain(problem.problem);
    if (problem.hint !== undefined) expect(first?.hint).toContain(problem.hint);
    if (problem.line !== undefined) expect([first?.line, first?.column]).toEqual([problem.line, problem.column]);
  });

  test('noSideEffectOf a later attack step is refused', () => {
    const text = `id: t
title: t
steps:
  - id: order
    order: { product: PERIOD }
  - id: check
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    expect: { noSideEffectOf: forged }
  - id: forged
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    attack: nonce-missing
`;
    expect(problemsIn(text).map((p) => p.problem)).toEqual(['`noSideEffectOf: forged` names step forged, which comes later (line 10)']);
  });

  test('attack in a V1 scenario is refused', () => {
    const text = `id: t
title: t
profile: { generation: v1 }
steps:
  - send: queryInstance
    with: { instanceId: i1 }
    attack: signature-missing
`;
    expect(problemsIn(text).map((p) => [p.pointer, p.problem])).toEqual([['/steps/0/attack', 'attack signature-missing is defined for V2 basic calls and orderNotify, not for queryInstance in a V1 scenario']]);
  });

  test('a V1 attack in a V1 scenario is taken; a kit attack on a V2 call is refused', () => {
    const v1 = 'id: t\ntitle: t\nprofile: { generation: v1 }\nsteps:\n  - send: queryInstance\n    with: { instanceId: i1 }\n    attack: v1-wrong-key\n';
    expect(validateScenario(v1, { file: 'x.yaml', schemas }).ok).toBe(true);
    const kitOnV2 = 'id: t\ntitle: t\nsteps:\n  - send: queryInstance\n    with: { instanceId: i1 }\n    attack: kit-wrong-key\n';
    expect(problemsIn(kitOnV2).map((p) => [p.pointer, p.problem, p.hint])).toEqual([['/steps/0/attack', 'attack kit-wrong-key is defined for kit operations, not for queryInstance', expect.stringContaining('attacks for queryInstance: body-changed-after-signing, wrong-key')]]);
  });
});
