import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { DEFAULT_CATALOG } from '../../../../mock-server/config/defaults.js';
import { KoomockError } from '../../../../mock-server/core/errors.js';
import type { SendStep } from '../../../../mock-server/core/scenario/load/model.js';
import { MAX_SCENARIO_CHARS, parseScenario, validateScenario } from '../../../../mock-server/core/scenario/load/parse.js';
import { problemsOf, type ScenarioProblem } from '../../../../mock-server/core/scenario/load/problems.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'scenarios');
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const schemas = getSchemaRegistry();
const BASE = read('valid-base.yaml');

/** The problems of a text that must be invalid. */
function problemsIn(text: string, file = 'x.yaml', catalog?: typeof DEFAULT_CATALOG): readonly ScenarioProblem[] {
  const r = validateScenario(text, { file, schemas, ...(catalog === undefined ? {} : { catalog }) });
  if (r.ok) throw new Error('expected the scenario to be invalid');
  return r.problems;
}

/** valid-base.yaml with one replacement (which must match exactly once). */
function breakBase(from: string, to: string): string {
  expect(BASE.split(from)).toHaveLength(2);
  return BASE.replace(from, to);
}

describe('parseScenario: broken fixtures (valid-base.yaml with one thing broken)', () => {
  test('the base fixture itself is valid', () => {
    expect(parseScenario(BASE, { file: 'valid-base.yaml', schemas }).id).toBe('fixture-base');
  });

  test.for([
    { name: 'misspelt activity', fixture: 'unknown-activity', line: 9, column: 11, pointer: '/steps/1/send', problem: 'unknown activity `newInstanse`', hint: 'did you mean newInstance?' },
    { name: 'reference to a later step', fixture: 'forward-reference', line: 10, column: 56, pointer: '/steps/1/with/orderLineId', problem: '${renew.orderLineId} refers to step `renew`, which comes later (line 15)', hint: 'a step can only use results of the steps before it' },
    { name: 'reference to its own step', fixture: 'later-reference', line: 19, column: 20, pointer: '/steps/3/with/instanceId', problem: '${renew.instanceId} refers to its own step', hint: 'a step can only use results of the steps before it' },
    { name: 'reference to a missing step', fixture: 'unknown-step', line: 19, column: 20, pointer: '/steps/3/with/instanceId', problem: 'refers to step `crate`, which does not exist', hint: 'did you mean create?' },
    { name: 'reference to a result the step lacks', fixture: 'unknown-result', line: 22, column: 20, pointer: '/steps/3/with/expireTime', problem: '`expiresAt` is not a result of an order step', hint: 'did you mean expireAt?' },
    { name: 'malformed reference', fixture: 'malformed-reference', line: 22, column: 20, pointer: '/steps/3/with/expireTime', problem: 'malformed reference `${order}`', hint: 'write $${ for a literal ${' },
    { name: 'duplicate step id', fixture: 'duplicate-id', line: 15, column: 9, pointer: '/steps/3/id', problem: 'duplicate step id `create`', hint: 'step 2 (line 8) already has it' },
    { name: 'unknown field', fixture: 'unknown-field', line: 11, column: 5, pointer: '/steps/1/expcet', problem: 'unknown field `expcet` in step create', hint: 'did you mean expect?' },
    { name: 'duration with a unit word', fixture: 'bad-duration', line: 14, column: 11, pointer: '/steps/2/wait', problem: '"30 days" is not a duration', hint: 'did you mean 30d?' },
    { name: 'unquoted result code', fixture: 'unquoted-result-code', line: 12, column: 19, pointer: '/steps/1/expect/resultCode', problem: 'must be a string of six digits, received the number 0', hint: 'put it in quotes: "000000"' },
    { name: 'misspelt check id', fixture: 'unknown-check', line: 13, column: 14, pointer: '/steps/1/expect/pass/0', problem: 'unknown check `order.query`', hint: 'did you mean order.queried?' },
    { name: 'field the activity lacks', fixture: 'with-field', line: 10, column: 42, pointer: '/steps/1/with/orderLineID', problem: '`orderLineID` is not a field of newInstance', hint: 'did you mean orderLineId?' },
    { name: 'misspelt fixed value', fixture: 'scene-value', line: 18, column: 14, pointer: '/steps/3/with/scene', problem: '`scene` of refreshInstance must be one of', hint: 'did you mean RENEWAL?' },
    { name: 'V1 activity in a V2 scenario', fixture: 'v1-activity', line: 16, column: 11, pointer: '/steps/3/send', problem: '`expireInstance` is a V1 activity', hint: 'updateInstanceStatus with status FREEZE' },
    { name: 'two actions in one step', fixture: 'two-actions', line: 14, column: 5, pointer: '/steps/2/wait', problem: 'a step has both `send` and `wait`', hint: 'split it into two steps' },
    { name: 'send-only field on a wait step', fixture: 'expect-on-wait', line: 15, column: 5, pointer: '/steps/2/retry', problem: '`retry` belongs to a `send` step, and this is a `wait` step', hint: 'move it to a send step' },
    { name: 'YAML syntax error', fixture: 'yaml-syntax', line: 8, column: 3, pointer: '', problem: 'YAML syntax error', hint: 'add the missing `}` or `]`' },
    { name: 'scenario id not kebab-case', fixture: 'scenario-id', line: 2, column: 5, pointer: '/id', problem: '"Fixture_Base" has the wrong form', hint: 'kebab-case' },
    { name: 'test hook with a bad value', fixture: 'test-hook', line: 7, column: 102, pointer: '/steps/0/order/extendParams/0/value', problem: '`koomock.provisioning` must be `sync` or `async`, received "asnyc"', hint: undefined },
    { name: 'misspelt charging mode', fixture: 'charging-mode', line: 7, column: 23, pointer: '/steps/0/order/product', problem: 'unknown charging mode `PERIDO`', hint: 'did you mean PERIOD?' },
  ])('$name: one problem at its line and column, with a hint', (row) => {
    const file = `fixtures/broken-${row.fixture}.yaml`;
    let error: unknown;
    try {
      parseScenario(read(`broken-${row.fixture}.yaml`), { file, schemas });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KoomockError);
    expect((error as KoomockError).code).toBe('SCENARIO_INVALID');
    expect((error as KoomockError).details).toMatchObject({ file, line: row.line, column: row.column, pointer: row.pointer });
    const problems = problemsOf(error);
    expect(problems).toHaveLength(1);
    const [p] = problems as [ScenarioProblem];
    expect(p.problem).toContain(row.problem);
    if (row.hint === undefined) expect(p.hint).toBeUndefined();
    else expect(p.hint).toContain(row.hint);
    expect((error as KoomockError).message).toBe(`${file}:${row.line}:${row.column}: ${p.problem}${p.hint === undefined ? '' : ` — ${p.hint}`}`);
  });
});

