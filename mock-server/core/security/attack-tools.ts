import type { Clock } from '../ports.js';
import type { FidelityProfile } from '../profile.js';
import { keyFor } from '../produce/seller-keys.js';
import type { SellerKeys, SignedRequest } from '../produce/types.js';
import { computeKitSignature, computeV1AuthToken, computeV2Signature } from '../signing/index.js';

/** A key that is not the seller's: what an attacker who does not hold the key signs with. */
export const WRONG_KEY = 'koomock-not-the-sellers-key-2f9c1a7e';

/** Which key signs a forgery: the seller's own of the call's category, one that is not the seller's, or the seller's basic key. */
export type ForgeryKey = 'seller' | 'wrong' | 'basic';

/** What an attack may use besides the request: signing (never the key itself) and the wall clock. */
export interface AttackTools {
  /**
   * The V2 signature of `payload` with the seller's key of the request's category (or with a key
   * that is not the seller's), in the profile's hex case (docs/fidelity.md#d5).
   */
  sign(request: SignedRequest, input: { readonly payload: string; readonly timestamp: string; readonly nonce: string; readonly key?: ForgeryKey }): string;
  /** The kit `x-sign` of `payload` (the key-sorted body), in the profile's hex case. */
  signKit(input: { readonly payload: string; readonly timestamp: string; readonly nonce: string; readonly key?: ForgeryKey }): string;
  /** The V1 `authToken` of decoded query parameters (`timeStamp` included). */
  signV1(input: { readonly params: Readonly<Record<string, string>>; readonly key?: ForgeryKey }): string;
  /** The seller's basic key is also its kit key: a call signed with the basic key is a valid one. */
  readonly basicIsKitKey: boolean;
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
  const pick = (own: string, key: ForgeryKey): string => {
    if (key === 'basic') return keys.basic;
    if (key === 'seller') return own;
    // A seller that happens to use koomock's wrong key still gets a key that is not its own.
    return own === WRONG_KEY ? `${WRONG_KEY}-2` : WRONG_KEY;
  };
  return {
    sign(request, { payload, timestamp, nonce, key = 'seller' }) {
      return caseOf(computeV2Signature({ key: pick(keyFor(request.keyCategory, keys), key), payload, timestamp, nonce }));
    },
    signKit({ payload, timestamp, nonce, key = 'seller' }) {
      return caseOf(computeKitSignature({ key: pick(keyFor('kit', keys), key), payload, timestamp, nonce }));
    },
    signV1({ params, key = 'seller' }) {
      return computeV1AuthToken({ key: pick(keyFor('v1', keys), key), params });
    },
    basicIsKitKey: keys.kit !== undefined && keys.kit === keys.basic,
    wallNow: () => clock.wallNow(),
    timestampUnit: profile.timestampUnit,
  };
}
