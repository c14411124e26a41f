/**
 * Order amounts are decimal strings (`"100"`, `"12.78"`); koomock multiplies them exactly
 * (BigInt), because binary floating point would print 12.78 * 5 as 63.900000000000006.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** True for a non-negative decimal string such as `"100"` or `"12.78"`. */
export const isAmount = (text: string): boolean => DECIMAL.test(text);

/**
 * `amount` times a non-negative integer, without trailing fractional zeros.
 * @example multiplyAmount('12.78', 5) // "63.9"
 */
export function multiplyAmount(amount: string, times: number): string {
  const m = DECIMAL.exec(amount);
  if (m === null) throw new RangeError(`amount must be a decimal string like "100" or "12.78", received ${JSON.stringify(amount)}`);
  if (!Number.isInteger(times) || times < 0) throw new RangeError(`multiplier must be a non-negative integer, received ${times}`);
  const fraction = m[2] ?? '';
  const scaled = BigInt(`${m[1]}${fraction}`) * BigInt(times);
  const digits = scaled.toString().padStart(fraction.length + 1, '0');
  const whole = digits.slice(0, digits.length - fraction.length);
  const frac = digits.slice(digits.length - fraction.length).replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

/**
 * An amount in whole cents (rounded half up), for prices that are divided (per period, per day).
 * @example toCents('12.785') // 1279
 */
export function toCents(amount: string): number {
  const m = DECIMAL.exec(amount);
  if (m === null) throw new RangeError(`amount must be a decimal string like "100" or "12.78", received ${JSON.stringify(amount)}`);
  const fraction = (m[2] ?? '').padEnd(3, '0');
  const thousandths = Number(m[1]) * 1000 + Number(fraction.slice(0, 3));
  return Math.round(thousandths / 10);
}

/**
 * Whole cents as an amount string without trailing fractional zeros.
 * @example fromCents(6390) // "63.9"
 */
export function fromCents(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`cents must be a non-negative whole number, received ${cents}`);
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}
