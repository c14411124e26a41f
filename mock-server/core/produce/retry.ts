import { type AttemptRecord, runAttempt } from './attempt.js';
import { type CallOutcome, summariseFailure } from './call-outcome.js';
import type { ProduceDeps } from './deps.js';
import { giveUp } from './give-up.js';
import { confirmWithQuery, pollForAppInfo } from './poll.js';
import { ORDER_FAILING_ACTIVITIES, retryPolicy, waitUntil } from './retry-policy.js';
import { earlyStop } from './transport-give-up.js';
import type { CallSpec } from './types.js';

export interface CallOptions {
  /** newInstance: the instanceId the seller issued earlier for this order line (an idempotency probe). */
  readonly previousInstanceId?: string;
  /** newInstance: the idempotency key in words; default `orderId … + orderLineId …` (V1: `orderId …`). */
  readonly idempotencyKey?: string;
  /** A marketplace-side timeout: the answers of the first N attempts are dropped after they arrive (docs/fidelity.md). */
  readonly dropAnswers?: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function idempotencyKeyOf(spec: CallSpec, deps: ProduceDeps, given: string | undefined): string {
  if (given !== undefined) return given;
  const orderId = str(spec.fields?.orderId) ?? '?';
  const v1 = (spec.generation ?? deps.profile.generation) === 'v1';
  return v1 ? `orderId ${orderId}` : `orderId ${orderId} + orderLineId ${str(spec.fields?.orderLineId) ?? '?'}`;
}

/**
 * One produce call with the marketplace's retries (docs/fidelity.md#d10, docs/fidelity.md#d12 to #d15): failed attempts are repeated every
 * retry interval on the VIRTUAL clock within the activity's window, each with a fresh businessId,
 * nonce and timestamp. A newInstance 000004 switches to polling queryInstance until `info[]` lists
 * the instance; a newInstance 000000 is followed by one queryInstance, as on the platform. A refusal
 * (changeInstanceCheck non-000000) ends the call at once, `refused`. When the window runs out,
 * newInstance/upgradeInstance end `order-failed` (the caller fails and refunds the order), every
 * other activity a `production-interface-message`.
 * @example
 *   const outcome = await runProduceCall({ activity: 'newInstance', url, fields: { orderId, orderLineId } }, deps);
 *   outcome.final; // 'success' | 'order-failed' | 'production-interface-message'
 */
export async function runProduceCall(spec: CallSpec, deps: ProduceDeps, options: CallOptions = {}): Promise<CallOutcome> {
  const { clock } = deps;
  const { windowMs, intervalMs } = retryPolicy(spec.activity, deps.profile);
  const startedAt = clock.now();
  const attempts: AttemptRecord[] = [];
  const isNew = spec.activity === 'newInstance';
  const idemKey = idempotencyKeyOf(spec, deps, options.idempotencyKey);
  let firstInstanceId = options.previousInstanceId;
  let stopNote: string | undefined;
  for (let n = 1; ; n += 1) {
    const record = await runAttempt(spec, deps, {
      attempt: n,
      ...(isNew ? { idempotency: { key: idemKey, previous: firstInstanceId } } : {}),
      ...(n <= (options.dropAnswers ?? 0) ? { dropAnswer: true } : {}),
    });
    attempts.push(record);
    // A dropped answer's instanceId counts too: the seller created it, the retry must return it.
    if (isNew && firstInstanceId === undefined && record.instanceId !== undefined) firstInstanceId = record.instanceId;
    if (record.outcome === 'success') {
      const appInfo = record.answer?.appInfo;
      const outcome: CallOutcome = {
        activity: spec.activity,
        attempts,
        final: 'success',
        ...(record.instanceId === undefined ? {} : { instanceId: record.instanceId }),
        ...(typeof appInfo === 'object' && appInfo !== null && !Array.isArray(appInfo) ? { appInfo: appInfo as Record<string, unknown> } : {}),
        startedAt,
        endedAt: clock.now(),
      };
      const v2 = (spec.generation ?? deps.profile.generation) === 'v2';
      return isNew && v2 && record.instanceId !== undefined ? confirmWithQuery(spec, deps, { ...outcome, instanceId: record.instanceId }) : outcome;
    }
    if (record.outcome === 'refused') {
      const code = String(record.answer?.resultCode ?? '?');
      if (ORDER_FAILING_ACTIVITIES.has(spec.activity)) return giveUp(spec, attempts, `definitive refusal ${code}: not retried (profile definitiveCodes=final)`, startedAt, clock.now(), firstInstanceId);
      return { activity: spec.activity, attempts, final: 'refused', startedAt, endedAt: clock.now() };
    }
    if (record.outcome === 'pending' && record.instanceId !== undefined) {
      return pollForAppInfo(spec, deps, { attempts, instanceId: record.instanceId, startedAt });
    }
    const next = startedAt + n * intervalMs;
    if (windowMs <= 0 || next - startedAt > windowMs) break;
    const stop = earlyStop(attempts, { giveUpAfter: deps.profile.transportGiveUpAfter, startedAt, windowMs, intervalMs, what: 'retried' });
    if (stop !== undefined) {
      waitUntil(clock, stop.lastPlannedAt);
      stopNote = stop.note;
      break;
    }
    waitUntil(clock, next);
  }
  const last = attempts[attempts.length - 1] as AttemptRecord;
  const within = `no attempt succeeded within ${Math.round(windowMs / 60_000)} min (${attempts.length} attempt(s))`;
  const reason = `${stopNote === undefined ? within : `no attempt succeeded: ${stopNote}`}; last: ${summariseFailure(last.checks)}`;
  const outcome = giveUp(spec, attempts, reason, startedAt, clock.now(), firstInstanceId);
  return stopNote === undefined ? outcome : { ...outcome, stoppedEarly: stopNote };
}
