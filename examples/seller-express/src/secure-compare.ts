import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time, case-insensitive comparison of two hex signatures. Both sides are hashed first,
 * so neither their content nor their length leaks through timing (timingSafeEqual alone throws
 * on different lengths, which is itself a timing signal).
 * @example
 *   isSameHex('ABC123', 'abc123'); // true
 */
export function isSameHex(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received.toLowerCase()).digest();
  const b = createHash('sha256').update(expected.toLowerCase()).digest();
  return timingSafeEqual(a, b);
}
