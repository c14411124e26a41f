/**
 * Virtual time over the admin API: read it, move it forward. Wall time (signatures, X-Sdk-Date) is
 * never moved (docs/fidelity.md, "Virtual time").
 */
import type { ClockReading } from '../../../app/emulator-runtime.js';
import { invalid } from './errors.js';
import type { ClockState } from './types.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
/** Far enough for any expiry test (a 5-year subscription), small enough to stay an exact integer. */
export const MAX_ADVANCE_MS = 10 * 366 * UNIT_MS.d;

const EXAMPLE = 'e.g. {"duration":"3h"} or {"ms":10800000}';

/**
 * How far to advance, from `{ms}` or `{duration}` (units ms, s, m, h, d, as in config files).
 * @example parseAdvance({ duration: '3h' }) // 10800000
 */
export function parseAdvance(body: Record<string, unknown>): number {
  const extra = Object.keys(body).filter((k) => k !== 'ms' && k !== 'duration');
  if (extra.length > 0) throw invalid(`unknown field ${extra.join(', ')}: give ms or duration, ${EXAMPLE}`);
  const { ms, duration } = body;
  if ((ms === undefined) === (duration === undefined)) throw invalid(`give exactly one of ms or duration, ${EXAMPLE}`);
  let value: number;
  if (ms !== undefined) {
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) throw invalid(`ms must be a whole number of milliseconds, received ${JSON.stringify(ms)}`);
    value = ms;
  } else {
    const m = typeof duration === 'string' ? DURATION.exec(duration.trim()) : null;
    if (m === null) throw invalid(`duration must be a number with a unit ms, s, m, h or d (e.g. "90s", "3h", "31d"), received ${JSON.stringify(duration)}`);
    value = Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
  }
  if (value < 0 || value > MAX_ADVANCE_MS) throw invalid(`virtual time only moves forward, by at most ${MAX_ADVANCE_MS} ms (10 years); received ${value} ms`);
  return value;
}

export const toClockState = (r: ClockReading): ClockState => ({ now: r.now, iso: new Date(r.now).toISOString(), wallNow: r.wallNow, offsetMs: r.offsetMs });
