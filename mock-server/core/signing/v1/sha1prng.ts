import { createHash } from 'node:crypto';

/**
 * A port of Java's `SecureRandom.getInstance("SHA1PRNG")` (sun.security.provider.SecureRandom) after
 * an explicit `setSeed` on a fresh instance, which makes it deterministic (produce-api.md §7).
 *
 * The state update is Java's: `state += output + 1`, byte by byte from index 0 with the carry taken
 * from the *signed* Java sum (`v >> 8`, so -1, 0 or +1). That is not plain addition mod 2^160: an
 * unsigned port agrees on the first 20 bytes and differs after. Checked against Java 17.
 */
export interface Sha1Prng {
  /** The next `n` bytes of the stream, like Java's `nextBytes(new byte[n])`. */
  nextBytes(n: number): Uint8Array;
}

const DIGEST_SIZE = 20;

const sha1 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha1').update(data).digest());

const toSigned = (b: number): number => (b << 24) >> 24;

function updateState(state: Uint8Array, output: Uint8Array): void {
  let last = 1;
  let changed = false;
  for (let i = 0; i < state.length; i++) {
    const v = toSigned(state[i] as number) + toSigned(output[i] as number) + last;
    const t = v & 0xff;
    changed ||= state[i] !== t;
    state[i] = t;
    last = v >> 8;
  }
  if (!changed) state[0] = ((state[0] as number) + 1) & 0xff;
}

/**
 * A SHA1PRNG seeded with `seed` (Java: `getInstance("SHA1PRNG")` then `setSeed(seed)` before first use).
 * @example
 *   createSha1Prng(new TextEncoder().encode('a')).nextBytes(4); // 66 7f 40 7d
 */
export function createSha1Prng(seed: Uint8Array): Sha1Prng {
  const state = sha1(seed);
  let remainder: Uint8Array = new Uint8Array(0);
  return {
    nextBytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      let index = Math.min(n, remainder.length);
      out.set(remainder.subarray(0, index));
      remainder = remainder.subarray(index);
      while (index < n) {
        const output = sha1(state);
        updateState(state, output);
        const todo = Math.min(n - index, DIGEST_SIZE);
        out.set(output.subarray(0, todo), index);
        remainder = output.subarray(todo);
        index += todo;
      }
      return out;
    },
  };
}
