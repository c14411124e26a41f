/**
 * Clock adapters. Virtual time is wall time plus an offset that only grows: `advance` moves it
 * forward (compressed retry windows, expiring tokens) while wall time stays real, because the
 * seller checks signature timestamps against its own clock (docs/fidelity.md, "Virtual time").
 */
import { inputError } from '../core/errors.js';
import type { Clock } from '../core/ports.js';

export interface VirtualClock extends Clock {
  /** How far virtual time is ahead of wall time, ms. */
  offset(): number;
}

export interface VirtualClockOptions {
  /** Start this far ahead of wall time (a persisted offset from a previous run). */
  readonly offsetMs?: number;
  /** Called with the new offset after every `advance`, e.g. `store.setClockOffset`. */
  readonly onAdvance?: (offsetMs: number) => void;
  /** Source of wall time; `Date.now` unless a test fixes it. */
  readonly wallNow?: () => number;
}

const checkMs = (what: string, ms: number): number => {
  if (!Number.isFinite(ms) || ms < 0) throw inputError(`${what} must be a finite number of ms >= 0, received ${ms}`, { [what]: ms });
  return ms;
};

/**
 * A Clock whose virtual time starts at wall time (plus `offsetMs`) and flows with it; `now()`
 * never goes backwards, even when the wall clock is set back.
 * @example const clock = createVirtualClock(); clock.advance(3 * 60_000); clock.now() - clock.wallNow() // 180000
 */
export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  const wallNow = options.wallNow ?? Date.now;
  let offset = checkMs('offsetMs', options.offsetMs ?? 0);
  let last = Number.NEGATIVE_INFINITY;
  return {
    wallNow,
    now: () => {
      last = Math.max(last, wallNow() + offset);
      return last;
    },
    advance: (ms: number) => {
      offset += checkMs('advance', ms);
      options.onAdvance?.(offset);
    },
    offset: () => offset,
  };
}

/**
 * The plain system clock: virtual time equals wall time until something advances it.
 * @example const clock = createSystemClock(); clock.now() === clock.wallNow() // true (same ms)
 * Used by the tests and by `koomock load`.
 */
export const createSystemClock = (): VirtualClock => createVirtualClock();

/**
 * A virtual clock whose offset lives in the store, so a restarted emulator keeps its virtual time.
 * @example const clock = createPersistentClock(store);
 */
export function createPersistentClock(store: { getClockOffset(): number; setClockOffset(offsetMs: number): void }, wallNow?: () => number): VirtualClock {
  return createVirtualClock({
    offsetMs: store.getClockOffset(),
    onAdvance: (offsetMs) => store.setClockOffset(offsetMs),
    ...(wallNow === undefined ? {} : { wallNow }),
  });
}