describe('parseScenario: more misuse, each from the base fixture', () => {
  test.for([
    { name: 'order-failed on an activity that cannot fail an order', from: '      pass: [order.queried]\n  - wait', to: '      pass: [order.queried]\n  - wait', extra: ['    expect: { outcome: order-failed }\n'], problem: 'refreshInstance cannot end in order-failed' },
    { name: 'more attempts than retry: false allows', from: '    send: refreshInstance\n', to: '    send: refreshInstance\n    retry: false\n    expect: { attempts: 2 }\n', problem: '`attempts: 2` cannot happen with `retry: false`' },
    { name: 'a regex that does not compile', from: '      pass: [order.queried]', to: '      pass: [order.queried]\n      fields: { resultMsg: { matches: "(" } }', problem: 'is not a regular expression' },
    { name: 'sameAs on a result a send step lacks', from: '      pass: [order.queried]', to: '      pass: [order.queried]\n      sameAs: { instanceID: x }', problem: '`instanceID` is not a result of a send step' },
    { name: 'an unknown signature parameter', from: '    send: refreshInstance\n', to: '    send: refreshInstance\n    sign: { signatur: BAD }\n', problem: '`signatur` is not a signature parameter of refreshInstance' },
    { name: 'an override path with an empty segment', from: '    send: refreshInstance\n', to: '    send: refreshInstance\n    set: { "productInfo..skuCode": x }\n', problem: 'has an empty segment' },
    { name: 'a check listed in pass and fail', from: '      pass: [order.queried]', to: '      pass: [order.queried]\n      fail: [order.queried]', problem: '`order.queried` is listed in both pass and fail' },
    { name: 'a mock order with order options', from: '    order: { product: PERIOD, periodType: month }', to: '    order: { mock: MOCKPERIODYEARNEW, periodType: month }', problem: '`periodType` cannot be set on mock order MOCKPERIODYEARNEW' },
    { name: 'a period on a one-time product', from: 'product: PERIOD', to: 'product: ONE_TIME', problem: 'ONE_TIME products have no period' },
    { name: 'an order without a product', from: '    order: { product: PERIOD, periodType: month }', to: '    order: { periodType: month }', problem: 'an order needs one of `product`, `products`, `mock`' },
    { name: 'a step without an action', from: '  - wait: 30d\n', to: '  - title: nothing\n', problem: 'a step needs one of `order`, `send`, `wait`' },
    { name: 'a mapping where the activity takes a string', from: 'scene: RENEWAL', to: 'scene: { name: RENEWAL }', problem: '`scene` of refreshInstance must be a string, received a mapping' },
    { name: 'a wait of zero', from: 'wait: 30d', to: 'wait: 0', problem: 'must be more than zero' },
    { name: 'a wait longer than ten years', from: 'wait: 30d', to: 'wait: 4000d', problem: 'is longer than 3660d' },
    { name: 'a missing title', from: 'title: Base fixture\n', to: '', problem: 'the scenario has no `title`' },
    { name: 'a wrong type', from: 'periodType: month', to: 'periodType: month, periodNumber: "1"', problem: '`order.periodNumber` must be a whole number, received string "1"' },
    { name: 'an unknown profile option', from: 'title_zh: 基础用例\n', to: 'title_zh: 基础用例\nprofile: { callTimeout: 5s }\n', problem: 'unknown field `callTimeout` in `profile`' },
    { name: 'a profile duration with a unit word', from: 'title_zh: 基础用例\n', to: 'title_zh: 基础用例\nprofile: { callTimeoutMs: 5 seconds }\n', problem: '"5 seconds" is not a duration' },
  ])('rejects $name', (row) => {
    let text = breakBase(row.from, row.to);
    if (row.extra !== undefined) text = text.replace('      expireTime: "${order.expireAt}"\n', `      expireTime: "\${order.expireAt}"\n${row.extra.join('')}`);
    const problems = problemsIn(text);
    expect(problems.map((p) => p.problem).join('\n')).toContain(row.problem);
    expect(problems).toHaveLength(1);
  });

  test('a V2-only activity in a scenario that sets generation v1 names the V1 activity', () => {
    const text = 'id: v1\ntitle: V1\nprofile: { generation: v1 }\nsteps:\n  - send: upgradeInstance\n    with: { instanceId: i-1 }\n';
    const problems = problemsIn(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, column: 11, problem: '`upgradeInstance` does not exist in V1 (the scenario sets profile generation v1)', hint: 'V1 calls it upgrade' });
  });

  test('V1 fields are checked against the V1 activity under generation v1', () => {
    const text = 'id: v1\ntitle: V1\nprofile: { generation: v1 }\nsteps:\n  - send: newInstance\n    with: { orderId: CS1, orderLineId: CS1-000001 }\n';
    expect(problemsIn(text).map((p) => p.problem)).toEqual(['`orderLineId` is not a field of newInstance']);
  });

  test('a productId not in the given catalog is reported with the closest one', () => {
    const [p] = problemsIn(breakBase('product: PERIOD', 'product: OFFI90000000000000001'), 'x.yaml', DEFAULT_CATALOG);
    expect(p?.problem).toBe('product `OFFI90000000000000001` is not in the catalog');
    expect(p?.hint).toContain('did you mean OFFI900000000000000001?');
  });

  test('several problems come in line order, one line each, and details name the first', () => {
    const text = breakBase('send: newInstance', 'send: newInstanse').replace('wait: 30d', 'wait: 30 days');
    let error: KoomockError | undefined;
    try {
      parseScenario(text, { file: 'x.yaml', schemas });
    } catch (e) {
      error = e as KoomockError;
    }
    const lines = error?.message.split('\n') ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^x\.yaml:9:11: unknown activity/);
    expect(lines[1]).toMatch(/^x\.yaml:14:11: `wait`: "30 days" is not a duration/);
    expect(error?.details).toMatchObject({ file: 'x.yaml', line: 9, column: 11, pointer: '/steps/1/send' });
  });

  test.for([
    { name: 'an empty file', text: '', problem: 'the scenario must be a mapping, received null' },
    { name: 'a list instead of a mapping', text: '- a\n- b\n', problem: 'the scenario must be a mapping, received a list' },
    { name: 'two documents in one file', text: `${BASE}---\n${BASE}`, problem: 'YAML syntax error' },
    { name: 'deep nesting', text: `${'['.repeat(5000)}${']'.repeat(5000)}`, problem: 'cannot be read as YAML' },
    { name: 'an alias bomb', text: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`, problem: 'cannot be read as YAML' },
    { name: 'a file larger than a scenario can be', text: `# ${'x'.repeat(MAX_SCENARIO_CHARS)}\n`, problem: 'a scenario has at most' },
  ])('reports $name without crashing', ({ text, problem }) => {
    expect(problemsIn(text)[0]?.problem).toContain(problem);
  });
});

