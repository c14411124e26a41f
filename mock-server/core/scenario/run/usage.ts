/**
 * The `usage` step: wait, in real time, until the marketplace accepts a usage record the seller
 * pushes for an on-demand instance during the step (`usage.pushed`). The seller meters on its own clock,
 * so this wait never moves virtual time.
 */
import { checkUsagePushed } from '../../checks/usage-pushed.js';
import type { UsageStep } from '../load/model.js';
import { resolveTemplate } from '../load/references.js';
import type { ReportedCheck, StepReport } from './report.js';
import { stepError, type ScenarioState } from './state.js';

const POLL_MS = 100;

const timer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @example
 *   const { report, checks } = await runUsageStep(step, state); // checks: [{ id: 'usage.pushed', ok: true, ... }]
 */
export async function runUsageStep(step: UsageStep, state: ScenarioState): Promise<{ report: StepReport; checks: ReportedCheck[] }> {
  const { deps, scenario } = state;
  const source = deps.usage;
  if (source === undefined) throw stepError(scenario, step, 'this run has no usage push API to watch', 'run the scenario with koomock run, which serves the Open APIs');
  const resolved = resolveTemplate(step.instanceId, state.results);
  if (!resolved.ok || typeof resolved.value !== 'string' || resolved.value === '') {
    throw stepError(scenario, step, resolved.ok ? 'usage.instanceId did not resolve to an instance id' : resolved.problem, 'refer to the newInstance step, e.g. ${create.instanceId}');
  }
  const instanceId = resolved.value;
  const sleep = deps.sleep ?? timer;
  const since = deps.clock.now();
  // Only records accepted during this step count: a later usage step proves usage goes on.
  const fresh = async () => (await source.accepted(instanceId)).filter((r) => r.receivedAt >= since);
  let accepted = await fresh();
  // Counted in sleeps, not read from a clock: the wait ends even where time is fixed (tests).
  for (let waited = 0; accepted.length === 0 && waited < step.withinMs; waited += POLL_MS) {
    await sleep(Math.min(POLL_MS, step.withinMs - waited));
    accepted = await fresh();
  }
  const check = checkUsagePushed({ instanceId, accepted, waitedMs: step.withinMs });
  return {
    report: { id: step.id, title: step.title, status: check.ok ? 'passed' : 'failed', attempts: [] },
    checks: [{ ...check, step: step.id }],
  };
}
