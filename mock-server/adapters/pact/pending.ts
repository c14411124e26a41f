/**
 * Pending interactions: one added in a new koomock release is marked pending in the pacts that
 * release generates, so a seller's build reports it without failing until the seller has caught
 * up (Pact's "pending pacts"). The first contract release has nothing pending.
 */

/** The release the produce contract first shipped in. */
export const FIRST_CONTRACT_RELEASE = '0.1.0';

const parts = (v: string): number[] => v.split(/[.+-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);

/** -1, 0 or 1 as `a` is older than, the same as, or newer than `b` (major.minor.patch). */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}

/**
 * @example
 *   isPending('0.1.0', '0.1.0'); // false: part of the first contract
 *   isPending('0.2.0', '0.2.0'); // true: new in this release
 *   isPending('0.2.0', '0.3.0'); // false: a release old
 */
export const isPending = (since: string, version: string): boolean =>
  compareVersions(since, FIRST_CONTRACT_RELEASE) > 0 && compareVersions(since, version) === 0;
