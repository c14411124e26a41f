import type { ReportedCheck, ScenarioReport, StepReport } from '../../../core/scenario/run/report.js';

/** A step with its checks, or (when `step` is undefined) checks whose step id names no step. */
export interface StepGroup {
  readonly id: string;
  readonly step?: StepReport;
  readonly checks: readonly ReportedCheck[];
}

// `create#2` is a re-send of step `create`: its checks belong there.
const baseStepId = (checkStep: string): string => checkStep.split('#')[0] ?? checkStep;

/**
 * The checks of a scenario under the steps that produced them, in step order; checks naming no step
 * follow in a group of their own, so nothing a reporter receives is dropped.
 * @example
 *   groupChecks(scenario).map((g) => [g.id, g.checks.length]); // [['create', 4], ['query', 0]]
 */
export function groupChecks(scenario: ScenarioReport): StepGroup[] {
  const byStep = new Map<string, ReportedCheck[]>(scenario.steps.map((s) => [s.id, []]));
  const orphans = new Map<string, ReportedCheck[]>();
  for (const check of scenario.checks) {
    const list = byStep.get(check.step) ?? byStep.get(baseStepId(check.step));
    if (list !== undefined) list.push(check);
    else orphans.set(check.step, [...(orphans.get(check.step) ?? []), check]);
  }
  const shown = new Set<string>();
  return [
    // A step id used twice keeps its checks with the first step of that id, never both.
    ...scenario.steps.map((step) => {
      const checks = shown.has(step.id) ? [] : (byStep.get(step.id) ?? []);
      shown.add(step.id);
      return { id: step.id, step, checks };
    }),
    ...[...orphans].map(([id, checks]) => ({ id, checks })),
  ];
}
