/**
 * Wall time is bounded: when the seller keeps failing the same way at the transport level (every
 * attempt timed out, was refused or was reset), koomock stops retrying after
 * `profile.transportGiveUpAfter` attempts in a row instead of waiting out hours of retries, and
 * reports what the platform would have done next. The virtual clock still moves to the end of the
 * platform's retries, so the outcome (a failed order, a production interface message) and every
 * later step see the same time as on the platform. docs/config.md documents the option.
 */
import type { TransportErrorKind } from '../ports.js';
import type { AttemptRecord } from './attempt.js';

/** The transport failures that repeat identically when a seller is down or hanging. */
const REPEATING: ReadonlySet<TransportErrorKind> = new Set(['timeout', 'refused', 'reset']);

const WORDS: Readonly<Record<string, string>> = { timeout: 'timed out', refused: 'was refused (nothing listening)', reset: 'was reset by the seller' };

const span = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`);

export interface EarlyStop {
  /** Virtual time of the platform's last attempt: the clock moves there before the call gives up. */
  readonly lastPlannedAt: number;
  /** Why koomock stopped and how the platform would have continued, for the outcome's reason. */
  readonly note: string;
}

/**
 * Whether to stop retrying after the attempts so far, given the schedule (first attempt at
 * `startedAt`, one every `intervalMs` within `windowMs`); undefined to go on.
 * @example
 *   earlyStop(attempts, { giveUpAfter: 3, startedAt: 0, windowMs: 3 * HOUR, intervalMs: 3 * MIN, what: 'retried' });
 *   // after 3 timeouts: { lastPlannedAt: 10_800_000, note: '3 attempts in a row timed out …' }
 */
export function earlyStop(
  attempts: readonly AttemptRecord[],
  plan: { readonly giveUpAfter: number; readonly startedAt: number; readonly windowMs: number; readonly intervalMs: number; readonly what: 'retried' | 'polled' },
): EarlyStop | undefined {
  const { giveUpAfter, startedAt, windowMs, intervalMs } = plan;
  if (!(giveUpAfter > 0) || attempts.length < giveUpAfter || !(intervalMs > 0)) return undefined;
  const recent = attempts.slice(-giveUpAfter).map((a) => a.error?.error);
  const kind = recent[0];
  if (kind === undefined || !REPEATING.has(kind) || recent.some((k) => k !== kind)) return undefined;
  const planned = Math.floor(windowMs / intervalMs);
  // Retries start at once (attempt 1 at startedAt); polls start one interval later.
  const remaining = planned + (plan.what === 'retried' ? 1 : 0) - attempts.length;
  if (remaining <= 0) return undefined;
  const lastPlannedAt = startedAt + planned * intervalMs;
  const note =
    `${giveUpAfter} attempts in a row ${WORDS[kind] ?? kind}; koomock stopped there (profile transportGiveUpAfter=${giveUpAfter}) ` +
    `instead of waiting: the platform would have ${plan.what} every ${span(intervalMs)} for ${span(windowMs)}, ${remaining} more attempt(s), ` +
    'and the outcome reported here is what it does if they all fail the same way';
  return { lastPlannedAt, note };
}
