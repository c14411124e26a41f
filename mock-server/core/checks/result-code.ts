import type { CheckResult } from '../result.js';
import { quoted } from './cut.js';

export const RESULT_CODE = 'result.code';

export const RESULT_SUCCESS = '000000';
export const RESULT_PENDING = '000004';
export const RESULT_AUTH_FAILED = '000001';

/** newInstance's own codes (produce-api.md §5): definitive business refusals, not passing faults. */
export const DEFINITIVE_CODES: ReadonlySet<string> = new Set(['000100', '000101', '000102', '000103', '000104', '000105', '000106', '000107']);

const SIX_DIGITS = /^[0-9]{6}$/;

/**
 * changeInstanceCheck answered with a code other than 000000: the seller refuses the change (an
 * outcome, not a failure; the marketplace blocks the change and does not ask again). 000001 is
 * not a refusal: it says the seller could not verify koomock's valid signature.
 * @example
 *   isRefusal('changeInstanceCheck', '000002'); // true
 */
export const isRefusal = (activity: string, code: unknown): boolean =>
  activity === 'changeInstanceCheck' && typeof code === 'string' && SIX_DIGITS.test(code) && code !== RESULT_SUCCESS && code !== RESULT_AUTH_FAILED;

/** newInstance answered one of 000100-000107. */
export const isDefinitive = (activity: string, code: unknown): boolean => activity === 'newInstance' && typeof code === 'string' && DEFINITIVE_CODES.has(code);

/** produce-api.md §5. */
const MEANINGS: Readonly<Record<string, string>> = {
  '000000': 'success',
  '000001': 'authentication failed',
  '000002': 'invalid parameter',
  '000003': 'instance does not exist',
  '000004': 'in progress',
  '000005': 'internal error',
  '000100': 'no instance resources',
  '000101': 'mobile number missing or duplicate',
  '000102': 'email missing or duplicate',
  '000103': 'cannot be purchased twice',
  '000104': 'product internal service error',
  '000105': 'already subscribed',
  '000106': 'sold out',
  '000107': 'email domain already exists',
};

const HINTS: Readonly<Record<string, string>> = {
  '000001':
    "The seller rejected koomock's signature. Check the key category (basic for V2 calls, general for orderNotify, kit for /produceAPI/v2/*), HMAC the exact body bytes (or sort the top-level keys when re-serialising), lower-case hex for the inner HMAC, and compare case-insensitively.",
  '000002':
    'The seller judged a parameter invalid. Check the timestamp window (milliseconds, 60 s), that nonce and timestamp are read from the URL query, and the required body fields.',
  '000003': 'The seller does not know this instanceId: keep the instanceId it returned from newInstance, and treat repeated release/freeze calls for a gone instance as success.',
  '000004': 'Only newInstance may answer 000004 (provisioning in progress); answer 000000 for this activity once it is done.',
  '000005': 'The seller reported an internal error: see its logs.',
};

/**
 * `resultCode` is the string `000000` — or, for newInstance only, `000004` (accepted; the
 * marketplace then polls queryInstance, docs/fidelity.md#d10).
 * @example
 *   checkResultCode('newInstance', { resultCode: '000004' }).ok; // true
 */
export function checkResultCode(activity: string, value: Readonly<Record<string, unknown>>): CheckResult {
  const pendingAllowed = activity === 'newInstance';
  const expected = pendingAllowed ? '"000000" (or "000004" = provisioning in progress)' : '"000000"';
  const code = value.resultCode;
  const msg = value.resultMsg;
  const meaning = typeof code === 'string' ? MEANINGS[code] : undefined;
  const received = `${quoted(code)}${meaning === undefined ? '' : ` (${meaning})`}${msg === undefined ? '' : `, resultMsg ${quoted(msg)}`}`;
  if (code === RESULT_SUCCESS || (pendingAllowed && code === RESULT_PENDING)) return { id: RESULT_CODE, ok: true, expected, received };
  if (isRefusal(activity, code)) {
    return { id: RESULT_CODE, ok: true, expected: '"000000" to allow the change, another code to refuse it', received: `${received}: the seller refuses this change` };
  }
  let hint: string;
  if (code === undefined) hint = 'Put resultCode (a 6-digit string) and resultMsg at the top level of the answer.';
  else if (typeof code !== 'string') hint = `resultCode must be a JSON string such as "000000", not ${Array.isArray(code) ? 'an array' : code === null ? 'null' : `a JSON ${typeof code === 'object' ? 'object' : typeof code}`}.`;
  else if (isDefinitive(activity, code)) {
    hint = `${code} is a definitive refusal of the order (${meaning ?? 'refused'}): the order fails and the buyer is refunded. Answer it only when your service really cannot provision this order (profile definitiveCodes says whether koomock retries it).`;
  } else hint = HINTS[code] ?? 'Only 000000 counts as success; any other code fails the call and the marketplace retries it.';
  return { id: RESULT_CODE, ok: false, expected, received, hint };
}
