/**
 * A Clock for tests: nothing moves unless the test moves it.
 */
import type { Clock } from '../../mock-server/core/ports.js';

/** 2024-11-21T09:08:46Z, the createTime of the captured MOCKPERIODYEARNEW order. */
export const FIXED_TIME = Date.UTC(2024, 10, 21, 9, 8, 46);

export interface FixedClock extends Clock {
  /** Put virtual time at `ms` (tests may go backwards; the port's `advance` never does). */
  set(ms: number): void;
  setWall(ms: number): void;
}

/**
 * @example const clock = createFixedClock(); clock.advance(60_000); clock.now() - FIXED_TIME // 60000
 */
export function createFixedClock(start: number = FIXED_TIME, wall: number = start): FixedClock {
  let now = start;
  let wallNow = wall;
  return {
    now: () => now,
    wallNow: () => wallNow,
    advance: (ms: number) => {
      if (!(ms >= 0)) throw new RangeError(`advance(${ms}): virtual time never moves backwards`);
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
    setWall: (ms: number) => {
      wallNow = ms;
    },
  };
}
