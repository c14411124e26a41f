/**
 * A send step's `expect:` block as checks. The seller's answers were already judged by the produce
 * checks; these add what the scenario asks on top: result codes, fields of the result, how the call
 * ended, how many attempts it took, values equal to earlier ones, and which checks must have run.
 */
import { cut, quoted } from '../../checks/cut.js';
import { CHECKS } from '../../checks/catalog.js';
import type { CheckResult } from '../../result.js';
import type { FieldExpectation, SendStep, SendStepResult } from '../load/model.js';
import { parsePath, resolveTemplate } from '../load/references.js';
import { valueAtPath } from '../../schemas/located-yaml.js';
import type { ReportedCheck } from './report.js';

/** Ids of the expectation checks (docs/scenarios.md). */
export const EXPECT_CHECKS = {
  resultCode: 'expect.result-code',
  field: 'expect.field',
  outcome: 'expect.outcome',
  attempts: 'expect.attempts',
  sameAs: 'expect.same-as',
} as const;

export interface ExpectInput {
  readonly step: SendStep;
  readonly result: SendStepResult;
  /** `expect.sameAs` with references resolved. */
  readonly sameAs: Readonly<Record<string, unknown>>;
  /** Every check reported for the step so far (attempts and engine checks). */
  readonly reported: readonly ReportedCheck[];
  /** Check ids that failed in any attempt (before expected failures were turned into passes). */
  readonly failedIds: ReadonlySet<string>;
  /** Earlier results, for references inside `fields` matchers. */
  readonly results: Readonly<Record<string, unknown>>;
  /** `order.outcome` already judged how the call ended (newInstance/upgradeInstance on a placed order). */
  readonly outcomeJudged: boolean;
}

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

function fieldCheck(f: FieldExpectation, result: SendStepResult, results: Readonly<Record<string, unknown>>): CheckResult {
  const actual = valueAtPath(result, f.segments);
  const base = { id: EXPECT_CHECKS.field, received: `${f.path} = ${quoted(actual)}` };
  const m = f.matcher;
  if (m.kind === 'present') {
    const present = actual !== undefined && actual !== null;
    const ok = present === m.present;
    return { ...base, ok, expected: `${f.path} ${m.present ? 'present' : 'absent'}`, ...(ok ? {} : { hint: m.present ? `the answer has no ${f.path}: see the step's response.schema check and the answer` : `the answer should not carry ${f.path}` }) };
  }
  if (m.kind === 'matches') {
    const ok = typeof actual === 'string' && new RegExp(m.pattern).test(actual);
    return { ...base, ok, expected: `${f.path} matching /${m.pattern}/`, ...(ok ? {} : { hint: `the scenario wants ${f.path} to match /${m.pattern}/` }) };
  }
  const wanted = resolveTemplate(m.value, results);
  if (!wanted.ok) return { ...base, ok: false, expected: `${f.path} equal to ${wanted.reference}`, hint: wanted.problem };
  const ok = same(actual, wanted.value);
  return { ...base, ok, expected: `${f.path} = ${quoted(wanted.value)}`, ...(ok ? {} : { hint: `the scenario wants ${f.path} to equal ${quoted(wanted.value)}` }) };
}

function outcomeCheck(step: SendStep, result: SendStepResult): CheckResult {
  const wanted = step.expect.outcome;
  const ok = result.outcome === wanted;
  const hint =
    result.outcome === 'production-interface-message'
      ? 'no attempt succeeded within the retry window, so the marketplace lists the call under 生产接口消息 (production interface messages) for a manual restart; fix the first failing check of the attempts'
      : `the scenario expects the call to end ${wanted}`;
  return { id: EXPECT_CHECKS.outcome, ok, expected: `${step.activity} ends ${wanted}`, received: `${result.outcome} after ${result.attempts} attempt(s)`, ...(ok ? {} : { hint }) };
}

function listedChecks(input: ExpectInput): CheckResult[] {
  const { step, reported, failedIds } = input;
  const out: CheckResult[] = [];
  for (const id of step.expect.pass) {
    if (reported.some((c) => c.id === id && (c.step === step.id || c.step === `${step.id}#poll`))) continue;
    out.push({ id, ok: false, expected: `${id} runs and passes in this step (expect.pass): ${CHECKS[id] ?? id}`, received: 'the check did not run', hint: `${id} runs only where it applies; see docs/checks.md for when it runs` });
  }
  for (const id of step.expect.fail) {
    if (failedIds.has(id)) continue;
    out.push({ id, ok: false, expected: `${id} fails in at least one attempt (expect.fail)`, received: 'it passed in every attempt (or did not run)', hint: `the scenario expects the seller to trip ${id}: check the test hooks the scenario sends (extendParams koomock.*)` });
  }
  return out;
}

/**
 * The expectation checks of one send step, in the order they are written in docs/scenarios.md.
 * @example
 *   evaluateExpectations({ step, result, sameAs, reported, failedIds, results, outcomeJudged: true });
 */
export function evaluateExpectations(input: ExpectInput): ReportedCheck[] {
  const { step, result } = input;
  const e = step.expect;
  const checks: CheckResult[] = [];
  if (e.resultCode !== undefined) {
    const ok = result.resultCode !== undefined && e.resultCode.includes(result.resultCode);
    checks.push({ id: EXPECT_CHECKS.resultCode, ok, expected: `resultCode ${e.resultCode.join(' or ')}`, received: quoted(result.resultCode), ...(ok ? {} : { hint: `the scenario expects ${step.activity} to answer resultCode ${e.resultCode.join(' or ')}` }) });
  }
  for (const f of e.fields) checks.push(fieldCheck(f, result, input.results));
  // Said only when the scenario asks for another ending, or the call did not end as expected.
  const outcome = outcomeCheck(step, result);
  if (!input.outcomeJudged && (!outcome.ok || e.outcome !== 'success')) checks.push(outcome);
  if (e.attempts !== undefined) {
    const ok = result.attempts === e.attempts;
    checks.push({ id: EXPECT_CHECKS.attempts, ok, expected: `${e.attempts} attempt(s) of ${step.activity}`, received: `${result.attempts}`, ...(ok ? {} : { hint: 'the number of attempts shows how often the marketplace had to retry: see the failing checks of the earlier attempts' }) });
  }
  for (const [path, wanted] of Object.entries(input.sameAs)) {
    // newInstance's instanceId is the idempotency probe: instance.idempotent judged it.
    if (step.activity === 'newInstance' && path === 'instanceId') continue;
    const actual = valueAtPath(result, parsePath(path) ?? [path]);
    const ok = same(actual, wanted);
    checks.push({ id: EXPECT_CHECKS.sameAs, ok, expected: `${path} = ${quoted(wanted)}`, received: cut(actual), ...(ok ? {} : { hint: `${path} must stay the same as in the earlier step` }) });
  }
  checks.push(...listedChecks(input));
  return checks.map((c) => ({ ...c, step: step.id }));
}
