/**
 * `koomock load`: signed produce calls to a seller as fast as asked, each for a fresh order, either
 * at a fixed rate (open loop: calls start on schedule whatever the seller's latency) or with a fixed
 * number in flight (closed loop). Every call is bounded by the platform's call timeout.
 */
import { Agent, request } from 'undici';
import type { KoomockConfig } from '../config/types.js';
import { buildProduceRequest } from '../core/produce/activities.js';
import { signProduceRequest } from '../core/produce/sign-request.js';
import { isSucceeded, type LoadCall, type LoadSummary, summariseLoad } from '../core/load/summary.js';
import { createSystemClock } from './clock.js';
import { createCryptoRandom } from './random.js';

/** Answers are read up to this many bytes: enough for any produce answer, bounded for a runaway seller. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** In-flight calls a fixed rate may pile up before it stops starting more (a seller that hangs). */
const MAX_IN_FLIGHT = 1_000;

export type LoadMode = { readonly kind: 'rate'; readonly perSecond: number } | { readonly kind: 'concurrency'; readonly inFlight: number };

export interface LoadOptions {
  readonly config: KoomockConfig;
  readonly activity: string;
  readonly mode: LoadMode;
  readonly durationMs: number;
  /** Stop after this many calls even before the duration ends. */
  readonly maxCalls?: number;
  /** Called about twice a second with the calls so far. */
  readonly onProgress?: (done: number, failed: number, elapsedMs: number) => void;
}

async function readAnswer(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

const resultCodeOf = (text: string): string | undefined => {
  try {
    const parsed = JSON.parse(text) as { resultCode?: unknown };
    return typeof parsed.resultCode === 'string' ? parsed.resultCode : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Runs the load and summarises it.
 * @example const summary = await runLoad({ config, activity: 'newInstance', mode: { kind: 'concurrency', inFlight: 8 }, durationMs: 10_000 });
 */
export async function runLoad(options: LoadOptions): Promise<LoadSummary> {
  const { config, mode } = options;
  const ctx = { profile: config.profile, clock: createSystemClock(), random: createCryptoRandom() };
  const timeoutMs = config.profile.callTimeoutMs;
  const connections = mode.kind === 'concurrency' ? mode.inFlight : Math.min(MAX_IN_FLIGHT, Math.max(1, Math.ceil(mode.perSecond / 10)));
  const agent = new Agent({ connections, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const runId = Date.now().toString(36).toUpperCase();
  const calls: LoadCall[] = [];
  let started = 0;
  let failed = 0;
  const t0 = performance.now();
  const deadline = t0 + options.durationMs;
  const limit = options.maxCalls ?? Number.POSITIVE_INFINITY;

  const one = async (): Promise<void> => {
    started += 1;
    // A fresh order per call: the seller sees each as a new purchase.
    const orderId = `LOAD${runId}${String(started).padStart(7, '0')}`;
    const built = buildProduceRequest({ activity: options.activity, url: config.seller.productionUrl, fields: { orderId, orderLineId: `${orderId}-000001` } }, ctx);
    const signed = signProduceRequest(built, config.seller.keys, ctx);
    const begin = performance.now();
    let call: LoadCall;
    try {
      const res = await request(signed.url, {
        method: signed.method,
        headers: signed.headers,
        ...(signed.body === undefined ? {} : { body: signed.body }),
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await readAnswer(res.body);
      const resultCode = resultCodeOf(text);
      call = { durationMs: performance.now() - begin, status: res.statusCode, ...(resultCode === undefined ? {} : { resultCode }), timedOut: false };
    } catch (e) {
      const durationMs = performance.now() - begin;
      const name = e instanceof Error ? e.name : '';
      const timedOut = name === 'TimeoutError' || name === 'HeadersTimeoutError' || name === 'BodyTimeoutError' || durationMs >= timeoutMs;
      call = { durationMs, timedOut, ...(timedOut ? {} : { error: e instanceof Error ? e.message.slice(0, 200) : String(e) }) };
    }
    calls.push(call);
    if (!isSucceeded(call)) failed += 1;
  };

  const progress = options.onProgress === undefined ? undefined : setInterval(() => options.onProgress?.(calls.length, failed, performance.now() - t0), 500);
  try {
    if (mode.kind === 'concurrency') {
      const worker = async () => {
        while (performance.now() < deadline && started < limit) await one();
      };
      await Promise.all(Array.from({ length: mode.inFlight }, worker));
    } else {
      const inFlight = new Set<Promise<void>>();
      const interval = 1000 / mode.perSecond;
      let next = t0;
      while (next < deadline && started < limit) {
        const wait = next - performance.now();
        // Sleep until the next start, or at least let answers in between starts.
        await (wait > 1 ? new Promise((r) => setTimeout(r, wait)) : new Promise((r) => setImmediate(r)));
        if (inFlight.size < MAX_IN_FLIGHT) {
          const p: Promise<void> = one().finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        next += interval;
      }
      await Promise.all(inFlight);
    }
  } finally {
    if (progress !== undefined) clearInterval(progress);
    await agent.close();
  }
  return summariseLoad(calls, performance.now() - t0);
}
