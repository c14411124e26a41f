/**
 * The second half of `security.<attack>`: a valid follow-up call shows no trace of the forged one.
 * koomock cannot see the seller's state, so the proof goes through the protocol: after a forged
 * releaseInstance the instance is still there with its appInfo; after a forged newInstance the
 * valid one for the same order line succeeds with an instanceId the forged call was not given.
 */
import type { CheckResult } from '../result.js';
import { acceptedSeverity, type AttackName, securityCheckId } from './attack-names.js';
import { ATTACK_TEXTS } from './attack-texts.js';
import { cut } from './cut.js';

export interface SideEffectInput {
  readonly attack: AttackName;
  /** Step id of the forged call. */
  readonly forgedStep: string;
  readonly forgedActivity: string;
  /** The resultCode the seller gave the forged call, when it gave one (and it is known). */
  readonly forgedResultCode?: string;
  /** The instanceId in the forged call's answer (newInstance), when there was one. */
  readonly forgedInstanceId?: string;
  /** The valid follow-up. */
  readonly activity: string;
  /** The instanceId the follow-up newInstance was given. */
  readonly instanceId?: string;
  /** Checks of the follow-up that failed (the seller's answer and the step's expectations); warnings left out. */
  readonly failures: readonly CheckResult[];
}

const describe = (c: CheckResult): string => cut(`${c.id}: expected ${c.expected ?? '?'}, received ${c.received ?? '?'}`, 300);

/**
 * @example
 *   checkNoSideEffect({ attack: 'wrong-key', forgedStep: 'forged', forgedActivity: 'releaseInstance',
 *     forgedResultCode: '000001', activity: 'queryInstance', failures: [fieldCheck] }).ok; // false
 */
export function checkNoSideEffect(input: SideEffectInput): CheckResult {
  const { attack, forgedStep, forgedActivity, forgedResultCode, forgedInstanceId, activity, instanceId, failures } = input;
  const id = securityCheckId(attack);
  const expected = `no trace of the forged ${forgedActivity} (step ${forgedStep}) in a valid ${activity}`;
  const answered = forgedResultCode === undefined ? 'The seller' : forgedResultCode === '000000' ? 'The seller accepted the forged call (000000) and' : `The seller answered the forged call ${forgedResultCode} but`;
  const hint = `${answered} acted on it: verify the signature, timestamp and nonce first, before reading ids from the body or changing anything, and change nothing when verification fails. For this forgery: ${ATTACK_TEXTS[attack].must}.`;
  if (forgedInstanceId !== undefined && instanceId !== undefined && forgedInstanceId === instanceId) {
    return { id, ok: false, expected, received: `the valid ${activity} got instanceId ${JSON.stringify(cut(instanceId, 80))}, the one the forged call was given: the forged call created the instance`, hint };
  }
  const first = failures[0];
  if (first === undefined) return { id, ok: true, expected, received: `the valid ${activity} shows none` };
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed check(s))` : '';
  // Acting on a call the seller was free to accept (a stale V1 timeStamp) weighs what accepting it weighs.
  const warnOnly = acceptedSeverity(attack) === 'warn' && (forgedResultCode === '000000' || forgedResultCode === '000004');
  return { id, ok: false, ...(warnOnly ? { severity: 'warn' as const } : {}), expected, received: `the valid ${activity} shows one: ${describe(first)}${more}`, hint };
}
