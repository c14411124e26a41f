/**
 * Durations as koomock's files spell them (config and scenarios alike): whole milliseconds as a
 * number, or a number with a unit `ms`, `s`, `m`, `h`, `d` (`10s`, `3m`, `1.5h`, `30d`).
 */
export const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Milliseconds of a duration, or undefined when it is not one (negative, fractional ms, no unit
 * on a string, a unit word such as `days`, more than `maxMs`).
 * @example
 *   parseDuration('30d'); // 2592000000
 *   parseDuration(500);   // 500
 *   parseDuration('30 days'); // undefined
 */
export function parseDuration(input: unknown, maxMs: number = Number.MAX_SAFE_INTEGER): number | undefined {
  let ms: number | undefined;
  if (typeof input === 'number') ms = input;
  else if (typeof input === 'string') {
    const m = DURATION.exec(input);
    if (m !== null) ms = Math.round(Number(m[1]) * UNIT_MS[m[2] as Unit]);
  }
  return ms !== undefined && Number.isSafeInteger(ms) && ms >= 0 && ms <= maxMs ? ms : undefined;
}

const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  ms: 'ms', msec: 'ms', msecs: 'ms', millisecond: 'ms', milliseconds: 'ms', 毫秒: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's', 秒: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm', 分钟: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', 小时: 'h',
  d: 'd', day: 'd', days: 'd', 天: 'd',
};

/**
 * The right spelling of an almost-right duration, for "did you mean" hints.
 * @example
 *   suggestDuration('30 days'); // '30d'
 *   suggestDuration('10S');     // '10s'
 *   suggestDuration('soon');    // undefined
 */
export function suggestDuration(input: string): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([^\d\s.]*)\s*$/.exec(input);
  if (m === null) return undefined;
  const [, amount = '', word = ''] = m;
  if (word === '') return `${amount}ms`;
  const unit = UNIT_WORDS[word.toLowerCase()];
  return unit === undefined ? undefined : `${amount}${unit}`;
}

/**
 * The shortest exact spelling of a duration, for titles and reports.
 * @example
 *   formatDuration(2_592_000_000); // '30d'
 *   formatDuration(1_500);         // '1500ms'
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
