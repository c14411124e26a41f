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
 * Reads a `timestamp` parameter as milliseconds since the epoch. Every example and the official
 * demo use 13-digit milliseconds; the doc prose says seconds, so 10-digit values are read as
 * seconds to be safe.
 * @example
 *   parseTimestampMs('1680508066618'); // 1680508066618
 *   parseTimestampMs('1680508066');    // 1680508066000
 */
export function parseTimestampMs(value: string): number | undefined {
  if (!/^\d{1,16}$/.test(value)) return undefined;
  const n = Number(value);
  return n < 100_000_000_000 ? n * 1000 : n;
}

export type Rejection = Extract<Verdict, { ok: false }>;
export type TimestampCheck = { readonly ok: true; readonly ms: number } | Rejection;

/** The time-window part of both checks: rejects stale and far-future timestamps. */
export function checkTimestamp(timestamp: string, nowMs: number, windowMs: number): TimestampCheck {
  const ms = parseTimestampMs(timestamp);
  if (ms === undefined) {
    return { ok: false, reason: 'malformed', detail: 'timestamp must be milliseconds since the epoch (13 digits)' };
  }
  if (nowMs - ms > windowMs) {
    return { ok: false, reason: 'stale', detail: `timestamp is ${Math.round((nowMs - ms) / 1000)} s old; at most ${windowMs / 1000} s is accepted (check the clock)` };
  }
  if (ms - nowMs > windowMs) {
    return { ok: false, reason: 'future', detail: `timestamp is ${Math.round((ms - nowMs) / 1000)} s in the future; at most ${windowMs / 1000} s is accepted (check the clock)` };
  }
  return { ok: true, ms };
}
