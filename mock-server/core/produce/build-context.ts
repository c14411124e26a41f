import type { Clock, Random } from '../ports.js';
import type { FidelityProfile } from '../profile.js';

/** What every builder and the signing step need: the profile, the clock and a source of randomness. */
export interface BuildContext {
  readonly profile: FidelityProfile;
  readonly clock: Clock;
  readonly random: Random;
  /** PEM of the seller's RSA public key that encrypts `applicationSync.clientSecret` (docs/joint-operation.md). */
  readonly kitPublicKey?: string;
}

/** The build context of a call from its dependencies. */
export const toBuildContext = (deps: { readonly profile: FidelityProfile; readonly clock: Clock; readonly random: Random; readonly keys: { readonly kitPublicKey?: string } }): BuildContext => ({
  profile: deps.profile,
  clock: deps.clock,
  random: deps.random,
  ...(deps.keys.kitPublicKey === undefined ? {} : { kitPublicKey: deps.keys.kitPublicKey }),
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
