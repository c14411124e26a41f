import type { Clock } from '../ports.js';
import type { FidelityProfile } from '../profile.js';
import { keyFor } from '../produce/seller-keys.js';
import type { SellerKeys, SignedRequest } from '../produce/types.js';
import { computeV2Signature } from '../signing/index.js';

/** A key that is not the seller's: what an attacker who does not hold the key signs with. */
export const WRONG_KEY = 'koomock-not-the-sellers-key-2f9c1a7e';

/** What an attack may use besides the request: signing (never the key itself) and the wall clock. */
export interface AttackTools {
  /**
   * The V2 signature of `payload` with the seller's key of the request's category (or with a key
   * that is not the seller's), in the profile's hex case (docs/fidelity.md#d5).
   */
  sign(request: SignedRequest, input: { readonly payload: string; readonly timestamp: string; readonly nonce: string; readonly key?: 'seller' | 'wrong' }): string;
  /** Real time, ms: signature timestamps are checked against the seller's clock. */
  wallNow(): number;
  /** docs/fidelity.md#d3: the unit of a valid `timestamp`. */
  readonly timestampUnit: FidelityProfile['timestampUnit'];
}

/**
 * Tools over the seller's keys. The keys stay inside: an attack only ever sees signatures.
 * @example
 *   const tools = createAttackTools({ keys: { basic: key }, profile: DEFAULT_PROFILE, clock });
 */
export function createAttackTools(input: { readonly keys: SellerKeys; readonly profile: FidelityProfile; readonly clock: Clock }): AttackTools {
  const { keys, profile, clock } = input;
  const caseOf = (hex: string) => (profile.signatureCase === 'upper' ? hex.toUpperCase() : hex.toLowerCase());
  return {
    sign(request, { payload, timestamp, nonce, key = 'seller' }) {
      const own = keyFor(request.keyCategory, keys);
      // A seller that happens to use koomock's wrong key still gets a key that is not its own.
      const other = own === WRONG_KEY ? `${WRONG_KEY}-2` : WRONG_KEY;
      return caseOf(computeV2Signature({ key: key === 'seller' ? own : other, payload, timestamp, nonce }));
    },
    wallNow: () => clock.wallNow(),
    timestampUnit: profile.timestampUnit,
  };
}
