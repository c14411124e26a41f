/**
 * When a period order line expires.
 *
 * The doc's order-query example (open-api.md §3.1) has createTime `20220726064736` (UTC, 14:47
 * Beijing) and expireTime `20230726155959` (UTC) = 23:59:59 Beijing one year later. So koomock adds
 * the period on the Beijing calendar and expires at the end of that Beijing day. `hour` periods
 * have no day boundary: they expire exactly N hours after creation.
 */
import type { PeriodType } from './catalog.js';
import { EAST8_OFFSET_MS } from './time-format.js';

const HOUR_MS = 3_600_000;

/**
 * Expiry (epoch ms) of a line created at `createMs` for `periodNumber` periods of `periodType`.
 * Month ends clamp (31 January + 1 month = end of February).
 * @example toExpireMs(Date.UTC(2022, 6, 26, 6, 47, 36), 'year', 1) // Date.UTC(2023, 6, 26, 15, 59, 59)
 */
export function toExpireMs(createMs: number, periodType: PeriodType, periodNumber: number): number {
  if (!Number.isInteger(periodNumber) || periodNumber < 1) {
    throw new RangeError(`periodNumber must be a positive integer, received ${periodNumber}`);
  }
  if (periodType === 'hour') return createMs + periodNumber * HOUR_MS;

  const local = new Date(createMs + EAST8_OFFSET_MS);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth();
  let day = local.getUTCDate();
  if (periodType === 'year') year += periodNumber;
  if (periodType === 'month') {
    year += Math.floor((month + periodNumber) / 12);
    month = (month + periodNumber) % 12;
  }
  const lastDay = new Date(Date.UTC(2000, month + 1, 0)).getUTCDate();
  const daysInMonth = month === 1 ? (isLeapYear(year) ? 29 : 28) : lastDay;
  day = Math.min(day, daysInMonth);

  const end = new Date(0);
  end.setUTCFullYear(year, month, day + (periodType === 'day' ? periodNumber : 0));
  end.setUTCHours(23, 59, 59, 0);
  return end.getTime() - EAST8_OFFSET_MS;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * A renewal's new expiry: `periodNumber` periods added to the current expiry, keeping its time of
 * day, on the UTC calendar; month ends clamp. For koomock's own expiries (23:59:59 Beijing, which
 * is 15:59:59 UTC of the same date) this is the Beijing calendar too.
 * @example extendExpiryMs(Date.UTC(2027, 0, 31, 15, 59, 59), 'month', 1) // Date.UTC(2027, 1, 28, 15, 59, 59)
 */
export function extendExpiryMs(expiryMs: number, periodType: PeriodType, periodNumber: number): number {
  if (!Number.isInteger(periodNumber) || periodNumber < 1) {
    throw new RangeError(`periodNumber must be a positive integer, received ${periodNumber}`);
  }
  if (periodType === 'hour') return expiryMs + periodNumber * HOUR_MS;
  const d = new Date(expiryMs);
  const months = periodType === 'year' ? 12 * periodNumber : periodType === 'month' ? periodNumber : 0;
  const total = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month + 1, 0);
  const day = Math.min(d.getUTCDate(), lastDay.getUTCDate()) + (periodType === 'day' ? periodNumber : 0);
  const end = new Date(expiryMs);
  end.setUTCFullYear(year, month, day);
  return end.getTime();
}
