import { type AttemptRecord, runAttempt } from './attempt.js';
import type { CallOutcome } from './call-outcome.js';
import type { ProduceDeps } from './deps.js';
import { giveUp } from './give-up.js';
import { pollPolicy, waitUntil } from './retry-policy.js';
import { earlyStop } from './transport-give-up.js';
import type { CallSpec } from './types.js';
import { isObject } from '../is-object.js';

/** The `appInfo` of `instanceId` in a queryInstance answer, if the seller sent it. */
export function findAppInfo(answer: Readonly<Record<string, unknown>> | undefined, instanceId: string): Record<string, unknown> | undefined {
  if (answer === undefined || !Array.isArray(answer.info)) return undefined;
  for (const entry of answer.info as unknown[]) {
    if (isObject(entry) && entry.instanceId === instanceId && isObject(entry.appInfo)) return entry.appInfo;
  }
  return undefined;
}

/**
 * After newInstance answered 000004: poll queryInstance every pollIntervalMs (virtual) for up to
 * pollWindowMs until `info[].appInfo` arrives for the instance (docs/fidelity.md#d10). Never arriving fails the order.
 */
export async function pollForAppInfo(
  spec: CallSpec,
  deps: ProduceDeps,
  state: { readonly attempts: AttemptRecord[]; readonly instanceId: string; readonly startedAt: number },
): Promise<CallOutcome> {
  const { clock } = deps;
  const { windowMs, intervalMs } = pollPolicy(deps.profile);
  const { attempts, instanceId, startedAt } = state;
  const query: CallSpec = {
    activity: 'queryInstance',
    url: spec.url,
    fields: { instanceId },
    ...(spec.debugFlag === undefined ? {} : { debugFlag: spec.debugFlag }),
    ...(spec.generation === undefined ? {} : { generation: spec.generation }),
  };
  const pollStart = clock.now();
  const polls: AttemptRecord[] = [];
  let stopNote: string | undefined;
  for (let k = 1; ; k += 1) {
    const next = pollStart + k * intervalMs;
    if (next - pollStart > windowMs) break;
    const stop = earlyStop(polls, { giveUpAfter: deps.profile.transportGiveUpAfter, startedAt: pollStart, windowMs, intervalMs, what: 'polled' });
    if (stop !== undefined) {
      waitUntil(clock, stop.lastPlannedAt);
      stopNote = stop.note;
      break;
    }
    waitUntil(clock, next);
    const record = await runAttempt(query, deps, { attempt: k });
    attempts.push(record);
    polls.push(record);
    const appInfo = record.outcome === 'success' ? findAppInfo(record.answer, instanceId) : undefined;
    if (appInfo !== undefined) {
      return { activity: spec.activity, attempts, final: 'success', instanceId, appInfo, startedAt, endedAt: clock.now() };
    }
  }
  const within = stopNote === undefined ? `within ${Math.round(windowMs / 60_000)} min` : `(${stopNote})`;
  const reason = `newInstance answered 000004 but queryInstance returned no info[].appInfo for instanceId ${JSON.stringify(instanceId)} ${within}`;
  const outcome = giveUp(spec, attempts, reason, startedAt, clock.now(), instanceId);
  return stopNote === undefined ? outcome : { ...outcome, stoppedEarly: stopNote };
}
