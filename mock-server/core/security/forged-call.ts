/**
 * Sending a forged produce call: build and sign the valid request, apply the attack, send it once
 * (never retried: the marketplace did not send it), judge the answer with `security.<attack>`, and
 * journal the exchange. The marketplace state is not touched: the caller books nothing.
 */
import { decodeBody, parseJsonText } from '../checks/body-json.js';
import { checkAttackInapplicable, checkForgeryRejected } from '../checks/security-forgery.js';
import { inputError } from '../errors.js';
import { buildProduceRequest } from '../produce/activities.js';
import { type AttemptRecord, toExchange, toRecordedExchange } from '../produce/attempt.js';
import { toBuildContext } from '../produce/build-context.js';
import type { ProduceDeps } from '../produce/deps.js';
import type { TransportRequest } from '../ports.js';
import { signProduceRequest } from '../produce/sign-request.js';
import type { CallSpec, SigningInfo } from '../produce/types.js';
import type { CheckResult } from '../result.js';
import type { AttackName } from '../checks/attack-names.js';
import { createAttackTools } from './attack-tools.js';
import { ATTACKS } from './attacks.js';
import { isObject } from '../is-object.js';

/** A forged call as sent and judged; `record` is undefined when the attack did not apply (nothing sent). */
export interface ForgedCall {
  readonly attack: AttackName;
  readonly check: CheckResult;
  readonly record?: AttemptRecord;
  /** What was broken, in words. */
  readonly detail: string;
}

interface Meta {
  readonly attack: AttackName;
  readonly activity: string;
  readonly detail: string;
  readonly signing: SigningInfo;
  readonly businessId?: string;
  readonly attempt: number;
}


async function send(request: TransportRequest, meta: Meta, deps: ProduceDeps): Promise<ForgedCall> {
  const at = deps.clock.now();
  const wallAt = deps.clock.wallNow();
  const result = await deps.transport.send(request, { timeoutMs: deps.profile.callTimeoutMs });
  let value: Record<string, unknown> | undefined;
  if (result.kind === 'response' && result.status === 200 && !result.truncated) {
    const parsed = parseJsonText(decodeBody(result.body).text);
    if (parsed.ok && isObject(parsed.value)) value = parsed.value;
  }
  const check = checkForgeryRejected({ attack: meta.attack, activity: meta.activity, detail: meta.detail, result, ...(value === undefined ? {} : { value }) });
  const accepted = value !== undefined && (value['resultCode'] === '000000' || value['resultCode'] === '000004');
  const record: AttemptRecord = {
    activity: meta.activity,
    attempt: meta.attempt,
    at,
    wallAt,
    request,
    ...toRecordedExchange(result),
    durationMs: result.durationMs,
    checks: [check],
    // The call "succeeded" only if the seller fell for it.
    outcome: accepted ? 'success' : 'failed',
    signing: meta.signing,
    ...(meta.businessId === undefined ? {} : { businessId: meta.businessId }),
    ...(value === undefined ? {} : { answer: value }),
    ...(typeof value?.['instanceId'] === 'string' ? { instanceId: value['instanceId'] } : {}),
  };
  await deps.sink?.record(toExchange(record));
  return { attack: meta.attack, check, record, detail: meta.detail };
}

/**
 * Sends one forged call for `spec` (V2). Throws KoomockError for bad input (unknown activity,
 * missing key) exactly like a valid call would. `replay` is not forged here: see `replayCall`.
 * @example
 *   const forged = await sendForgedCall({ activity: 'releaseInstance', url, fields: { instanceId } }, 'wrong-key', deps);
 *   forged.check; // { id: 'security.wrong-key', ok: true, … } when the seller answered 000001
 */
export async function sendForgedCall(spec: CallSpec, attack: Exclude<AttackName, 'replay'>, deps: ProduceDeps): Promise<ForgedCall> {
  const ctx = toBuildContext(deps);
  const attackSpec = ATTACKS[attack];
  const built = buildProduceRequest(spec, ctx);
  // The parser refuses attacks on other families; a programmatic caller gets the same answer.
  if (built.family !== 'v2') throw inputError(`attack ${attack} is defined for V2 calls (basic interfaces and orderNotify), not for ${built.family === 'kit' ? 'kit' : 'V1'} calls`, { attack, activity: spec.activity });
  const signed = signProduceRequest(built, deps.keys, ctx, spec.signOverrides);
  const reason = attackSpec.inapplicable?.(deps.profile);
  if (reason !== undefined) return { attack, check: checkAttackInapplicable(attack, reason), detail: reason };
  const { request, detail } = attackSpec.forge(signed, createAttackTools({ keys: deps.keys, profile: deps.profile, clock: deps.clock }));
  const wire: TransportRequest = { method: request.method, url: request.url, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) };
  return send(wire, { attack, activity: request.activity, detail, signing: request.signing, ...(request.businessId === undefined ? {} : { businessId: request.businessId }), attempt: 1 }, deps);
}

/**
 * Sends an attempt's request again, byte for byte (`replay`), right after it was accepted.
 * @example
 *   const replayed = await replayCall(outcome.attempts.at(-1), deps);
 */
export async function replayCall(previous: AttemptRecord, deps: ProduceDeps): Promise<ForgedCall> {
  return send(previous.request, {
    attack: 'replay',
    activity: previous.activity,
    detail: 'the exact request of the previous, accepted call',
    signing: previous.signing,
    ...(previous.businessId === undefined ? {} : { businessId: previous.businessId }),
    attempt: previous.attempt + 1,
  }, deps);
}
