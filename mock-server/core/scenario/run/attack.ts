/**
 * Forged calls in a scenario (docs/security.md): a step with `attack` sends the valid request
 * broken one way, once, judged by `security.<attack>` only and never booked into the marketplace
 * state (the marketplace did not send it). `replay` is a valid call plus the same bytes again. A
 * later valid call with `expect.noSideEffectOf` proves the forged one changed nothing.
 */
import { type AttackName, isReplayAttack } from '../../checks/attack-names.js';
import { checkNoSideEffect } from '../../checks/security-side-effect.js';
import { isKoomockError } from '../../errors.js';
import type { AttemptRecord } from '../../produce/attempt.js';
import type { CallFinal, CallOutcome } from '../../produce/call-outcome.js';
import type { ProduceDeps } from '../../produce/deps.js';
import { ORDER_FAILING_ACTIVITIES } from '../../produce/retry-policy.js';
import type { CallSpec } from '../../produce/types.js';
import { type ForgedCall, replayCall, sendForgedCall } from '../../security/forged-call.js';
import type { SendStep, SendStepResult } from '../load/model.js';
import { isFailure, type ReportedCheck, type StepRun } from './report.js';
import { toReportedAttempts } from './attempts.js';
import { markExpected } from './attempt-checks.js';
import { evaluateExpectations } from './expect.js';
import { toSentRequest } from './results.js';
import type { PreparedCall } from './spec.js';
import { fieldsHint, stepError, toProduceDeps, type ScenarioState } from './state.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A forged call "ends" in success only when the seller fell for it; otherwise as a failed call of its activity would. */
const finalOf = (activity: string, accepted: boolean): CallFinal =>
  accepted ? 'success' : ORDER_FAILING_ACTIVITIES.has(activity) ? 'order-failed' : 'production-interface-message';

function toForgedResult(spec: CallSpec, record: AttemptRecord | undefined): SendStepResult {
  const body = record?.answer;
  const request = record === undefined ? undefined : toSentRequest(record);
  const instanceId = spec.activity === 'newInstance' ? record?.instanceId : str(spec.fields?.['instanceId']);
  const resultCode = str(body?.['resultCode']);
  const resultMsg = str(body?.['resultMsg']);
  return {
    activity: spec.activity,
    outcome: finalOf(spec.activity, record?.outcome === 'success'),
    attempts: record === undefined ? 0 : 1,
    ...(resultCode === undefined ? {} : { resultCode }),
    ...(resultMsg === undefined ? {} : { resultMsg }),
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(record?.businessId === undefined ? {} : { businessId: record.businessId }),
    ...(body === undefined ? {} : { body }),
    ...(request === undefined ? {} : { request }),
    ...(record?.signing.nonce === undefined ? {} : { nonce: record.signing.nonce }),
  };
}

/**
 * Runs a step whose `attack` is not `replay`.
 * @example
 *   const { report, checks } = await runForgedStep(step, prepared, state); // checks: security.<attack>, then expectations
 */
export async function runForgedStep(step: SendStep, prepared: PreparedCall & { ok: true }, state: ScenarioState): Promise<StepRun> {
  const attack = step.attack;
  if (attack === undefined || isReplayAttack(attack)) throw new Error(`runForgedStep: step ${step.id} forges nothing`);
  const { spec, profile } = prepared;
  let forged: ForgedCall;
  try {
    forged = await sendForgedCall(spec, attack, toProduceDeps(state, step, spec, profile));
  } catch (e) {
    if (isKoomockError(e) && e.code === 'INPUT_INVALID') throw stepError(state.scenario, step, e.message, fieldsHint(state.scenario));
    throw e;
  }
  const result = toForgedResult(spec, forged.record);
  const reported = markExpected([{ ...forged.check, step: step.id }], step.expect.fail);
  const expectations = evaluateExpectations({
    step,
    result,
    sameAs: prepared.sameAs,
    reported,
    failedIds: new Set(forged.check.ok ? [] : [forged.check.id]),
    results: state.results,
    // How a forged call "ends" is security.<attack>'s to judge, not an expectation's.
    outcomeJudged: true,
  });
  const checks = [...reported, ...expectations];
  return {
    report: {
      id: step.id,
      title: step.title,
      activity: step.activity,
      status: checks.some(isFailure) ? 'failed' : 'passed',
      attempts: toReportedAttempts(forged.record === undefined ? [] : [forged.record], state.deps.exchangeIdOf),
    },
    checks,
    result,
  };
}

/**
 * `replay`: the last attempt of the valid call, sent again byte for byte. Nothing is replayed when
 * the valid call was not accepted (its own checks already say why).
 * @example
 *   const replayed = await replayAccepted(outcome, spec.activity, 'replay', produceDeps);
 */
export async function replayAccepted(outcome: CallOutcome, activity: string, attack: AttackName, deps: ProduceDeps): Promise<ForgedCall | undefined> {
  const last = outcome.attempts.filter((a) => a.activity === activity).at(-1);
  if (last === undefined || last.outcome === 'failed') return undefined;
  return replayCall(last, attack, deps);
}

/**
 * `expect.noSideEffectOf`: this valid call's failures (and, after a forged newInstance, getting the
 * instanceId the forged call was given) fail the attack's `security.<attack>` check on this step.
 * Empty when the step names no attack step or that step did not run.
 * @example
 *   const extra = noSideEffectChecks(step, state, [...reported, ...expectations], result);
 */
export function noSideEffectChecks(step: SendStep, state: ScenarioState, checks: readonly ReportedCheck[], result: SendStepResult | undefined): ReportedCheck[] {
  const forgedId = step.expect.noSideEffectOf;
  if (forgedId === undefined) return [];
  const forgedStep = state.scenario.steps.find((s): s is SendStep => s.id === forgedId && s.kind === 'send');
  const forged = state.results[forgedId] as SendStepResult | undefined;
  if (forgedStep?.attack === undefined || forged === undefined) return [];
  const failures = checks.filter((c) => isFailure(c) && !c.id.startsWith('security.'));
  // A replay step's result is the valid call's: its answer says nothing about the replayed bytes.
  const answer: Partial<SendStepResult> = isReplayAttack(forgedStep.attack) ? {} : forged;
  const check = checkNoSideEffect({
    attack: forgedStep.attack,
    forgedStep: forgedId,
    forgedActivity: forgedStep.activity,
    ...(answer.resultCode === undefined ? {} : { forgedResultCode: answer.resultCode }),
    ...(forgedStep.activity === 'newInstance' && answer.instanceId !== undefined ? { forgedInstanceId: answer.instanceId } : {}),
    activity: step.activity,
    ...(step.activity === 'newInstance' && result?.instanceId !== undefined ? { instanceId: result.instanceId } : {}),
    failures,
  });
  return markExpected([{ ...check, step: step.id }], step.expect.fail);
}
