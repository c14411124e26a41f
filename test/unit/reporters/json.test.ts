import { describe, expect, test } from 'vitest';
import { toJsonReport } from '../../../mock-server/adapters/cli/reporters/json.js';
import { getSchemaRegistry } from '../../../mock-server/config/schemas-fs.js';
import type { RunReport } from '../../../mock-server/core/scenario/run/report.js';
import { buildRunReport, failingRun, HOSTILE_TEXT, passingRun, skippingRun } from '../../support/sample-report.js';

const SCHEMA = 'report.schema.json';
const validate = (value: unknown) => getSchemaRegistry().validate(SCHEMA, value);

type Json = Record<string, unknown>;
/** A fresh, mutable copy of a valid report as parsed from the JSON reporter's output. */
const valid = (): Json => JSON.parse(toJsonReport(failingRun(1))) as Json;

/** The value at a JSON pointer (arrays are indexed by their string keys too). */
const get = (root: unknown, pointer: string): unknown =>
  pointer === '' ? root : pointer.split('/').slice(1).reduce<unknown>((v, k) => (v as Json)[k], root);

const REMOVE = Symbol('remove');
function change(root: unknown, pointer: string, value: unknown): void {
  const cut = pointer.lastIndexOf('/');
  const parent = get(root, pointer.slice(0, cut)) as Json;
  const key = pointer.slice(cut + 1);
  if (value === REMOVE) delete parent[key];
  else parent[key] = value;
}

describe('toJsonReport', () => {
  test.for([
    ['a passing run', passingRun(3)],
    ['a failing run with hostile seller text', failingRun(2)],
    ['an empty run', buildRunReport([])],
    ['a run with a skipped scenario', skippingRun(2)],
  ] as const)('writes %s valid against report.schema.json', ([, report]) => {
    expect(validate(JSON.parse(toJsonReport(report)))).toEqual({ ok: true });
  });

  test('is JSON.stringify(report, null, 2) with a final newline, and parses back to the same report', () => {
    const report = failingRun(1);
    const text = toJsonReport(report);
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(report);
  });

  test('gives every scenario an id, a status and a flat list of checks with their step', () => {
    const retry = get(valid(), '/scenarios/1') as { checks: Json[] };
    expect(retry).toMatchObject({ id: 'newinstance-retry', status: 'failed' });
    expect(retry.checks.find((c) => c['id'] === 'result.code')).toMatchObject({ ok: false, step: 'create', expected: expect.any(String), received: expect.any(String), hint: expect.any(String) });
  });

  test('writes a scenario that ran no check as skipped, and counts it in the summary as skipped, not passed', () => {
    const json = JSON.parse(toJsonReport(skippingRun(2))) as RunReport;
    expect(json.scenarios.map((s) => s.status)).toEqual(['passed', 'passed', 'skipped']);
    expect(json.summary).toMatchObject({ scenarios: 3, scenariosFailed: 0, scenariosSkipped: 1 });
  });

  test('keeps seller text intact but inert: control characters and lone surrogates are JSON escapes', () => {
    const text = toJsonReport(buildRunReport([], { sellerUrl: HOSTILE_TEXT }));
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]|[\uD800-\uDFFF]/);
    expect((JSON.parse(text) as RunReport).sellerUrl).toBe(HOSTILE_TEXT);
  });

  test('writes a bigint in the profile as a string instead of throwing', () => {
    const text = toJsonReport(buildRunReport([], { profile: { big: 10n } }));
    expect(get(JSON.parse(text), '/profile')).toEqual({ big: '10' });
  });
});

describe('report.schema.json', () => {
  test('accepts the untouched sample', () => {
    expect(validate(valid())).toEqual({ ok: true });
  });

  test.for([
    ['a scenario status outside passed|failed', '/scenarios/0/status', 'ok', '/scenarios/0/status', 'enum'],
    ['a check without its step', '/scenarios/1/checks/0/step', REMOVE, '/scenarios/1/checks/0/step', 'required'],
    ['a check id that is not dotted lower case', '/scenarios/1/checks/0/id', 'HTTP STATUS', '/scenarios/1/checks/0/id', 'pattern'],
    ['a passed scenario with a failing check', '/scenarios/1/status', 'passed', '/scenarios/1/checks', 'not'],
    ['an unknown top-level field', '/extra', 1, '/', 'additionalProperties'],
    ['a negative count in the summary', '/summary/warnings', -1, '/summary/warnings', 'minimum'],
    ['an attempt outcome outside success|pending|failed', '/scenarios/1/steps/0/attempts/0/outcome', 'timeout', '/scenarios/1/steps/0/attempts/0/outcome', 'enum'],
    ['a start time that is not a date-time', '/startedAt', 'yesterday', '/startedAt', 'format'],
  ] as const)('rejects %s', ([, where, value, pointer, rule]) => {
    const report = valid();
    change(report, where, value);
    const result = validate(report);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => [v.pointer === '' ? '/' : v.pointer, v.rule])).toEqual([[pointer, rule]]);
  });

  test('accepts a passed scenario whose only failed check is a warning', () => {
    const report = valid();
    change(report, '/scenarios/0/checks/0/ok', false);
    change(report, '/scenarios/0/checks/0/severity', 'warn');
    expect(validate(report)).toEqual({ ok: true });
  });

  test('--lang zh: titles, expected, received and hint in Chinese, every id, key, status and code as in English', () => {
    const report = failingRun(1);
    const en = JSON.parse(toJsonReport(report)) as { scenarios: { title: string; steps: { title: string }[]; checks: Json[] }[] };
    const zh = JSON.parse(toJsonReport(report, 'zh')) as typeof en & { lang?: string };
    expect(validate(zh)).toEqual({ ok: true });
    expect(zh.lang).toBe('zh');
    expect(en).not.toHaveProperty('lang');
    const keysAndCodes = (r: typeof en) => r.scenarios.map((s) => s.checks.map((c) => [Object.keys(c).sort(), c['id'], c['ok'], c['step'], c['severity']]));
    expect(keysAndCodes(zh)).toEqual(keysAndCodes(en));
    const received = zh.scenarios.flatMap((s) => s.checks).find((c) => c['id'] === 'transport.timeout' && c['step'] === 'create');
    expect(received?.['received']).toMatch(/ms 内应答$/);
    expect(zh.scenarios[1]?.checks.find((c) => c['id'] === 'order.outcome')?.['hint']).toMatch(/[\u4e00-\u9fff]/);
  });
});
