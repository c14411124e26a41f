/**
 * Remembers the nonces of accepted requests for as long as their timestamp could still pass the
 * time-window check, so a captured request cannot be replayed inside the window.
 * Only nonces of requests whose signature verified are remembered: otherwise anyone could
 * "burn" a nonce the marketplace is about to use.
 */
export interface NonceCache {
  /** Records the nonce; false when it was already seen and has not expired yet. */
  remember(nonce: string, timestampMs: number, nowMs: number): boolean;
  readonly size: number;
}

/**
 * @example
 *   const nonces = createNonceCache(60_000);
 *   nonces.remember('n1', Date.now(), Date.now()); // true
 *   nonces.remember('n1', Date.now(), Date.now()); // false: replay
 */
export function createNonceCache(windowMs: number): NonceCache {
  const expiries = new Map<string, number>();
  let lastSweep = 0;

  const sweep = (nowMs: number): void => {
    if (nowMs - lastSweep < 1_000) return;
    lastSweep = nowMs;
    for (const [nonce, expiry] of expiries) if (expiry < nowMs) expiries.delete(nonce);
  };

  return {
    remember(nonce, timestampMs, nowMs) {
      sweep(nowMs);
      const expiry = expiries.get(nonce);
      if (expiry !== undefined && expiry >= nowMs) return false;
      // A request stays acceptable until its timestamp is `windowMs` old.
      expiries.set(nonce, Math.max(timestampMs, nowMs) + windowMs);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
