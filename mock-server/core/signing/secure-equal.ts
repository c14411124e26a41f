import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time comparison of two strings (or byte arrays) of any length: both sides are hashed
 * first so neither the content nor the length leaks through timing.
 * @example
 *   secureEqual('ABC', 'ABC'); // true
 */
export function secureEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Constant-time comparison of two hex strings, ignoring letter case. */
export const secureEqualHex = (a: string, b: string): boolean => secureEqual(a.toLowerCase(), b.toLowerCase());
