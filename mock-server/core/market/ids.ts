/**
 * Platform-shaped ids. Every random part comes from the Random port so tests can fix it.
 */
import type { Random } from '../ports.js';
import { toOrderIdTime } from './time-format.js';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * `length` characters drawn uniformly from `alphabet` (rejection sampling, so no modulo bias).
 * @example createRandomString(random, 5, 'AB') // "ABBAB"
 */
export function createRandomString(random: Random, length: number, alphabet: string = UPPER_ALNUM): string {
  if (alphabet.length === 0 || alphabet.length > 256) throw new RangeError('alphabet must have 1-256 characters');
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random.bytes(length - out.length)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/**
 * Order id: `CS` + `yyMMddHHmm` in Beijing time + 5 upper-case alphanumerics (open-api.md §3.1).
 * @example createOrderId(Date.UTC(2022, 6, 26, 6, 47), random) // "CS2207261447AUY4H"
 */
export function createOrderId(nowMs: number, random: Random): string {
  return `CS${toOrderIdTime(nowMs)}${createRandomString(random, 5)}`;
}

/**
 * Order line id: `<orderId>-` + 6-digit sequence starting at 1.
 * @example toOrderLineId('CS2207261447AUY4H', 1) // "CS2207261447AUY4H-000001"
 */
export function toOrderLineId(orderId: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`order line sequence must be 1-999999, received ${sequence}`);
  }
  return `${orderId}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Instance id koomock mints for its own instances (the seller mints its own; docs/fidelity.md#d15 recommends the businessId).
 * @internal Exported for the tests.
 */
export const createInstanceId = (random: Random): string => random.uuid();

/** `businessId` of a newInstance attempt: a fresh UUID on every attempt (docs/fidelity.md#d15). */
export const createBusinessId = (random: Random): string => random.uuid();
