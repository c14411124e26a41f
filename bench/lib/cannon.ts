/**
 * The load generator of the server benchmarks: autocannon, in the benchmark's own process (each
 * server runs in another). A measurement is valid only when every answer was the expected 2xx.
 */
import autocannon from 'autocannon';

export interface CannonResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Non-2xx answers, errors and timeouts. */
  readonly failures: number;
}

/** One request autocannon sends: the same every time, or the next of a pre-built list. */
export interface CannonRequest {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface CannonOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds of load (or `amount` requests). */
  readonly duration?: number;
  readonly amount?: number;
  /** The request, or a function giving a fresh one each time (pre-built before the clock starts). */
  readonly request: CannonRequest | (() => CannonRequest);
}

/**
 * Runs autocannon against `options.url` and sums the result; throws if any answer was not 2xx.
 * @example const r = await fire({ url, connections: 10, duration: 3, request: { path: QUERY, headers } });
 */
export async function fire(options: CannonOptions): Promise<CannonResult> {
  const next = typeof options.request === 'function' ? options.request : undefined;
  const fixed = typeof options.request === 'function' ? options.request() : options.request;
  const t0 = performance.now();
  let lastAnswer = t0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount === undefined ? { duration: options.duration ?? 3 } : { amount: options.amount }),
        timeout: 20,
        method: fixed.method ?? 'GET',
        headers: fixed.headers,
        ...(fixed.body === undefined ? {} : { body: fixed.body }),
        requests: [
          next === undefined
            ? { path: fixed.path }
            : {
                setupRequest: (req) => {
                  const r = next();
                  return { ...req, method: r.method ?? 'GET', path: r.path, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) };
                },
              },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon ends a run on its 1 s sampling tick: the time of the last answer is the real end.
    instance.on('response', () => {
      lastAnswer = performance.now();
    });
  });
  const seconds = (lastAnswer - t0) / 1000;
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`${options.url}: ${failures} of ${result.requests.total} answers were not 2xx (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures,
  };
}
