import type { CheckResult } from '../result.js';
import type { EncryptType } from '../signing/index.js';

/** The V1 authToken in one sentence, for a seller that refused a valid V1 call (docs/v1.md). */
const AUTH_TOKEN_HINT =
  "The seller rejected koomock's authToken. Compute Base64(HMAC-SHA256(key = V1 Key + timeStamp, every other query parameter URL-decoded and sorted by name as k=v&…)); mobilePhone and email are signed as their ciphertext, timeStamp is UTC yyyyMMddHHmmssSSS, and the token arrives URL-encoded (docs/v1.md).";

/** Answers a seller gives when it read an encrypted mobilePhone/email as plain text. */
const CONTACT_CODES: ReadonlySet<string> = new Set(['000002', '000101', '000102']);

const AES: Readonly<Record<EncryptType, string>> = { '1': 'AES-256-CBC', '2': 'AES-128-CBC' };

/**
 * A failed V1 `result.code` with the V1 reading of the code: 000001 explains the authToken (the V2
 * advice about body HMACs does not apply), and a refused newInstance that carried mobilePhone or
 * email says they were sent encrypted and how (docs/v1.md#the-encrypted-fields).
 * @example
 *   withV1Hint(checkResultCode('newInstance', { resultCode: '000101' }), { activity: 'newInstance', contactSent: true, encryptType: '1' }).hint;
 *   // 'If the seller could not read mobilePhone or email: … Otherwise: …'
 */
export function withV1Hint(check: CheckResult, call: { readonly activity: string; readonly contactSent: boolean; readonly encryptType: EncryptType }): CheckResult {
  if (check.ok) return check;
  const code = check.received?.match(/^"(\d{6})"/)?.[1];
  if (code === '000001') return { ...check, hint: AUTH_TOKEN_HINT };
  if (call.activity !== 'newInstance' || !call.contactSent || code === undefined || !CONTACT_CODES.has(code)) return check;
  const contact = `If the seller could not read mobilePhone or email: V1 sends them encrypted with the V1 Key as IV + Base64(${AES[call.encryptType]}) (encryptType ${call.encryptType}, the key drawn from SHA1PRNG seeded with the Key); decrypt them before checking them (docs/v1.md).`;
  return { ...check, hint: check.hint === undefined ? contact : `${contact} Otherwise: ${check.hint}` };
}
