import type { Clock, Random } from '../ports.js';
import type { FidelityProfile } from '../profile.js';

/** What every builder and the signing step need: the profile, the clock and a source of randomness. */
export interface BuildContext {
  readonly profile: FidelityProfile;
  readonly clock: Clock;
  readonly random: Random;
  /** PEM of the seller's RSA public key that encrypts `applicationSync.clientSecret` (docs/joint-operation.md). */
  readonly kitPublicKey?: string;
  /** The V1 Key: V1 `mobilePhone` / `email` go out AES-encrypted with it (docs/v1.md). */
  readonly v1Key?: string;
}

/** The build context of a call from its dependencies. */
export const toBuildContext = (deps: { readonly profile: FidelityProfile; readonly clock: Clock; readonly random: Random; readonly keys: { readonly kitPublicKey?: string; readonly v1?: string } }): BuildContext => ({
  profile: deps.profile,
  clock: deps.clock,
  random: deps.random,
  ...(deps.keys.kitPublicKey === undefined ? {} : { kitPublicKey: deps.keys.kitPublicKey }),
  ...(deps.keys.v1 === undefined || deps.keys.v1 === '' ? {} : { v1Key: deps.keys.v1 }),
});

/**
 * `testFlag` per docs/fidelity.md#d6: omitted in normal runs under `omit`, "0" under `zero`, "1" in debug runs.
 * `mandatory` (orderNotify, kit) always sends it.
 */
export function testFlagValue(profile: FidelityProfile, debugFlag: boolean, mandatory: boolean): '0' | '1' | undefined {
  if (debugFlag) return '1';
  return mandatory || profile.testFlag === 'zero' ? '0' : undefined;
}

/** Appends a query string to an address that may already carry one. */
export const appendQuery = (address: string, query: string): string =>
  query === '' ? address : `${address}${address.includes('?') ? '&' : '?'}${query}`;
