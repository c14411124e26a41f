/**
 * Builders of realistic RunReports for reporter tests: passing runs, failing runs, and runs whose
 * seller text tries to break a terminal, an XML file or an HTML page.
 */
import { checkHttpStatus } from '../../mock-server/core/checks/http-status.js';
import { checkOrderOutcome } from '../../mock-server/core/checks/order-outcome.js';
import { checkResultCode } from '../../mock-server/core/checks/result-code.js';
import { DEFAULT_PROFILE } from '../../mock-server/core/profile.js';
import type { CheckResult } from '../../mock-server/core/result.js';
import {
  isFailure,
  summarise,
  type ReportedAttempt,
  type ReportedCheck,
  type RunReport,
  type ScenarioReport,
  type StepReport,
} from '../../mock-server/core/scenario/run/report.js';
import { FIXED_TIME } from './fixed-clock.js';

/** Seller text that tries to run script, rewrite a terminal or break XML. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  ansi: '\u001b[2J\u001b[H\u001b[32m✔ all checks passed\u001b[0m',
  osc: '\u001b]0;owned title\u0007',
  controls: 'nul\u0000 bell\u0007 del\u007f c1\u009b31m',
  surrogate: 'lone \ud800 surrogate \udc00',
  bidi: 'user\u202eexe.txt',
  xml: ']]></failure><testcase name="injected"/><!--',
  quotes: `"double" 'single' &amp; &`,
} as const;

/** One string with every hostile piece, as a seller's resultMsg or body might carry it. */
export const HOSTILE_TEXT = Object.values(HOSTILE).join(' | ');

/** A hostile answer body: JSON with a script, markup and escape sequences in resultMsg. */
export const HOSTILE_BODY = `{"resultCode":"000005","resultMsg":"${HOSTILE.script}${HOSTILE.img}","debug":"${HOSTILE.ansi}${HOSTILE.controls}"}`;

export const ok = (check: CheckResult, step: string): ReportedCheck => ({ ...check, ok: true, step });
export const failed = (check: CheckResult, step: string): ReportedCheck => ({ ...check, ok: false, step });
export const warned = (check: CheckResult, step: string): ReportedCheck => ({ ...check, ok: false, severity: 'warn', step });

/** The checks of one clean V2 call that succeeded. */
export function cleanCallChecks(step: string, activity = 'newInstance'): ReportedCheck[] {
  return [
    ok({ id: 'transport.reachable', ok: true, expected: 'a TCP/TLS connection to the production address', received: 'connected' }, step),
    ok({ id: 'transport.timeout', ok: true, expected: 'a complete answer within 20000 ms', received: 'answered in 84 ms' }, step),
    { ...checkHttpStatus(200), step },
    ok({ id: 'http.content-type', ok: true, expected: 'application/json', received: 'application/json;charset=UTF-8' }, step),
    ok({ id: 'body.json', ok: true, expected: 'one UTF-8 JSON object', received: 'a JSON object' }, step),
    ok({ id: 'response.schema', ok: true, expected: `an answer valid against produce/v2/${activity}.response.schema.json`, received: 'valid' }, step),
    { ...checkResultCode(activity, { resultCode: '000000', resultMsg: 'success' }), step },
    ok({ id: 'response.body-sign', ok: true, expected: 'sign_type="HMAC-SHA256", signature="<base64>", if sent', received: 'a valid signature' }, step),
  ];
}

export interface AttemptsInput {
  readonly count: number;
  readonly start?: number;
  readonly intervalMs?: number;
  readonly status?: number;
  readonly resultCode?: string;
  readonly outcome?: ReportedAttempt['outcome'];
  readonly excerpt?: string;
}

/** `count` attempts `intervalMs` apart (default docs/fidelity.md#d13: 3 min), all answering alike. */
export function attempts(input: AttemptsInput): ReportedAttempt[] {
  const start = input.start ?? FIXED_TIME;
  const interval = input.intervalMs ?? 180_000;
  return Array.from({ length: input.count }, (_, i) => ({
    attempt: i + 1,
    at: start + i * interval,
    durationMs: 120 + i,
    outcome: input.outcome ?? 'success',
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.resultCode === undefined ? {} : { resultCode: input.resultCode }),
    ...(input.excerpt === undefined ? {} : { responseExcerpt: input.excerpt }),
    exchangeId: 1000 + i,
  }));
}

export interface StepInput {
  readonly id: string;
  readonly title: string;
  readonly activity?: string;
  /** Derived from the checks when left out: failed if one of them is a failure. */
  readonly status?: StepReport['status'];
  readonly attempts?: readonly ReportedAttempt[];
  readonly checks?: readonly ReportedCheck[];
}

export interface ScenarioInput {
  readonly id: string;
  readonly title: string;
  readonly file?: string;
  readonly durationMs?: number;
  readonly steps: readonly StepInput[];
}

