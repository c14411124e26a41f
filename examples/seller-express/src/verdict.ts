/** Outcome of a signature check. A failed check says why, without revealing the expected value. */
export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'malformed' | 'mismatch' | 'stale' | 'future' | 'replayed';
      readonly detail: string;
    };

/** Shared by the V2 and kit checks: 60 s either way (produce-api.md §6.1). */
export const DEFAULT_WINDOW_MS = 60_000;

/** Examples use 16 to 64 characters; the bound keeps the nonce cache small. */
export const MAX_NONCE_LENGTH = 128;

/**
 * Reads a `timestamp` parameter as milliseconds since the epoch, as the marketplace sends it (every
 * example and the official demo: 13 digits, compared with `System.currentTimeMillis()`). A 10-digit
 * value is NOT rescaled from seconds: read as milliseconds it lies in January 1970 and fails the
 * window, so a call with a second-precision timestamp is rejected (koomock: security.timestamp-in-seconds).
 * @example
 *   parseTimestampMs('1680508066618'); // 1680508066618
 *   parseTimestampMs('1680508066');    // 1680508066 (1970-01-20: stale)
 */
export function parseTimestampMs(value: string): number | undefined {
  if (!/^\d{1,16}$/.test(value)) return undefined;
  return Number(value);
}

export type Rejection = Extract<Verdict, { ok: false }>;
export type TimestampCheck = { readonly ok: true; readonly ms: number } | Rejection;

/** The time-window part of both checks: rejects stale and far-future timestamps. */
export function checkTimestamp(timestamp: string, nowMs: number, windowMs: number): TimestampCheck {
  const ms = parseTimestampMs(timestamp);
  if (ms === undefined) {
    return { ok: false, reason: 'malformed', detail: 'timestamp must be milliseconds since the epoch (13 digits)' };
  }
  if (timestamp.length <= 10 && nowMs - ms > windowMs) {
    return { ok: false, reason: 'stale', detail: `timestamp has ${timestamp.length} digits (seconds?); the marketplace sends milliseconds since the epoch (13 digits)` };
  }
  if (nowMs - ms > windowMs) {
    return { ok: false, reason: 'stale', detail: `timestamp is ${Math.round((nowMs - ms) / 1000)} s old; at most ${windowMs / 1000} s is accepted (check the clock)` };
  }
  if (ms - nowMs > windowMs) {
    return { ok: false, reason: 'future', detail: `timestamp is ${Math.round((ms - nowMs) / 1000)} s in the future; at most ${windowMs / 1000} s is accepted (check the clock)` };
  }
  return { ok: true, ms };
}
