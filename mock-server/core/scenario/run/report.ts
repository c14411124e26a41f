import type { CheckResult } from '../../result.js';
import type { SendStepResult } from '../load/model.js';

/** A check as reported: which step produced it. */
export interface ReportedCheck extends CheckResult {
  /** Step id within its scenario, e.g. `create` or `create#2` for a re-send. */
  readonly step: string;
}

/** One HTTP exchange summarised for a report (full bodies live in the journal). */
export interface ReportedAttempt {
  readonly attempt: number;
  /** Virtual time of the attempt, ms since the epoch. */
  readonly at: number;
  readonly status?: number;
  readonly resultCode?: string;
  readonly outcome: 'success' | 'pending' | 'refused' | 'failed';
  readonly durationMs: number;
  /** The seller's answer, cut to a readable length; untrusted text. */
  readonly responseExcerpt?: string;
  readonly exchangeId?: number;
}

export interface StepReport {
  readonly id: string;
  readonly title: string;
  /** The Chinese title the scenario file gives (`title_zh`). */
  readonly titleZh?: string;
  readonly activity?: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly attempts: readonly ReportedAttempt[];
}

export interface ScenarioReport {
  readonly id: string;
  readonly title: string;
  /** The Chinese title the scenario file gives (`title_zh`). */
  readonly titleZh?: string;
  /** File the scenario came from, relative to the working directory. */
  readonly file?: string;
  /**
   * `skipped`: nothing failed, but a step could not do its job against this seller or here (not
   * applicable, or no host to fail over to). Never counted as passed.
   */
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  readonly steps: readonly StepReport[];
  /** Every check of every step, flat, in order. */
  readonly checks: readonly ReportedCheck[];
}

export interface RunSummary {
  readonly scenarios: number;
  readonly scenariosFailed: number;
  /** Scenarios that neither failed nor passed (see isSkippedScenario): never counted as passed. */
  readonly scenariosSkipped: number;
  readonly checks: number;
  readonly checksFailed: number;
  readonly warnings: number;
}

/** The whole run, as every reporter (pretty, JUnit, JSON, HTML) receives it. */
export interface RunReport {
  readonly tool: 'koomock';
  readonly version: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly sellerUrl: string;
  /** The fidelity profile values the run used (docs/fidelity.md). */
  readonly profile: Readonly<Record<string, unknown>>;
  readonly scenarios: readonly ScenarioReport[];
  readonly summary: RunSummary;
}

/** A failed check fails its scenario unless it is a warning. */
export const isFailure = (c: CheckResult): boolean => !c.ok && c.severity !== 'warn';

export function summarise(scenarios: readonly ScenarioReport[]): RunSummary {
  const checks = scenarios.flatMap((s) => s.checks);
  return {
    scenarios: scenarios.length,
    scenariosFailed: scenarios.filter((s) => s.status === 'failed').length,
    scenariosSkipped: scenarios.filter(isSkippedScenario).length,
    checks: checks.length,
    checksFailed: checks.filter(isFailure).length,
    warnings: checks.filter((c) => !c.ok && c.severity === 'warn').length,
  };
}

/**
 * A scenario that could not do its job here (a failover scenario without a second host, an
 * asynchronous-provisioning scenario against a seller that provisions synchronously). It does not
 * fail the run, but a reader must not take it for a pass.
 */
export const isSkippedScenario = (s: ScenarioReport): boolean => s.status === 'skipped';

/**
 * The status of a scenario from its steps and checks: failed when a check failed, else skipped
 * when a step was skipped (not applicable to this seller, or not runnable here), else passed.
 * @example
 *   scenarioStatus(steps, checks); // 'passed' | 'failed' | 'skipped'
 */
export const scenarioStatus = (steps: readonly StepReport[], checks: readonly CheckResult[]): ScenarioReport['status'] =>
  checks.some(isFailure) ? 'failed' : steps.some((s) => s.status === 'skipped') ? 'skipped' : 'passed';

/** What running one send step gives the engine: its report, its checks, and its result for later references. */
export interface StepRun {
  readonly report: StepReport;
  readonly checks: readonly ReportedCheck[];
  readonly result?: SendStepResult;
}

/** How a scenario is counted and shown in every report: passed, failed or skipped. */
export const scenarioOutcome = (s: ScenarioReport): 'passed' | 'failed' | 'skipped' => s.status;
