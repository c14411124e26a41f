import { checkPollAppInfo } from '../checks/poll-appinfo.js';
import { checkResponseInstances } from '../checks/response-instances.js';
import { type AttemptRecord, runAttempt } from './attempt.js';
import type { CallOutcome } from './call-outcome.js';
import type { ProduceDeps } from './deps.js';
import { giveUp } from './give-up.js';
import { pollPolicy, waitUntil } from './retry-policy.js';
import { earlyStop } from './transport-give-up.js';
import type { CallSpec } from './types.js';
import { isObject } from '../is-object.js';

/** The `info[]` entry of `instanceId` in a queryInstance answer, if the seller sent one. */
function findEntry(answer: Readonly<Record<string, unknown>> | undefined, instanceId: string): Record<string, unknown> | undefined {
  if (answer === undefined || !Array.isArray(answer.info)) return undefined;
  for (const entry of answer.info as unknown[]) if (isObject(entry) && entry.instanceId === instanceId) return entry;
  return undefined;
}

/** The `appInfo` of `instanceId` in a queryInstance answer, if the seller sent it. */
export function findAppInfo(answer: Readonly<Record<string, unknown>> | undefined, instanceId: string): Record<string, unknown> | undefined {
  const entry = findEntry(answer, instanceId);
  return entry !== undefined && isObject(entry.appInfo) ? entry.appInfo : undefined;
}

const queryOf = (spec: CallSpec, instanceId: string): CallSpec => ({
  activity: 'queryInstance',
  url: spec.url,
  fields: { instanceId },
  ...(spec.debugFlag === undefined ? {} : { debugFlag: spec.debugFlag }),
  ...(spec.generation === undefined ? {} : { generation: spec.generation }),
});

/** A queryInstance answer that lists the instance ends the poll; it says whether appInfo came too. */
const withPollChecks = (record: AttemptRecord, instanceId: string): AttemptRecord =>
  record.outcome !== 'success' || record.answer === undefined
    ? record
    : { ...record, checks: [...record.checks, checkResponseInstances(record.answer, [instanceId]), checkPollAppInfo(instanceId, findAppInfo(record.answer, instanceId))] };

/**
 * After newInstance answered 000004: poll queryInstance every pollIntervalMs (virtual) for up to
 * pollWindowMs until `info[]` lists the instance. An entry without `appInfo` ends the poll too (the
 * login details may go by SMS or e-mail: `poll.appinfo` warns). Never listed fails the order (docs/fidelity.md#d10, #answer-rules-and-timing).
 */
export async function pollForAppInfo(
  spec: CallSpec,
  deps: ProduceDeps,
  state: { readonly attempts: AttemptRecord[]; readonly instanceId: string; readonly startedAt: number },
): Promise<CallOutcome> {
  const { clock } = deps;
  const { windowMs, intervalMs } = pollPolicy(deps.profile);
  const { attempts, instanceId, startedAt } = state;
  const query = queryOf(spec, instanceId);
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
    polls.push(record);
    const listed = record.outcome === 'success' && findEntry(record.answer, instanceId) !== undefined;
    attempts.push(listed ? withPollChecks(record, instanceId) : record);
    if (listed) {
      const appInfo = findAppInfo(record.answer, instanceId);
      return { activity: spec.activity, attempts, final: 'success', instanceId, ...(appInfo === undefined ? {} : { appInfo }), startedAt, endedAt: clock.now() };
    }
  }
  const within = stopNote === undefined ? `within ${Math.round(windowMs / 60_000)} min` : `(${stopNote})`;
  const reason = `newInstance answered 000004 but queryInstance did not list instanceId ${JSON.stringify(instanceId)} in info[] ${within}`;
  const outcome = giveUp(spec, attempts, reason, startedAt, clock.now(), instanceId);
  return stopNote === undefined ? outcome : { ...outcome, stoppedEarly: stopNote };
}

/**
 * After newInstance answered 000000 (V2): the marketplace asks queryInstance once for the instance
 * information, as it does after every provisioning (produce-api.md §3.2). Its checks are the
 * step's (`create#poll`); the call stays a success whatever it answers, since the instance exists.
 */
export async function confirmWithQuery(spec: CallSpec, deps: ProduceDeps, outcome: CallOutcome & { readonly instanceId: string }): Promise<CallOutcome> {
  const record = await runAttempt(queryOf(spec, outcome.instanceId), deps, { attempt: 1 });
  const checked = withPollChecks(record, outcome.instanceId);
  const appInfo = outcome.appInfo ?? findAppInfo(record.answer, outcome.instanceId);
  return { ...outcome, attempts: [...outcome.attempts, checked], ...(appInfo === undefined ? {} : { appInfo }), endedAt: deps.clock.now() };
}
