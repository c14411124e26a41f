import { diagnoseProduceSignature, type ProduceDiagnoseInput, type ProduceDiagnosis } from './mistakes.js';
import { type ProduceSignInput, signProduceRecipe, toProduceRecipe } from './signature.js';
import { type ProduceVerdict, type ProduceVerifyOptions, verifyProduceSignature } from './verify.js';

/**
 * V2 basic produce signature (produce-api.md §6.1, docs/fidelity.md#d2 to #d5), as the official demo computes it:
 * inner = lower hex HMAC-SHA256(key, payload); signature = hex HMAC-SHA256(key, key + nonce + timestamp + inner).
 */

/**
 * Lower-hex V2 signature of `payload` (the exact string signed); `timestamp` and `nonce` are the exact query texts.
 * The sender upper-cases it when the profile says so (docs/fidelity.md#d5).
 * @example
 *   computeV2Signature({ key: 'testAccessKey123', payload: '{"activity":"newInstance",…}',
 *     timestamp: '1680508066618', nonce: '50D83FDE…17DA' }); // 'bef083bc…7889'
 */
export const computeV2Signature = (input: ProduceSignInput): string => signProduceRecipe(toProduceRecipe('v2', input));

export interface V2VerifyInput {
  readonly key: string;
  /** The body exactly as received; it is re-serialised canonically before hashing, as the demo does. */
  readonly body: string;
  /** Query parameters `signature`, `timestamp`, `nonce` (undefined when absent). */
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
}

/**
 * Verifies a V2 call the way a seller should: missing, malformed, stale/future (±60 s, ms), mismatch
 * (constant time, either hex case), replayed.
 * @example
 *   const v = verifyV2Signature({ key, body, signature, timestamp, nonce }, { now: Date.now() });
 *   if (!v.ok) console.log(v.reason, v.detail);
 */
export const verifyV2Signature = (input: V2VerifyInput, options: ProduceVerifyOptions): ProduceVerdict =>
  verifyProduceSignature('v2', input, options);

/**
 * Names the known mistakes that reproduce a wrong V2 signature (empty when none does, or when it is right).
 * @example
 *   diagnoseV2Signature({ key, body, signature, timestamp, nonce }).mistakes.map((m) => m.id); // ['body-not-sorted']
 */
export const diagnoseV2Signature = (input: ProduceDiagnoseInput): ProduceDiagnosis => diagnoseProduceSignature('v2', input);
