import { UNIT_MS, parseDuration as parseAnyDuration } from '../core/duration.js';

/** Longest accepted config duration: 24 days stays below Node's timer limit (2^31 - 1 ms). */
export const MAX_DURATION_MS = 24 * UNIT_MS.d;

/**
 * Reads a config duration (see core/duration.ts), at most MAX_DURATION_MS.
 * @example
 *   parseDuration('3h');      // 10800000
 *   parseDuration('3 hours'); // undefined
 */
export const parseDuration = (input: unknown): number | undefined => parseAnyDuration(input, MAX_DURATION_MS);
