/**
 * The scenario engine: plays the marketplace against a seller, step by step, on the virtual clock,
 * and says check by check whether KooGallery would accept what the seller did. Pure: the seller,
 * the marketplace state, the journal and time come in through `EngineDeps`.
 */
import { createRunMemory, type EngineDeps, type RunMemory } from './engine-types.js';
import type { Scenario, Step } from '../load/model.js';
import { isFailure, type ReportedCheck, type RunReport, type ScenarioReport, scenarioStatus, type StepReport, summarise } from './report.js';
import { checkOpenApiDuring, closeScenarioFaults, openStepWindow, runFaultsStep } from './open-api.js';
import { runOrderStep } from './order.js';
import { runSendStep } from './send.js';
import { runUsageStep } from './usage.js';
import { runSsoStep } from './sso.js';
import { runAgentStep } from './agent.js';
import { type ScenarioState, toScenarioProfile } from './state.js';

/** Why a scenario cannot run against this seller: it needs something the run was not told the seller does. */
const needsUnavailable = (scenario: Scenario, deps: EngineDeps): string | undefined => {
  if (scenario.requires?.includes('usage-push') === true && deps.sellerPushesUsage !== true) return 'needs a seller that pushes usage; run with --seller-pushes-usage';
  if (scenario.requires?.includes('agent-backend') === true && deps.agent === undefined) return 'needs an Agents backend; set agent.url, agent.ak and agent.sk (docs/agents.md)';
  if (deps.sso === undefined && scenario.steps.some((s) => s.kind === 'sso')) return "needs the seller's single sign-on entry; set seller.loginUrl";
  return undefined;
};

/** `${koomock.url}`: the base URL of koomock's primary platform host, for scenarios that name it. */
async function koomockResults(scenario: Scenario, deps: EngineDeps): Promise<Record<string, unknown>> {
  if (deps.openApi === undefined || !JSON.stringify(scenario.steps).includes('${koomock.')) return {};
  const hosts = await deps.openApi.hosts();
  const url = hosts[deps.openApi.hostNames[0] ?? ''] ?? Object.values(hosts)[0];
  return url === undefined ? {} : { koomock: { url: url.replace(/\/+$/, '') } };
}

const passed = (step: Step): StepReport => ({ id: step.id, title: step.title, status: 'passed', attempts: [] });
const skippedStep = (step: Step): StepReport => ({ id: step.id, title: step.title, status: 'skipped', attempts: [] });

/** The step reports with the Chinese titles of their scenario file's steps (a `(skipped: …)` tail is kept). */
const withZhTitles = (scenario: Scenario, steps: readonly StepReport[]): StepReport[] =>
  steps.map((r) => {
    const step = scenario.steps.find((s) => s.id === r.id);
    if (step?.titleZh === undefined) return r;
    return { ...r, titleZh: r.title.startsWith(step.title) ? `${step.titleZh}${r.title.slice(step.title.length)}` : step.titleZh };
  });
const zhTitleOf = (scenario: Scenario): { titleZh?: string } => (scenario.titleZh === undefined ? {} : { titleZh: scenario.titleZh });

export interface ScenarioPlay {
  readonly report: ScenarioReport;
  /** Step id -> OrderStepResult or SendStepResult (steps that ran). */
  readonly results: Readonly<Record<string, unknown>>;
}

/**
 * Runs one scenario. Seller mistakes end up as failed checks; a scenario koomock cannot run (a
 * catalog without the ordered product, fields a builder refuses) throws SCENARIO_INVALID.
 * @example
 *   const report = await runScenario(scenario, deps);
 *   report.status; // 'passed' | 'failed'
 */
export async function runScenario(scenario: Scenario, deps: EngineDeps, memory: RunMemory = createRunMemory()): Promise<ScenarioReport> {
  return (await playScenario(scenario, deps, memory)).report;
}

/**
 * Like `runScenario`, with the step results too (a single `send` wants the instanceId it got).
 * @example
 *   const { report, results } = await playScenario(toSingleCallScenario({ activity: 'newInstance' }), deps);
 */
