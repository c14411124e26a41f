import type { CheckResult } from '../result.js';

export const MARKET_TIMEOUT = 'market.timeout';

/**
 * The record of a marketplace-side timeout koomock made on purpose (a step's `dropAnswers`): the
 * seller's answer arrived and was judged, then dropped as if it had come too late, so the call is
 * retried with a new businessId. Nothing the seller did is wrong here; the check says what happened
 * so a reader of the report knows why a good answer was followed by a retry.
 * @example
 *   marketTimeoutCheck(1).ok; // true
 */
export function marketTimeoutCheck(attempt: number): CheckResult {
  return {
    id: MARKET_TIMEOUT,
    ok: true,
    expected: 'the marketplace stops waiting for this attempt (a timeout on its side, made by koomock)',
    received: `attempt ${attempt}: the answer arrived and was dropped; the marketplace retries with a new businessId, and the retry must return the same instance`,
  };
}