describe('parseScenario: the model of a valid file', () => {
  const scenario = parseScenario(read('valid-full.yaml'), { file: 'valid-full.yaml', schemas });
  const byId = (id: string) => scenario.steps.find((s) => s.id === id);

  test('keeps the scenario header and converts profile durations to milliseconds', () => {
    expect(scenario).toMatchObject({ id: 'fixture-full', title: 'Every feature', titleZh: '全部功能', description: 'Exercises every field of the scenario format.', group: 'security', file: 'valid-full.yaml' });
    expect(scenario.profile).toEqual({ generation: 'v2', callTimeoutMs: 300, retryIntervalMs: 60_000, retryWindowMs: { newInstance: 3_600_000 } });
  });

  test('reads order steps: charging-mode selectors, extendParams as strings, mock orders', () => {
    expect(byId('od')).toMatchObject({
      kind: 'order',
      title: 'two billing items',
      position: { line: 15, column: 5 },
      order: {
        source: 'catalog',
        products: [{ kind: 'chargingMode', chargingMode: 'ON_DEMAND' }, { kind: 'chargingMode', chargingMode: 'ON_DEMAND' }],
        orderType: 'NEW',
        extendParams: [{ name: 'koomock.responseDelayMs', value: '600' }],
        lineExtendParams: [{ name: 'emailDomainName', value: 'example.com' }],
      },
    });
    expect(byId('mock')).toMatchObject({ kind: 'order', order: { source: 'mock', orderId: 'MOCKPERIODYEARNEW' } });
  });

  test('reads a send step with overrides, templates kept for the engine and every expectation', () => {
    const create = byId('create') as SendStep;
    expect(create).toMatchObject({
      kind: 'send',
      activity: 'newInstance',
      with: { orderId: '${od.orderId}', orderLineId: '${od.lines[1].orderLineId}' },
      set: { testFlag: null, extra: '${od.orderId}-x' },
      sign: { nonce: '0123456789abcdef0123456789abcdef' },
      retry: false,
      debug: false,
    });
    expect(create.expect).toEqual({
      resultCode: ['000000', '000004'],
      fields: [
        { path: 'instanceId', segments: ['instanceId'], matcher: { kind: 'present', present: true } },
        { path: 'resultMsg', segments: ['resultMsg'], matcher: { kind: 'equals', value: 'success' } },
        { path: 'appInfo.frontEndUrl', segments: ['appInfo', 'frontEndUrl'], matcher: { kind: 'matches', pattern: '^https?://' } },
        { path: 'body.info[0].instanceId', segments: ['body', 'info', 0, 'instanceId'], matcher: { kind: 'equals', value: '${od.orderId}' } },
      ],
      pass: ['order.queried'],
      fail: ['transport.timeout'],
      outcome: 'success',
      attempts: 1,
      sameAs: { instanceId: '${mock.orderId}' },
    });
  });

  test('fills defaults: generated ids and titles, retry on, the scenario debug flag, outcome success', () => {
    const [wait, query] = scenario.steps.slice(3, 5);
    expect(wait).toEqual({ kind: 'wait', id: 'wait@4', named: false, title: 'wait 90s', position: { line: 44, column: 5 }, ms: 90_000 });
    expect(query).toMatchObject({ id: 'send@5', named: false, title: 'send queryInstance', retry: true, debug: true, set: {}, sign: {} });
    expect((query as SendStep).expect).toEqual({ fields: [], pass: [], fail: [], outcome: 'success', sameAs: {} });
    expect((byId('release') as SendStep).expect.outcome).toBe('production-interface-message');
  });

  test('a minimal file gets group core and no optional header fields', () => {
    const s = parseScenario('id: tiny\ntitle: Tiny\nsteps:\n  - wait: 500\n', { file: 't.yaml', schemas });
    expect(s).toEqual({ id: 'tiny', title: 'Tiny', group: 'core', file: 't.yaml', profile: {}, steps: [{ kind: 'wait', id: 'wait@1', named: false, title: 'wait 500ms', position: { line: 4, column: 5 }, ms: 500 }] });
  });
});