export async function playScenario(scenario: Scenario, deps: EngineDeps, memory: RunMemory = createRunMemory()): Promise<ScenarioPlay> {
  const startedWall = deps.clock.wallNow();
  const state: ScenarioState = {
    scenario,
    deps,
    memory,
    profile: toScenarioProfile(deps.profile, scenario.profile),
    results: await koomockResults(scenario, deps),
    orders: new Map(),
  };
  const steps: StepReport[] = [];
  const checks: ReportedCheck[] = [];
  // Set when a faults step cannot do its job here (no host to fail over to): the rest is skipped.
  const unmet = needsUnavailable(scenario, deps);
  let skipReason: string | undefined = unmet;
  try {
    for (const step of scenario.steps) {
      if (skipReason !== undefined) {
        // The first step says why a scenario whose requirement this run does not meet was skipped.
        steps.push(unmet !== undefined && steps.length === 0 ? { ...skippedStep(step), title: `${step.title} (skipped: ${unmet})` } : skippedStep(step));
        continue;
      }
      if (step.kind === 'wait') {
        deps.clock.advance(step.ms);
        steps.push(passed(step));
        continue;
      }
      if (step.kind === 'order') {
        state.results[step.id] = await runOrderStep(step, state);
        steps.push(passed(step));
        continue;
      }
      if (step.kind === 'usage') {
        const run = await runUsageStep(step, state);
        steps.push(run.report);
        checks.push(...run.checks);
        continue;
      }
      if (step.kind === 'sso') {
        const run = await runSsoStep(step, state);
        steps.push(run.report);
        checks.push(...run.checks);
        continue;
      }
      if (step.kind === 'agent') {
        const run = await runAgentStep(step, state);
        steps.push(run.report);
        checks.push(...run.checks);
        continue;
      }
      if (step.kind === 'faults') {
        const run = await runFaultsStep(step, state);
        steps.push(run.report);
        skipReason = run.skipReason;
        continue;
      }
      const window = await openStepWindow(state, step);
      const run = await runSendStep(step, state, checks.some(isFailure));
      if (run.result !== undefined) state.results[step.id] = run.result;
      const openApiChecks = await checkOpenApiDuring(step, window, state);
      steps.push(openApiChecks.some(isFailure) && run.report.status === 'passed' ? { ...run.report, status: 'failed' } : run.report);
      checks.push(...run.checks, ...openApiChecks);
    }
  } catch (e) {
    // The scenario's rules must not outlive it; the first error is still the one to report.
    await closeScenarioFaults(state).catch(() => undefined);
    throw e;
  }
  await closeScenarioFaults(state);
  const report: ScenarioReport = {
    id: scenario.id,
    title: scenario.title,
    ...zhTitleOf(scenario),
    file: scenario.file,
    status: scenarioStatus(steps, checks),
    durationMs: Math.max(0, deps.clock.wallNow() - startedWall),
    steps: withZhTitles(scenario, steps),
    checks,
  };
  return { report, results: state.results };
}

export interface RunOptions {
  /** koomock's version, for the report. */
  readonly version: string;
  /** Wall-clock ms (deps.clock.wallNow) after which no further scenario starts; each is reported as not run. */
  readonly deadline?: number;
  /** How the deadline was given, for the message, e.g. `--deadline 30m`. */
  readonly deadlineText?: string;
}

export const RUN_DEADLINE = 'run.deadline';

/** A scenario the run had no time left for: failed, every step skipped, one `run.deadline` check. */
function notRun(scenario: Scenario, text: string): ScenarioReport {
  const check: ReportedCheck = {
    id: RUN_DEADLINE,
    ok: false,
    step: scenario.steps[0]?.id ?? 'run',
    expected: `the scenario runs before the run's deadline (${text})`,
    received: 'not run: the deadline had passed when its turn came',
    hint: 'A seller that hangs makes every call wait for the call timeout: fix the scenarios that failed with transport.* first, or give the run more time with --deadline',
  };
  return { id: scenario.id, title: scenario.title, ...zhTitleOf(scenario), file: scenario.file, status: 'failed', durationMs: 0, steps: withZhTitles(scenario, scenario.steps.map(skippedStep)), checks: [check] };
}

/**
 * Runs scenarios one after the other (they share the seller, so never in parallel) into the report
 * every reporter takes. Re-sends across scenarios still probe idempotency: the run remembers instances.
 * @example
 *   const report = await runScenarios(loadShippedScenarios(), deps, { version: '0.1.0' });
 *   report.summary.checksFailed; // 0
 */
export async function runScenarios(scenarios: readonly Scenario[], deps: EngineDeps, options: RunOptions): Promise<RunReport> {
  const startedWall = deps.clock.wallNow();
  const memory = createRunMemory();
  const reports: ScenarioReport[] = [];
  const total = scenarios.length;
  for (const [index, scenario] of scenarios.entries()) {
    deps.onEvent?.({ kind: 'scenario-start', id: scenario.id, title: scenario.title, index, total });
    const late = options.deadline !== undefined && deps.clock.wallNow() >= options.deadline;
    const report = late ? notRun(scenario, options.deadlineText ?? 'the run deadline') : await runScenario(scenario, deps, memory);
    reports.push(report);
    deps.onEvent?.({ kind: 'scenario-end', report, index, total });
  }
  return {
    tool: 'koomock',
    version: options.version,
    startedAt: new Date(startedWall).toISOString(),
    durationMs: Math.max(0, deps.clock.wallNow() - startedWall),
    sellerUrl: deps.sellerUrl,
    profile: { ...deps.profile },
    scenarios: reports,
    summary: summarise(reports),
  };
}
