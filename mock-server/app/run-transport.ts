/**
 * The seller transport as a run uses it: the emulator is brought up to date before every call,
 * and with `--time-scale N` virtual waits (retry intervals, polls, `wait` steps) cost 1/N of their
 * length in wall time, so background work in the seller gets real time to finish.
 */
import type { SellerTransport, TransportRequest, TransportResult } from '../core/ports.js';
import type { Clock } from '../core/ports.js';

export interface RunTransportOptions {
  readonly clock: Clock;
  /** Called before each send (e.g. push virtual time to a remote emulator). */
  readonly sync?: () => Promise<void>;
  /** Virtual ms per wall ms for waits; undefined or Infinity = waits cost no wall time. */
  readonly timeScale?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A single pause never exceeds this, whatever the scale (a `wait: 335d` step must not hang a run). */
export const MAX_PACE_MS = 10_000;

/**
 * @example
 *   const transport = createRunTransport(createFetchTransport(), { clock, timeScale: 1000 });
 */
export function createRunTransport(inner: SellerTransport, options: RunTransportOptions): SellerTransport {
  const { clock } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const scale = options.timeScale;
  let lastVirtual = clock.now();
  let lastWall = clock.wallNow();
  return {
    async send(request: TransportRequest, opts): Promise<TransportResult> {
      if (scale !== undefined && Number.isFinite(scale) && scale > 0) {
        const advanced = clock.now() - lastVirtual - (clock.wallNow() - lastWall);
        if (advanced > 0) await sleep(Math.min(MAX_PACE_MS, advanced / scale));
      }
      await options.sync?.();
      try {
        return await inner.send(request, opts);
      } finally {
        lastVirtual = clock.now();
        lastWall = clock.wallNow();
      }
    },
  };
}

export interface RecordedExchange {
  readonly request: TransportRequest;
  readonly result: TransportResult;
}

/**
 * A transport that remembers every exchange (for `koomock send`, which prints them).
 * @example
 *   const recording = createRecordingTransport(transport);
 *   // … run a call …
 *   recording.exchanges[0]?.request.url;
 */
export function createRecordingTransport(inner: SellerTransport): SellerTransport & { readonly exchanges: readonly RecordedExchange[] } {
  const exchanges: RecordedExchange[] = [];
  return {
    exchanges,
    async send(request, opts) {
      const result = await inner.send(request, opts);
      exchanges.push({ request, result });
      return result;
    },
  };
}
