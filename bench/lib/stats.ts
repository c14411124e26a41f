/**
 * Measuring helpers shared by the benchmarks: bounded warm-up, interleaved rounds, medians.
 * Every loop here has a fixed or time-capped bound, so a benchmark always ends by itself.
 */

/**
 * The middle value (mean of the two middle ones for an even count).
 * @example median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Wall-clock milliseconds with sub-microsecond resolution. */
const nowMs = (): number => performance.now();

/** A synchronous operation to time, and what it must return to count as done right. */
export interface SyncCase {
  readonly name: string;
  /** Returns something derived from the work, so the JIT cannot drop the work. */
  readonly run: () => unknown;
}

export interface SyncTiming {
  readonly name: string;
  /** Median nanoseconds per operation over the rounds. */
  readonly nsPerOp: number;
  /** Median over the rounds of (this case's ns/op ÷ the baseline's ns/op in the same round). */
  readonly ratio: number;
}

export interface SyncRoundsOptions {
  /** Warm-up per case, ms (also used to size the rounds). */
  readonly warmupMs: number;
  /** Target length of one case in one round, ms. */
  readonly roundMs: number;
  readonly rounds: number;
  /** Upper bound on iterations of any loop, whatever the timings say. */
  readonly maxIterations: number;
}

// Folded into by every timed call so the results stay observable.
let sink = 0;
const consume = (value: unknown): void => {
  sink = (sink + (typeof value === 'string' ? value.length : 1)) | 0;
};

/** Runs `run` `iterations` times; returns ns per call. */
function timeLoop(run: () => unknown, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) consume(run());
  return Number(process.hrtime.bigint() - start) / iterations;
}

/** Warms a case up for about `warmupMs` (capped by `maxIterations`) and returns its rough ns/op. */
function warmUp(run: () => unknown, options: SyncRoundsOptions): number {
  const deadline = nowMs() + options.warmupMs;
  let iterations = 0;
  const start = process.hrtime.bigint();
  while (nowMs() < deadline && iterations < options.maxIterations) {
    consume(run());
    iterations++;
  }
  return Number(process.hrtime.bigint() - start) / Math.max(iterations, 1);
}

/**
 * Times synchronous cases in interleaved rounds: every round runs every case once (starting from a
 * different case each round), so a burst of load elsewhere hits baseline and cases alike. The first
 * case is the baseline; each ratio is taken within one round, then the median over rounds.
 * @example
 *   const rows = timeSyncCases([{ name: 'raw HMAC', run: () => hmac() }, { name: 'sign', run: () => sign() }],
 *     { warmupMs: 200, roundMs: 60, rounds: 9, maxIterations: 1_000_000 });
 */
export function timeSyncCases(cases: readonly SyncCase[], options: SyncRoundsOptions): SyncTiming[] {
  const iterations = cases.map((c) => {
    const estimate = warmUp(c.run, options);
    return Math.min(options.maxIterations, Math.max(50, Math.round((options.roundMs * 1e6) / Math.max(estimate, 1))));
  });
  const samples = cases.map((): number[] => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (round + k) % cases.length;
      const c = cases[index] as SyncCase;
      (samples[index] as number[]).push(timeLoop(c.run, iterations[index] as number));
    }
  }
  const base = samples[0] as number[];
  return cases.map((c, i) => {
    const own = samples[i] as number[];
    return { name: c.name, nsPerOp: median(own), ratio: median(own.map((ns, r) => ns / (base[r] as number))) };
  });
}
