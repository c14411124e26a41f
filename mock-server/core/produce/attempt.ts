import { decodeBody } from '../checks/body-json.js';
import { marketTimeoutCheck } from '../checks/market-timeout.js';
import { isDefinitive, isRefusal, RESULT_CODE, RESULT_PENDING } from '../checks/result-code.js';
import type { FidelityProfile } from '../profile.js';
import type { CheckResult } from '../result.js';
import { buildProduceRequest } from './activities.js';
import { checkAnswer, passesPlatform } from './answer-checks.js';
import { toBuildContext } from './build-context.js';
import type { ProduceDeps } from './deps.js';
import type { ProduceExchange, TransportResult } from '../ports.js';
import { keyFor } from './seller-keys.js';
import { signProduceRequest } from './sign-request.js';
import type { CallSpec, SigningInfo } from './types.js';

/** At most this many characters of an answer body are kept in a record. */
export const RECORD_BODY_MAX_CHARS = 16 * 1024;

/** One attempt of a call: the exchange as journaled, plus what later steps need from the answer. */
export interface AttemptRecord extends ProduceExchange {
  /** The fresh businessId of this attempt, when the activity carries one. */
  readonly businessId?: string;
  readonly signing: SigningInfo;
  /** The answer as a JSON object, when it was one. */
  readonly answer?: Readonly<Record<string, unknown>>;
  /** `instanceId` of the answer, when it is a string. */
  readonly instanceId?: string;
}

export interface AttemptContext {
  /** 1-based attempt number within the call. */
  readonly attempt: number;
  /** newInstance: the instanceId issued first for this order line, and the idempotency key in words (docs/fidelity.md#d16). */
  readonly idempotency?: { readonly key: string; readonly previous: string | undefined };
  /**
   * A marketplace-side timeout made by koomock: the answer is received and judged, then dropped as
   * if it came too late, so the attempt counts as failed and the call is retried.
   */
  readonly dropAnswer?: boolean;
}

const capText = (text: string): string =>
  text.length <= RECORD_BODY_MAX_CHARS ? text : `${text.slice(0, RECORD_BODY_MAX_CHARS)}… (+${text.length - RECORD_BODY_MAX_CHARS} chars)`;

/** What an attempt record keeps of the exchange: the answer (body text capped) or the transport error. */
export const toRecordedExchange = (result: TransportResult): Pick<AttemptRecord, 'response' | 'error'> =>
  result.kind === 'response'
    ? { response: { status: result.status, headers: result.headers, body: capText(decodeBody(result.body).text), truncated: result.truncated } }
    : { error: { error: result.error, message: result.message } };

function outcomeOf(checks: readonly CheckResult[], answer: Readonly<Record<string, unknown>> | undefined, activity: string, profile: FidelityProfile): AttemptRecord['outcome'] {
  const code = answer?.resultCode;
  // A definitive refusal ends the call when the profile says so (docs/fidelity.md), if nothing else failed.
  if (profile.definitiveCodes === 'final' && isDefinitive(activity, code) && passesPlatform(checks.filter((c) => c.id !== RESULT_CODE))) return 'refused';
  if (!passesPlatform(checks)) return 'failed';
  if (isRefusal(activity, code)) return 'refused';
  const pending = activity === 'newInstance' && answer?.resultCode === RESULT_PENDING;
  // A pending answer without an instanceId gives koomock nothing to poll for.
  if (pending) return typeof answer?.instanceId === 'string' ? 'pending' : 'failed';
  return 'success';
}

/**
 * One attempt: build (fresh businessId), sign (fresh nonce and wall-clock timestamp), send, check,
 * journal. Never throws for anything the seller does; throws KoomockError for bad input (unknown
 * activity, missing field, missing key).
 * @example
 *   const record = await runAttempt({ activity: 'newInstance', url, fields: { orderId, orderLineId } }, deps, { attempt: 1 });
 *   record.outcome; // 'success' | 'pending' | 'refused' | 'failed'
 */
export async function runAttempt(spec: CallSpec, deps: ProduceDeps, context: AttemptContext): Promise<AttemptRecord> {
  const ctx = toBuildContext(deps);
  const built = buildProduceRequest(spec, ctx);
  const key = keyFor(built.keyCategory, deps.keys);
  const at = deps.clock.now();
  const wallAt = deps.clock.wallNow();
  const signed = signProduceRequest(built, deps.keys, ctx, spec.signOverrides);
  const request = { method: signed.method, url: signed.url, headers: signed.headers, ...(signed.body === undefined ? {} : { body: signed.body }) };
  const result = await deps.transport.send(request, { timeoutMs: deps.profile.callTimeoutMs });
  const { checks, value } = checkAnswer({
    family: signed.family,
    activity: signed.activity,
    address: signed.address,
    url: signed.url,
    result,
    profile: deps.profile,
    key,
    schemas: deps.schemas,
    ...(context.idempotency === undefined ? {} : { idempotency: context.idempotency }),
    ...(signed.family === 'v1' && signed.params !== undefined ? { v1Params: { ...signed.params, timeStamp: signed.signing.timestamp } } : {}),
  });
  const record: AttemptRecord = {
    activity: signed.activity,
    attempt: context.attempt,
    at,
    wallAt,
    request,
    ...toRecordedExchange(result),
    durationMs: result.durationMs,
    checks: context.dropAnswer === true ? [...checks, marketTimeoutCheck(context.attempt)] : checks,
    outcome: context.dropAnswer === true ? 'failed' : outcomeOf(checks, value, signed.activity, deps.profile),
    signing: signed.signing,
    ...(signed.businessId === undefined ? {} : { businessId: signed.businessId }),
    ...(value === undefined ? {} : { answer: value }),
    ...(typeof value?.instanceId === 'string' ? { instanceId: value.instanceId } : {}),
  };
  await deps.sink?.record(toExchange(record));
  return record;
}

/** The journaled part of a record (the parsed answer is left out: the body text is there). */
export function toExchange(record: AttemptRecord): ProduceExchange {
  const { activity, attempt, at, wallAt, request, response, error, durationMs, checks, outcome } = record;
  return {
    activity,
    attempt,
    at,
    wallAt,
    request,
    ...(response === undefined ? {} : { response }),
    ...(error === undefined ? {} : { error }),
    durationMs,
    checks,
    outcome,
  };
}
