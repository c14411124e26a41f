/**
 * The platform's time formats. Order query and produce calls use UTC `yyyyMMddHHmmss`
 * (open-api.md §3.1), usage push uses `yyyyMMdd'T'HHmmss'Z'` (§3.3), the kit `timeStamp` is
 * `yyyyMMddHHmmssSSS` in UTC+8 (§4.2). Parsers are strict: a malformed or impossible value
 * (month 13, 30 February, 24:00) yields `undefined`, never a guess.
 */

/** Beijing time (UTC+8), used by order ids, the kit `timeStamp` and end-of-day expiry. */
export const EAST8_OFFSET_MS = 8 * 60 * 60 * 1000;

interface Fields {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  readonly millis: string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Calendar fields of `ms` shifted by `offsetMs` (0 = UTC). */
function toCalendarFields(ms: number, offsetMs = 0): Fields {
  if (!Number.isFinite(ms)) throw new RangeError(`time must be a finite number of ms, received ${ms}`);
  const d = new Date(ms + offsetMs);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError(`time ${ms} is outside the years 1000-9999`);
  return {
    year: pad(year, 4),
    month: pad(d.getUTCMonth() + 1, 2),
    day: pad(d.getUTCDate(), 2),
    hour: pad(d.getUTCHours(), 2),
    minute: pad(d.getUTCMinutes(), 2),
    second: pad(d.getUTCSeconds(), 2),
    millis: pad(d.getUTCMilliseconds(), 3),
  };
}

/**
 * Order query `createTime`/`expireTime`: UTC `yyyyMMddHHmmss`.
 * @example toOrderTime(Date.UTC(2024, 10, 21, 9, 8, 46)) // "20241121090846"
 */
export function toOrderTime(ms: number): string {
  const f = toCalendarFields(ms);
  return `${f.year}${f.month}${f.day}${f.hour}${f.minute}${f.second}`;
}

/**
 * UTC `yyyyMMddHHmmssSSS` (17-digit `expireTime`, queryInstance `statisticalTime`).
 * @example toMillisTime(Date.UTC(2022, 10, 24, 2, 36, 18, 256)) // "20221124023618256"
 */
export function toMillisTime(ms: number): string {
  return toOrderTime(ms) + toCalendarFields(ms).millis;
}

/**
 * Kit `timeStamp`: `yyyyMMddHHmmssSSS` in Beijing time (UTC+8).
 * @example toEast8Millis(Date.UTC(2022, 3, 13, 1, 35, 39, 534)) // "20220413093539534"
 */
export function toEast8Millis(ms: number): string {
  const f = toCalendarFields(ms, EAST8_OFFSET_MS);
  return `${f.year}${f.month}${f.day}${f.hour}${f.minute}${f.second}${f.millis}`;
}

/**
 * Usage push times: UTC `yyyyMMdd'T'HHmmss'Z'`.
 * @example toUsageTime(Date.UTC(2022, 7, 9, 9, 10, 0)) // "20220809T091000Z"
 * @internal Exported for the tests.
 */
export function toUsageTime(ms: number): string {
  const f = toCalendarFields(ms);
  return `${f.year}${f.month}${f.day}T${f.hour}${f.minute}${f.second}Z`;
}

const ORDER_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const MILLIS_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/;
const USAGE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Epoch ms of the matched fields, or undefined when any field is out of range. */
function fromMatch(m: RegExpExecArray | null, offsetMs: number): number | undefined {
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second, millis = 0] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number?,
  ];
  if (year < 1000) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millis);
  // Date rolls over silently (month 13 -> next January); a round trip exposes that.
  const exact =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  return exact ? d.getTime() - offsetMs : undefined;
}

const asString = (text: unknown): string => (typeof text === 'string' ? text : '');

/**
 * Strict parser of {@link toOrderTime}'s format.
 * @example parseOrderTime('20241121090846') // 1732180126000
 * @example parseOrderTime('20241321090846') // undefined (month 13)
 */
export const parseOrderTime = (text: unknown): number | undefined => fromMatch(ORDER_TIME.exec(asString(text)), 0);

/**
 * Strict parser of {@link toMillisTime}'s format (UTC).
 * @internal Exported for the tests.
 */
export const parseMillisTime = (text: unknown): number | undefined => fromMatch(MILLIS_TIME.exec(asString(text)), 0);

/**
 * Strict parser of {@link toEast8Millis}'s format (UTC+8).
 * @internal Exported for the tests.
 */
export const parseEast8Millis = (text: unknown): number | undefined =>
  fromMatch(MILLIS_TIME.exec(asString(text)), EAST8_OFFSET_MS);

/**
 * Strict parser of {@link toUsageTime}'s format.
 * @example parseUsageTime('20220809T091000Z') // 1660036200000
 */
export const parseUsageTime = (text: unknown): number | undefined => fromMatch(USAGE_TIME.exec(asString(text)), 0);

/** Beijing `yyMMddHHmm`, the time part of an order id (open-api.md §3.1, INFERRED). */
export function toOrderIdTime(ms: number): string {
  const f = toCalendarFields(ms, EAST8_OFFSET_MS);
  return `${f.year.slice(2)}${f.month}${f.day}${f.hour}${f.minute}`;
}
