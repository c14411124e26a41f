import { type Verdict, verdictFail, verdictOk } from '../result.js';

/** The marketplace's 60 s tolerance (produce-api.md §6.1), applied both ways (never more lenient). */
export const DEFAULT_WINDOW_MS = 60_000;

/**
 * Checks a `timestamp` / `x-timestamp` text against the clock: digits only, in milliseconds (docs/fidelity.md#d3),
 * at most `windowMs` in the past (`stale`) or in the future (`future`).
 * A 10-digit value in `ms` mode is `stale` with a detail saying it looks like seconds.
 * @example
 *   checkTimestampWindow('1680508066618', 1680508070000, 60_000); // { ok: true }
 *   checkTimestampWindow('1680508066', 1680508070000, 60_000).ok;  // false ('stale')
 */
export function checkTimestampWindow(
  tsText: string | undefined,
  now: number,
  windowMs: number = DEFAULT_WINDOW_MS,
  unit: 'ms' | 'seconds' = 'ms',
): Verdict {
  if (tsText === undefined || tsText === '') {
    return verdictFail('missing', 'timestamp is missing or empty: expected the signing time in milliseconds since the epoch.');
  }
  if (!/^\d+$/.test(tsText)) {
    return verdictFail('malformed', `timestamp ${quote(tsText)} is not all digits: expected milliseconds since the epoch, e.g. 1680508066618.`);
  }
  const value = Number(tsText) * (unit === 'seconds' ? 1000 : 1);
  if (!Number.isSafeInteger(value)) {
    return verdictFail('malformed', `timestamp ${quote(tsText)} is too large: expected milliseconds since the epoch (13 digits).`);
  }
  const windowText = `${windowMs / 1000} s`;
  if (unit === 'ms' && tsText.length === 10) {
    return verdictFail(
      'stale',
      `timestamp ${tsText} has 10 digits and looks like seconds: expected milliseconds since the epoch (13 digits, e.g. ${tsText}000); use the time in milliseconds (Java System.currentTimeMillis(), JavaScript Date.now()).`,
    );
  }
  const age = now - value;
  if (age > windowMs) {
    return verdictFail('stale', `timestamp ${tsText} is ${seconds(age)} older than the clock (allowed: ${windowText}): sign with the current time and send at once; check the clock (NTP).`);
  }
  if (-age > windowMs) {
    return verdictFail('future', `timestamp ${tsText} is ${seconds(-age)} ahead of the clock (allowed: ${windowText}): check the clock (NTP) and the unit (milliseconds).`);
  }
  return verdictOk;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Untrusted text in a message: JSON-quoted and cut, so it cannot forge lines or flood a log. */
export const quote = (text: string, max = 80): string =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
