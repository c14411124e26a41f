import type { CheckResult } from '../result.js';
import { OAEP_VARIANT_TEXT, type OaepHash, otherVariantsHint } from '../signing/index.js';

/**
 * A failed applicationSync answer most often means the seller could not decrypt `clientSecret`:
 * the failed `result.code` then says which RSA-OAEP variant koomock used and names the other two
 * (docs/joint-operation.md#the-oaep-variant).
 * @example
 *   withClientSecretHint(checkResultCode('applicationSync', { resultCode: '000002' }), 'sha256').hint; // '… try the other OAEP variants …'
 */
export function withClientSecretHint(check: CheckResult, variant: OaepHash): CheckResult {
  if (check.ok) return check;
  const secret = `If the seller could not decrypt clientSecret: koomock encrypted it with RSA-OAEP ${OAEP_VARIANT_TEXT[variant]} (oaepHash ${variant}) under seller.kitPublicKey; ${otherVariantsHint(variant)}`;
  return { ...check, hint: check.hint === undefined ? secret : `${secret} Otherwise: ${check.hint}` };
}