/** A scenario whose status, step statuses and flat check list follow from its steps. */
export function buildScenario(input: ScenarioInput): ScenarioReport {
  const steps: StepReport[] = input.steps.map((s) => ({
    id: s.id,
    title: s.title,
    ...(s.activity === undefined ? {} : { activity: s.activity }),
    status: s.status ?? ((s.checks ?? []).some(isFailure) ? 'failed' : 'passed'),
    attempts: s.attempts ?? [],
  }));
  const checks = input.steps.flatMap((s) => s.checks ?? []);
  return {
    id: input.id,
    title: input.title,
    file: input.file ?? `scenarios/${input.id}.yaml`,
    status: checks.some(isFailure) || steps.some((s) => s.status === 'failed') ? 'failed' : steps.some((s) => s.status === 'skipped') ? 'skipped' : 'passed',
    durationMs: input.durationMs ?? 240,
    steps,
    checks,
  };
}

/** A run over the given scenarios, with a summary computed by the core's `summarise`. */
export function buildRunReport(scenarios: readonly ScenarioReport[], overrides: Partial<RunReport> = {}): RunReport {
  return {
    tool: 'koomock',
    version: '0.1.0',
    startedAt: new Date(FIXED_TIME).toISOString(),
    durationMs: scenarios.reduce((n, s) => n + s.durationMs, 0),
    sellerUrl: 'http://127.0.0.1:8080/saasproduce',
    profile: DEFAULT_PROFILE as unknown as Record<string, unknown>,
    scenarios,
    summary: summarise(scenarios),
    ...overrides,
  };
}

/** A V2 newInstance that succeeds first time, then a re-send (`create#2`) answering the same instanceId. */
export function passingScenario(id = 'newinstance-basic', title = 'New instance: provision and answer 000000'): ScenarioReport {
  const answer = '{"resultCode":"000000","resultMsg":"success","instanceId":"ins-1"}';
  return buildScenario({
    id,
    title,
    steps: [
      {
        id: 'create',
        title: 'Provision the instance, then re-send it with a new businessId',
        activity: 'newInstance',
        attempts: attempts({ count: 1, status: 200, resultCode: '000000', excerpt: answer }),
        checks: [
          ...cleanCallChecks('create'),
          ok({ id: 'instance.idempotent', ok: true, expected: 'instanceId "ins-1" again for CS1/L1', received: '"ins-1"' }, 'create#2'),
        ],
      },
      { id: 'query', title: 'Query the instance', activity: 'queryInstance', attempts: attempts({ count: 1, status: 200, resultCode: '000000' }), checks: cleanCallChecks('query', 'queryInstance') },
    ],
  });
}

/**
 * A seller that answers 000005 with a hostile body for the whole 3-hour window: 61 attempts, a
 * failing result.code, a missing Body-Sign warning, a failed order and a skipped query step.
 */
export function failingScenario(id = 'newinstance-retry', body: string = HOSTILE_BODY): ScenarioReport {
  const clean = cleanCallChecks('create').filter((c) => c.id !== 'result.code' && c.id !== 'response.body-sign');
  return buildScenario({
    id,
    title: 'New instance: the marketplace retries for 3 hours',
    durationMs: 10_800_000,
    steps: [
      {
        id: 'create',
        title: 'Provision the instance',
        activity: 'newInstance',
        attempts: attempts({ count: 61, status: 200, resultCode: '000005', outcome: 'failed', excerpt: body }),
        checks: [
          ...clean,
          { ...checkResultCode('newInstance', { resultCode: '000005', resultMsg: HOSTILE_TEXT }), step: 'create' },
          warned({ id: 'response.body-sign', ok: false, expected: 'sign_type="HMAC-SHA256", signature="<base64>", if sent', received: `malformed: "${HOSTILE_TEXT}"`, hint: 'Send Body-Sign as sign_type="HMAC-SHA256", signature="<base64 HMAC of the body>".' }, 'create'),
        ],
      },
      { id: 'outcome', title: 'The order fails and is refunded', checks: [{ ...checkOrderOutcome({ orderId: 'CS1', expected: 'NORMAL', actual: 'FAILED' }), step: 'outcome' }] },
      { id: 'query', title: 'Query the instance', activity: 'queryInstance', status: 'skipped' },
    ],
  });
}

/** Every scenario passes. */
export const passingRun = (count = 3): RunReport =>
  buildRunReport(Array.from({ length: count }, (_, i) => passingScenario(`newinstance-basic-${i + 1}`, `New instance #${i + 1}: provision and answer 000000`)));

/** `passing` clean scenarios, then one failing hostile one. */
export const failingRun = (passing = 2, body: string = HOSTILE_BODY): RunReport =>
  buildRunReport([...Array.from({ length: passing }, (_, i) => passingScenario(`newinstance-basic-${i + 1}`)), failingScenario('newinstance-retry', body)]);

/** A failover scenario that could run no check here (no second host): its steps are skipped. */
export const skippedScenario = (): ScenarioReport =>
  buildScenario({
    id: 'order-query-failover',
    title: 'Primary host down',
    durationMs: 1,
    steps: [
      { id: 'down', title: 'faults (skipped: no fallback host)', status: 'skipped' },
      { id: 'query', title: 'Query the order', status: 'skipped' },
    ],
  });

/** `passing` clean scenarios, then one skipped scenario: nothing failed, one skipped. */
export const skippingRun = (passing = 2): RunReport =>
  buildRunReport([...Array.from({ length: passing }, (_, i) => passingScenario(`newinstance-basic-${i + 1}`)), skippedScenario()]);
