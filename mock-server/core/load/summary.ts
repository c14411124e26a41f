/**
 * What `koomock load` reports: counts by outcome and result code, the achieved rate, and latency
 * percentiles over every answered or timed-out call (nearest-rank on the sorted durations).
 */

/** How one call ended. */
export interface LoadCall {
  /** ms from send to the whole answer (or to the timeout / error). */
  readonly durationMs: number;
  /** HTTP status; undefined when no answer arrived. */
  readonly status?: number;
  /** `resultCode` of the JSON answer, when it had one. */
  readonly resultCode?: string;
  /** No answer within the platform's call timeout. */
  readonly timedOut: boolean;
  /** Connection refused or reset, or an unreadable answer. */
  readonly error?: string;
}

export interface LoadSummary {
  readonly calls: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly timeouts: number;
  readonly errors: number;
  readonly elapsedMs: number;
  /** Calls per second over the elapsed wall time. */
  readonly rate: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  /** `resultCode` (or `HTTP <status>`, `timeout`, `error`) -> count. */
  readonly results: Readonly<Record<string, number>>;
}

/** Result codes a produce call may answer and still have worked (000004: provisioning in progress). */
export const SUCCESS_CODES: ReadonlySet<string> = new Set(['000000', '000004']);

/** The failed-call rule: no answer, a non-2xx status, or a resultCode other than a success. */
export const isSucceeded = (c: LoadCall): boolean =>
  !c.timedOut && c.error === undefined && c.status !== undefined && c.status >= 200 && c.status < 300 && c.resultCode !== undefined && SUCCESS_CODES.has(c.resultCode);

const resultKey = (c: LoadCall): string => {
  if (c.timedOut) return 'timeout';
  if (c.error !== undefined || c.status === undefined) return 'error';
  if (c.status < 200 || c.status >= 300) return `HTTP ${c.status}`;
  return c.resultCode ?? 'no resultCode';
};

/** Nearest-rank percentile of ascending `sorted` (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/**
 * @example summariseLoad([{ durationMs: 3, status: 200, resultCode: '000000', timedOut: false }], 1000).succeeded // 1
 */
export function summariseLoad(calls: readonly LoadCall[], elapsedMs: number): LoadSummary {
  const sorted = calls.map((c) => c.durationMs).sort((a, b) => a - b);
  const results: Record<string, number> = {};
  let succeeded = 0;
  let timeouts = 0;
  let errors = 0;
  for (const c of calls) {
    const key = resultKey(c);
    results[key] = (results[key] ?? 0) + 1;
    if (isSucceeded(c)) succeeded += 1;
    if (c.timedOut) timeouts += 1;
    else if (c.error !== undefined) errors += 1;
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    calls: calls.length,
    succeeded,
    failed: calls.length - succeeded,
    timeouts,
    errors,
    elapsedMs: Math.round(elapsedMs),
    rate: elapsedMs > 0 ? round((calls.length * 1000) / elapsedMs) : 0,
    latencyMs: { p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) },
    results,
  };
}
