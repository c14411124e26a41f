const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Formats a time as an `X-Sdk-Date` value: UTC, basic ISO, whole seconds.
 * @example
 *   toSdkDate(Date.UTC(2019, 10, 15, 3, 36, 55)); // '20191115T033655Z'
 */
export function toSdkDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Parses an `X-Sdk-Date` value (`YYYYMMDD'T'HHMMSS'Z'`) to ms since the epoch; undefined when the text
 * does not have that exact shape or names a date that does not exist (Feb 30, hour 24).
 * @example
 *   parseSdkDate('20191115T033655Z'); // 1573789015000
 *   parseSdkDate('2019-11-15T03:36:55Z'); // undefined
 */
export function parseSdkDate(text: string): number | undefined {
  const m = SDK_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls over out-of-range fields (Feb 30 -> Mar 2, 24:00 -> next day): read them back.
  const at = new Date(ms);
  const same = at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && at.getUTCHours() === h && at.getUTCMinutes() === mi && at.getUTCSeconds() === s;
  return Number.isNaN(ms) || !same ? undefined : ms;
}
