/**
 * A Random for tests: bytes count up from a seed, UUIDs are numbered, so every id is predictable.
 */
import type { Random } from '../../mock-server/core/ports.js';

export interface SeqRandom extends Random {
  /** Makes the next `bytes()` calls return these values first (then the counter resumes). */
  queue(bytes: readonly number[]): void;
}

/**
 * @example const r = createSeqRandom(); r.bytes(3) // Uint8Array [0, 1, 2]; r.uuid() // "00000000-0000-4000-8000-000000000001"
 */
export function createSeqRandom(seed = 0): SeqRandom {
  let next = seed;
  let uuids = 0;
  const queued: number[] = [];
  return {
    bytes: (n: number) =>
      Uint8Array.from({ length: n }, () => {
        const q = queued.shift();
        if (q !== undefined) return q;
        const b = next & 0xff;
        next += 1;
        return b;
      }),
    uuid: () => {
      uuids += 1;
      return `00000000-0000-4000-8000-${uuids.toString(16).padStart(12, '0')}`;
    },
    queue: (bytes: readonly number[]) => {
      queued.push(...bytes);
    },
  };
}
