import { configError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { FidelityProfile } from '../profile.js';

// V1 names share the window of their V2 counterpart (produce-api.md §8.2).
const WINDOW_ALIAS: Readonly<Record<string, string>> = {
  upgrade: 'upgradeInstance',
  instanceStatus: 'updateInstanceStatus',
  expireInstance: 'updateInstanceStatus',
};

/** Activities whose exhausted retries fail the order (docs/fidelity.md#d14). */
export const ORDER_FAILING_ACTIVITIES: ReadonlySet<string> = new Set(['newInstance', 'upgradeInstance', 'upgrade']);

/**
 * The retry window of an activity (docs/fidelity.md#d12), 0 = no automatic retry, and the interval (docs/fidelity.md#d13).
 * @example
 *   retryPolicy('newInstance', DEFAULT_PROFILE); // { windowMs: 10_800_000, intervalMs: 180_000 }
 */
export function retryPolicy(activity: string, profile: FidelityProfile): { windowMs: number; intervalMs: number } {
  const windowMs = profile.retryWindowMs[activity] ?? profile.retryWindowMs[WINDOW_ALIAS[activity] ?? ''] ?? 0;
  const intervalMs = profile.retryIntervalMs;
  if (windowMs > 0 && !(intervalMs > 0)) {
    throw configError(`retryIntervalMs must be more than 0 when ${activity} has a retry window; received ${intervalMs}`, { retryIntervalMs: intervalMs });
  }
  return { windowMs, intervalMs };
}

/** Polling after a 000004 (docs/fidelity.md#d10). */
export function pollPolicy(profile: FidelityProfile): { windowMs: number; intervalMs: number } {
  if (!(profile.pollIntervalMs > 0)) {
    throw configError(`pollIntervalMs must be more than 0; received ${profile.pollIntervalMs}`, { pollIntervalMs: profile.pollIntervalMs });
  }
  return { windowMs: profile.pollWindowMs, intervalMs: profile.pollIntervalMs };
}

/** Moves the virtual clock to `t` (never back): waits cost no wall time. */
export function waitUntil(clock: Clock, t: number): void {
  const now = clock.now();
  if (t > now) clock.advance(t - now);
}
