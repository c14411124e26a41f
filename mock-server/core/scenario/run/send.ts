/**
 * The `send` step: one produce call with the marketplace's retries, booked into the marketplace
 * state, judged by the produce checks, the call-level checks and the step's expectations.
 */
import { isReplayAttack } from '../../checks/attack-names.js';
import { isKoomockError } from '../../errors.js';
import type { ProduceDeps } from '../../produce/deps.js';
import { runProduceCall } from '../../produce/retry.js';
import type { CallOutcome } from '../../produce/call-outcome.js';
import type { CallSpec } from '../../produce/types.js';
import type { SendStep } from '../load/model.js';
import { isFailure, type ReportedCheck, type StepRun } from './report.js';
import { noSideEffectChecks, replayAccepted, runForgedStep } from './attack.js';
import { toReportedAttempts } from './attempts.js';
import { bookOutcome } from './book.js';
import { isOutcomeJudged, runCallChecks } from './call-checks.js';
import { failedCheckIds, markExpected, toAttemptChecks } from './attempt-checks.js';
import { evaluateExpectations } from './expect.js';
import { type CallSubject, type IdempotencySubject, toCallSubject, toIdempotencySubject } from './idempotency.js';
import { splitAttempts, toSendStepResult } from './results.js';
import { prepareCall } from './spec.js';
import { registerSyncedClient } from './oauth-registration.js';
import { fieldsHint, stepError, toProduceDeps, type ScenarioState } from './state.js';

/** Reported when a reference has no value although nothing failed before (docs/scenarios.md). */
export const SCENARIO_REFERENCE = 'scenario.reference';

const skipped = (step: SendStep, checks: ReportedCheck[] = []): StepRun => ({
  report: { id: step.id, title: step.title, activity: step.activity, status: 'skipped', attempts: [] },
  checks,
});

async function call(step: SendStep, spec: CallSpec, deps: ProduceDeps, keyed: IdempotencySubject | undefined, previous: string | undefined, state: ScenarioState): Promise<CallOutcome> {
  try {
    return await runProduceCall(spec, deps, {
      ...(previous === undefined ? {} : { previousInstanceId: previous }),
      ...(keyed === undefined ? {} : { idempotencyKey: keyed.words }),
      ...(step.dropAnswers > 0 ? { dropAnswers: step.dropAnswers } : {}),
    });
  } catch (e) {
    // The builder refused the step's fields: the scenario's mistake, located at the step.
    if (isKoomockError(e) && e.code === 'INPUT_INVALID') throw stepError(state.scenario, step, e.message, fieldsHint(state.scenario));
    throw e;
  }
}

/**
 * Runs a send step. `scenarioFailed` says whether an earlier step failed: a reference that has no
 * value is then a consequence (the step is skipped quietly), otherwise it is reported.
 * @example
 *   const { report, checks, result } = await runSendStep(step, state, false);
 */
export async function runSendStep(step: SendStep, state: ScenarioState, scenarioFailed: boolean): Promise<StepRun> {
  const prepared = prepareCall(step, state);
  if (!prepared.ok) {
    if (scenarioFailed) return skipped(step);
    return skipped(step, [
      {
        id: SCENARIO_REFERENCE,
        ok: false,
        step: step.id,
        expected: `a value for ${prepared.reference}`,
        received: prepared.problem,
        hint: 'the referenced step ran but its result lacks this value: check the seller answer of that step, or the path in the scenario',
      },
    ]);
  }
  const { spec, profile } = prepared;
  if (step.attack !== undefined && !isReplayAttack(step.attack)) return runForgedStep(step, prepared, state);
  const { deps, memory } = state;
  const generation = spec.generation ?? profile.generation;
  const fields = spec.fields ?? {};
  const keyed = step.activity === 'newInstance' ? toIdempotencySubject(fields, state, generation) : undefined;
  const subject: CallSubject | undefined = keyed ?? toCallSubject(fields, state);
  const probe = prepared.sameAs['instanceId'];
  const known = keyed === undefined ? undefined : memory.instances.get(keyed.key)?.instanceId;
  const previous = step.activity === 'newInstance' ? (typeof probe === 'string' ? probe : known) : undefined;
  const produceDeps = toProduceDeps(state, step, spec, profile);
  await registerSyncedClient(spec, state);
  const outcome = await call(step, spec, produceDeps, keyed, previous, state);
  await bookOutcome(spec, outcome, state, keyed ?? subject);
  if (outcome.interfaceMessage !== undefined) {
    const last = outcome.attempts[outcome.attempts.length - 1];
    const exchangeId = last === undefined ? undefined : deps.exchangeIdOf?.(last.request);
    deps.onEvent?.({ kind: 'interface-message', scenario: state.scenario.id, step: step.id, message: outcome.interfaceMessage, ...(exchangeId === undefined ? {} : { exchangeId }) });
  }
  // `replay`: the accepted call's bytes once more, judged by security.replay (docs/security.md).
  const replayed = step.attack !== undefined && isReplayAttack(step.attack) ? await replayAccepted(outcome, spec.activity, step.attack, produceDeps) : undefined;
  const result = toSendStepResult(spec, outcome);
  const { main, polls } = splitAttempts(outcome, spec.activity);
  const callChecks = await runCallChecks(step, outcome, subject, state);
  const failedIds = failedCheckIds(outcome.attempts);
  for (const c of callChecks) if (!c.ok) failedIds.add(c.id);
  if (replayed !== undefined && !replayed.check.ok) failedIds.add(replayed.check.id);
  const reported: ReportedCheck[] = [
    ...toAttemptChecks(step.id, main, polls, step.expect.fail),
    ...markExpected(callChecks.map((c) => ({ ...c, step: step.id })), step.expect.fail),
    ...(replayed === undefined ? [] : markExpected([{ ...replayed.check, step: `${step.id}#replay` }], step.expect.fail)),
  ];
  // `onlyIf`: a seller that answered otherwise is not wrong, the step just does not apply to it.
  const notApplicable = step.onlyIf !== undefined && outcome.final === 'success' && !step.onlyIf.resultCode.includes(result.resultCode ?? '');
  const expectations = notApplicable ? [] : evaluateExpectations({
    step,
    result,
    sameAs: prepared.sameAs,
    reported,
    failedIds,
    results: state.results,
    outcomeJudged: isOutcomeJudged(step, subject, state),
  });
  const checks = [...reported, ...expectations, ...noSideEffectChecks(step, state, [...reported, ...expectations], result)];
  const failed = checks.some(isFailure);
  return {
    report: {
      id: step.id,
      title: notApplicable && !failed ? `${step.title} (not applicable: ${step.onlyIf?.otherwise ?? ''})` : step.title,
      activity: step.activity,
      status: failed ? 'failed' : notApplicable ? 'skipped' : 'passed',
      attempts: toReportedAttempts(replayed?.record === undefined ? outcome.attempts : [...outcome.attempts, replayed.record], deps.exchangeIdOf),
    },
    checks,
    result,
  };
}
