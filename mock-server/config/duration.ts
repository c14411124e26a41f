const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** Longest accepted duration: 24 days stays below Node's timer limit (2^31 - 1 ms). */
export const MAX_DURATION_MS = 24 * UNIT_MS.d;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Reads a config duration: whole milliseconds as a number, or a string with a unit ms, s, m, h or d.
 * Returns undefined for anything else (including negative, fractional-ms numbers and values above
 * MAX_DURATION_MS); `suggestDuration` then proposes a fix for the message.
 * @example
 *   parseDuration('3h');     // 10800000
 *   parseDuration(20000);    // 20000
 *   parseDuration('3 hours'); // undefined
 */
export function parseDuration(input: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof input === 'number') {
    ms = Number.isInteger(input) ? input : undefined;
  } else if (typeof input === 'string') {
    const m = DURATION.exec(input);
    if (m !== null) ms = Math.round(Number(m[1]) * UNIT_MS[m[2] as Unit]);
  }
  return ms !== undefined && ms >= 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}

const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  ms: 'ms', msec: 'ms', msecs: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's', 秒: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm', 分钟: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', 小时: 'h',
  d: 'd', day: 'd', days: 'd', 天: 'd',
};

/**
 * The canonical spelling of an almost-right duration, for "did you mean" hints.
 * @example
 *   suggestDuration('3 hours'); // '3h'
 *   suggestDuration('20S');     // '20s'
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
 * The shortest exact spelling of a duration, for starter files and reports.
 * @example
 *   formatDuration(10_800_000); // '3h'
 *   formatDuration(1_500);      // '1500ms'
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
