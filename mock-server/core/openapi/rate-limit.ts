/**
 * docs/fidelity.md#d30: an optional per-seller limit of calls per second (fixed one-second windows of wall time,
 * since the seller's real call rate is what the platform limits).
 */
export interface RateLimiter {
  /** True when this call is within the limit (and counts it). */
  take(sellerId: string, wallNow: number): boolean;
}

/**
 * @example const limiter = createRateLimiter(5); limiter.take('seller-1', Date.now()) // true
 */
export function createRateLimiter(perSecond: number): RateLimiter {
  let window = Number.NaN;
  const counts = new Map<string, number>();
  return {
    take(sellerId, wallNow) {
      if (!(perSecond > 0)) return true;
      const current = Math.floor(wallNow / 1000);
      if (current !== window) {
        window = current;
        counts.clear();
      }
      const used = counts.get(sellerId) ?? 0;
      if (used >= perSecond) return false;
      counts.set(sellerId, used + 1);
      return true;
    },
  };
}
