import { describe, expect, test } from 'vitest';
import { createPersistentClock, createSystemClock, createVirtualClock } from '../../../mock-server/app/clock.js';
import { createMemoryStore } from '../../../mock-server/adapters/store/memory-store.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';

const wallAt = (start: number) => {
  let wall = start;
  return {
    now: () => wall,
    set: (ms: number) => {
      wall = ms;
    },
  };
};

describe('virtual clock', () => {
  test('starts at wall time and flows with it', () => {
    const wall = wallAt(1_000);
    const clock = createVirtualClock({ wallNow: wall.now });
    expect(clock.now()).toBe(1_000);
    wall.set(1_500);
    expect([clock.now(), clock.wallNow()]).toEqual([1_500, 1_500]);
  });

  test('advance moves virtual time only, never wall time', () => {
    const wall = wallAt(1_000);
    const clock = createVirtualClock({ wallNow: wall.now });
    clock.advance(3 * 3_600_000);
    expect(clock.now()).toBe(1_000 + 3 * 3_600_000);
    expect(clock.wallNow()).toBe(1_000);
    expect(clock.offset()).toBe(3 * 3_600_000);
  });

  test('does not go backwards when the wall clock is set back', () => {
    const wall = wallAt(10_000);
    const clock = createVirtualClock({ wallNow: wall.now });
    clock.now();
    wall.set(5_000);
    expect(clock.now()).toBe(10_000);
  });

  test.for([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects advance(%s) as INPUT_INVALID', (ms) => {
    const clock = createVirtualClock();
    let error: unknown;
    try {
      clock.advance(ms);
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) && error.code).toBe('INPUT_INVALID');
  });

  test('the system clock reads Date.now', () => {
    const clock = createSystemClock();
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  test('a persistent clock resumes from the stored offset and stores every advance', () => {
    const store = createMemoryStore();
    const wall = wallAt(0);
    createPersistentClock(store, wall.now).advance(60_000);
    expect(store.getClockOffset()).toBe(60_000);
    const resumed = createPersistentClock(store, wall.now);
    expect(resumed.now()).toBe(60_000);
    store.close();
  });
});
