/**
 * The attacks as data: each starts from a valid, correctly signed request of its family (V2, kit,
 * V1) and breaks one thing. The replays change nothing: the engine sends the valid request first and
 * then the same bytes again.
 */
import type { FidelityProfile } from '../profile.js';
import { acceptedSeverity, type AttackName } from '../checks/attack-names.js';
import { bodyChangedAfterSigning, signatureOfOtherActivity, wrongKey } from './attacks-signature.js';
import { nonceMissing, signatureMissing, timestampInSeconds, timestampMissing, timestampStale } from './attacks-params.js';
import { kitBasicKey, kitTimestampStale, kitWrongKey } from './attacks-kit.js';
import { v1TimestampStale, v1WrongKey } from './attacks-v1.js';
import type { AttackTools } from './attack-tools.js';
import type { Attack } from './forgery.js';

export interface AttackSpec {
  /** Builds the forgery; for `replay`, the identity (the engine re-sends a previous request). */
  readonly forge: Attack;
  /** Accepting it fails the seller (`error`), or is only a warning (`warn`: replay protection is optional). */
  readonly acceptedSeverity: 'error' | 'warn';
  /** The forged call is the exact request of a valid send that goes first. */
  readonly replaysValidCall: boolean;
  /** Why the attack means nothing under this profile (nothing is sent then), or undefined. */
  readonly inapplicable?: (profile: FidelityProfile, tools: AttackTools) => string | undefined;
}

const identity: Attack = (request) => ({ request, detail: 'the exact request of the previous, accepted call' });

const forged = (forge: Attack): AttackSpec => ({ forge, acceptedSeverity: 'error', replaysValidCall: false });

/**
 * @example
 *   const { request, detail } = ATTACKS['wrong-key'].forge(signed, tools);
 */
export const ATTACKS: Readonly<Record<AttackName, AttackSpec>> = {
  'body-changed-after-signing': forged(bodyChangedAfterSigning),
  'wrong-key': forged(wrongKey),
  'signature-missing': forged(signatureMissing),
  'timestamp-missing': forged(timestampMissing),
  'nonce-missing': forged(nonceMissing),
  'timestamp-stale': forged(timestampStale),
  'timestamp-in-seconds': {
    ...forged(timestampInSeconds),
    inapplicable: (profile) =>
      profile.timestampUnit === 'seconds' ? 'the profile sends timestamps in seconds (timestampUnit: seconds), so a valid call already carries one' : undefined,
  },
  'signature-of-other-activity': forged(signatureOfOtherActivity),
  replay: { forge: identity, acceptedSeverity: acceptedSeverity('replay'), replaysValidCall: true },
  'kit-wrong-key': forged(kitWrongKey),
  'kit-basic-key': {
    ...forged(kitBasicKey),
    inapplicable: (_profile, tools) => (tools.basicIsKitKey ? 'the configured basic key is also the kit key, so a call signed with it is a valid one' : undefined),
  },
  'kit-timestamp-stale': forged(kitTimestampStale),
  'kit-replay': { forge: identity, acceptedSeverity: acceptedSeverity('kit-replay'), replaysValidCall: true },
  'v1-wrong-key': forged(v1WrongKey),
  'v1-timestamp-stale': { forge: v1TimestampStale, acceptedSeverity: acceptedSeverity('v1-timestamp-stale'), replaysValidCall: false },
  'v1-replay': { forge: identity, acceptedSeverity: acceptedSeverity('v1-replay'), replaysValidCall: true },
};
