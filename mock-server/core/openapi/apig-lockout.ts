/**
 * APIG's lockout (open-api.md §2.3): after 5 failed AK/SK signatures in a row, the AK is locked for
 * 5 minutes and every call with it, even a correctly signed one, answers 401 APIG.0301 "AK access
 * failed to reach the limit,forbidden". Wall time, since the seller's real retries are what APIG
 * counts; `profile.apigLockout: off` turns it off (docs/config.md).
 */
export const APIG_LOCKOUT_FAILURES = 5;
export const APIG_LOCKOUT_MS = 5 * 60_000;

export interface ApigLockout {
  /** Wall ms until which `ak` is locked, or undefined. */
  lockedUntil(ak: string, wallNow: number): number | undefined;
  /** A failed signature of a known AK; the fifth in a row locks it. */
  failed(ak: string, wallNow: number): void;
  /** A verified signature: the count starts again. */
  succeeded(ak: string): void;
}

/**
 * @example
 *   const lockout = createApigLockout();
 *   for (let i = 0; i < 5; i++) lockout.failed('AK', now);
 *   lockout.lockedUntil('AK', now); // now + 300000
 */
export function createApigLockout(): ApigLockout {
  const failures = new Map<string, number>();
  const locks = new Map<string, number>();
  return {
    lockedUntil(ak, wallNow) {
      const until = locks.get(ak);
      if (until === undefined) return undefined;
      if (wallNow < until) return until;
      locks.delete(ak);
      failures.delete(ak);
      return undefined;
    },
    failed(ak, wallNow) {
      const n = (failures.get(ak) ?? 0) + 1;
      failures.set(ak, n);
      if (n >= APIG_LOCKOUT_FAILURES) locks.set(ak, wallNow + APIG_LOCKOUT_MS);
    },
    succeeded(ak) {
      failures.delete(ak);
    },
  };
}
