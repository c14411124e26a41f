import { diagnoseProduceSignature, type ProduceDiagnoseInput, type ProduceDiagnosis } from '../produce/mistakes.js';
import { type ProduceSignInput, signProduceRecipe, toProduceRecipe } from '../produce/signature.js';
import { type ProduceVerdict, type ProduceVerifyOptions, verifyProduceSignature } from '../produce/verify.js';

/**
 * Joint-operation kit `x-sign` (produce-api.md §6.2, open-api.md §4.1, docs/fidelity.md#d17):
 * hex HMAC-SHA256(kitKey, kitKey + nonce + timestamp + payload), no inner digest.
 */

/**
 * Lower-hex `x-sign` of `payload` (the exact string signed).
 * @example
 *   computeKitSignature({ key: 'exampleAccessKey', payload: '{"domainName":…}', timestamp: '1680508066618',
 *     nonce: 'b6c1f0e2a9d84c3e' }); // 'a599cf87…bc04'
 */
export const computeKitSignature = (input: ProduceSignInput): string => signProduceRecipe(toProduceRecipe('kit', input));

export interface KitVerifyInput {
  readonly key: string;
  /** The body exactly as received; re-serialised canonically before hashing. */
  readonly body: string;
  /** Headers `x-sign`, `x-timestamp`, `x-nonce` (undefined when absent). */
  readonly sign: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
}

/**
 * Verifies a kit call (headers `x-sign`, `x-timestamp`, `x-nonce`); same reasons as verifyV2Signature.
 * @example
 *   verifyKitSignature({ key, body, sign: headers['x-sign'], timestamp: headers['x-timestamp'],
 *     nonce: headers['x-nonce'] }, { now: Date.now() });
 */
export const verifyKitSignature = (input: KitVerifyInput, options: ProduceVerifyOptions): ProduceVerdict =>
  verifyProduceSignature('kit', { ...input, signature: input.sign }, options);

export interface KitDiagnoseInput extends Omit<ProduceDiagnoseInput, 'signature'> {
  readonly sign: string;
}

/**
 * Names the known mistakes that reproduce a wrong `x-sign`.
 * @example
 *   diagnoseKitSignature({ key, body, sign, timestamp, nonce }).mistakes; // [{ id: 'inner-digest-added', … }]
 */
export const diagnoseKitSignature = (input: KitDiagnoseInput): ProduceDiagnosis =>
  diagnoseProduceSignature('kit', { ...input, signature: input.sign });
