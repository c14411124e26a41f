import { cut } from '../../checks/cut.js';
import type { AttemptRecord } from '../../produce/attempt.js';
import type { TransportRequest } from '../../ports.js';
import type { ReportedAttempt } from './report.js';

/** How much of an answer a report keeps per attempt (the journal has all of it). */
export const EXCERPT_MAX_CHARS = 300;

/**
 * The attempts of a call as a report lists them, numbered 1… across the activity and its polls.
 * @example
 *   toReportedAttempts(outcome.attempts, deps.exchangeIdOf); // [{ attempt: 1, at, status: 200, resultCode: '000000', outcome: 'success', ... }]
 */
export function toReportedAttempts(records: readonly AttemptRecord[], exchangeIdOf?: (request: TransportRequest) => number | undefined): ReportedAttempt[] {
  return records.map((r, i) => {
    const resultCode = r.answer?.['resultCode'];
    const excerpt = r.response !== undefined ? r.response.body : r.error !== undefined ? `${r.error.error}: ${r.error.message}` : undefined;
    const exchangeId = exchangeIdOf?.(r.request);
    return {
      attempt: i + 1,
      at: r.at,
      // A status outside HTTP's range is still in the excerpt; the report's field is 100-599.
      ...(r.response === undefined || r.response.status < 100 || r.response.status > 599 ? {} : { status: r.response.status }),
      ...(typeof resultCode === 'string' ? { resultCode: cut(resultCode, 40) } : {}),
      outcome: r.outcome,
      durationMs: Math.max(0, r.durationMs),
      ...(excerpt === undefined || excerpt === '' ? {} : { responseExcerpt: cut(excerpt, EXCERPT_MAX_CHARS) }),
      ...(exchangeId === undefined ? {} : { exchangeId }),
    };
  });
}
