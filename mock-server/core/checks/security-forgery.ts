/**
 * `security.<attack>`: how the seller answered a forged produce call. Rejecting it with `000001`
 * passes; any other rejection passes with a warning; accepting it fails (replay: a warning, since
 * nonce caching is optional on the platform).
 */
import type { TransportResult } from '../ports.js';
import type { CheckResult } from '../result.js';
import { acceptedSeverity, type AttackName, isReplayAttack, securityCheckId } from './attack-names.js';
import { ATTACK_TEXTS } from './attack-texts.js';
import { cut, quoted } from './cut.js';

const AUTH_FAILED = '000001';

export interface ForgeryAnswer {
  readonly attack: AttackName;
  /** The activity of the forged call. */
  readonly activity: string;
  /** What the forgery broke, in words (attacks' `detail`). */
  readonly detail: string;
  readonly result: TransportResult;
  /** The answer as a JSON object (HTTP 200 only). */
  readonly value?: Readonly<Record<string, unknown>>;
}

const STANDARD_ANSWER = 'answer HTTP 200 with {"resultCode":"000001","resultMsg":"…"}: the marketplace reads nothing but HTTP 200 and resultCode';

/** Accepted: success, or (newInstance) provisioning started. */
const isAccepted = (activity: string, code: unknown): boolean => code === '000000' || (activity === 'newInstance' && code === '000004');

function received(input: ForgeryAnswer): string {
  const { result, value } = input;
  if (result.kind === 'error') return `no answer: ${result.error} (${cut(result.message, 120)})`;
  if (result.status !== 200) return `HTTP ${result.status}`;
  if (value === undefined) return 'HTTP 200 without a JSON object';
  const msg = value['resultMsg'];
  return `${quoted(value['resultCode'])}${msg === undefined ? '' : `, resultMsg ${quoted(msg)}`}`;
}

/**
 * Judges the answer to one forged call.
 * @example
 *   checkForgeryRejected({ attack: 'wrong-key', activity: 'releaseInstance', detail, result, value: { resultCode: '000000' } });
 *   // { id: 'security.wrong-key', ok: false, received: '"000000": the seller accepted a forged releaseInstance (…)', hint: '…' }
 */
export function checkForgeryRejected(input: ForgeryAnswer): CheckResult {
  const { attack, activity, detail, result, value } = input;
  const id = securityCheckId(attack);
  const text = ATTACK_TEXTS[attack];
  const expected = `the ${isReplayAttack(attack) ? 'replayed' : 'forged'} ${activity} rejected with resultCode "000001" (authentication failed); koomock sent ${text.sends}`;
  const got = received(input);
  const code = value?.['resultCode'];
  if (code === AUTH_FAILED) return { id, ok: true, expected, received: got };
  if (isAccepted(activity, code)) {
    const severity = acceptedSeverity(attack);
    const what = isReplayAttack(attack) ? `the same signed ${activity} twice` : `a forged ${activity} (${detail})`;
    const intro = isReplayAttack(attack) ? 'The seller accepted the same signed call twice (a warning only). Fix: ' : `The seller accepted ${text.sends}. Fix: `;
    return {
      id,
      ok: false,
      ...(severity === 'warn' ? { severity } : {}),
      expected,
      received: `${got}: the seller accepted ${what}`,
      hint: `${intro}${text.must}. Answer 000001 and change nothing.`,
    };
  }
  const how = result.kind === 'error' ? 'without an answer' : result.status !== 200 ? `with HTTP ${result.status}` : value === undefined ? 'without a JSON answer' : typeof code === 'string' ? `with ${code}` : 'without a resultCode';
  const hint =
    typeof code === 'string'
      ? `The seller rejected the forged call ${how}: use 000001 for authentication failures (a bad or missing signature, timestamp or nonce), so a wrong key is told apart from a bad field.`
      : `The seller did not accept the forged call, but it answered ${how}: ${STANDARD_ANSWER}.`;
  return { id, ok: false, severity: 'warn', expected, received: got, hint };
}

/**
 * An attack that means nothing under the run's profile: reported as a warning, nothing sent.
 * @example
 *   checkAttackInapplicable('timestamp-in-seconds', 'the profile sends timestamps in seconds …');
 */
export function checkAttackInapplicable(attack: AttackName, reason: string): CheckResult {
  return {
    id: securityCheckId(attack),
    ok: false,
    severity: 'warn',
    expected: `a forged call: ${ATTACK_TEXTS[attack].sends}`,
    received: `not sent: ${reason}`,
    hint:
      attack === 'kit-basic-key'
        ? 'give the seller a kit key of its own (联营SaaS同步接口, --kit-key), as the platform does, to cover this attack'
        : 'run the security scenarios under the default profile (timestampUnit: ms) to cover this attack',
  };
}
