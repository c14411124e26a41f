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
import { attackFamily, attacksOf, type AttackName } from '../checks/attack-names.js';
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

const FAMILY_CALLS = { v2: 'V2 calls (basic interfaces and orderNotify)', kit: 'kit calls (tenantSync, applicationSync, authSync, singleOrgSync, allOrgSync)', v1: 'V1 calls (profile generation v1)' } as const;

/**
 * Sends one forged call for `spec`. Throws KoomockError for bad input (unknown activity, missing
 * key, an attack of another family) exactly like a valid call would. Replays are not forged here:
 * see `replayCall`.
 * @example
 *   const forged = await sendForgedCall({ activity: 'releaseInstance', url, fields: { instanceId } }, 'wrong-key', deps);
 *   forged.check; // { id: 'security.wrong-key', ok: true, … } when the seller answered 000001
 */
export async function sendForgedCall(spec: CallSpec, attack: AttackName, deps: ProduceDeps): Promise<ForgedCall> {
  const ctx = toBuildContext(deps);
  const attackSpec = ATTACKS[attack];
  const built = buildProduceRequest(spec, ctx);
  // The parser refuses attacks on other families; a programmatic caller gets the same answer.
  const family = attackFamily(attack);
  if (built.family !== family) {
    throw inputError(`attack ${attack} is defined for ${FAMILY_CALLS[family]}, not for ${FAMILY_CALLS[built.family]}; attacks for ${spec.activity}: ${attacksOf(built.family).join(', ')}`, { attack, activity: spec.activity });
  }
  if (attackSpec.replaysValidCall) throw inputError(`attack ${attack} re-sends an accepted call: send the valid call first, then replay it`, { attack });
  const signed = signProduceRequest(built, deps.keys, ctx, spec.signOverrides);
  const tools = createAttackTools({ keys: deps.keys, profile: deps.profile, clock: deps.clock });
  const reason = attackSpec.inapplicable?.(deps.profile, tools);
  if (reason !== undefined) return { attack, check: checkAttackInapplicable(attack, reason), detail: reason };
  const { request, detail } = attackSpec.forge(signed, tools);
  const wire: TransportRequest = { method: request.method, url: request.url, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) };
  return send(wire, { attack, activity: request.activity, detail, signing: request.signing, ...(request.businessId === undefined ? {} : { businessId: request.businessId }), attempt: 1 }, deps);
}

/**
 * Sends an attempt's request again, byte for byte (`replay`, `kit-replay`, `v1-replay`), right after it was accepted.
 * @example
 *   const replayed = await replayCall(outcome.attempts.at(-1), 'replay', deps);
 */
export async function replayCall(previous: AttemptRecord, attack: AttackName, deps: ProduceDeps): Promise<ForgedCall> {
  return send(previous.request, {
    attack,
    activity: previous.activity,
    detail: 'the exact request of the previous, accepted call',
    signing: previous.signing,
    ...(previous.businessId === undefined ? {} : { businessId: previous.businessId }),
    attempt: previous.attempt + 1,
  }, deps);
}
