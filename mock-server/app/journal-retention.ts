/**
 * Journal retention in the background (docs/config.md, `journal.*`): about once a second the
 * oldest exchanges beyond `maxExchanges` or older than `maxAge` are removed, a batch at a time
 * with a turn of the event loop between batches, so no request waits behind a large prune.
 */
import type { Store } from '../core/store.js';
import type { JournalConfig } from '../config/types.js';

/** Entries one batch removes at most. */
export const PRUNE_BATCH = 2_000;
export const PRUNE_INTERVAL_MS = 1_000;

export interface JournalRetention {
  /** One full pass now (every batch); answers how many entries it removed. */
  pruneNow(): Promise<number>;
  stop(): void;
}

/**
 * @example const retention = startJournalRetention(store, config.journal, () => clock.now()); … retention.stop();
 */
export function startJournalRetention(store: Store, limits: JournalConfig, now: () => number): JournalRetention {
  let stopped = false;
  let running: Promise<number> | undefined;
  const pass = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      if (stopped) return total;
      const removed = store.pruneExchanges({ maxExchanges: limits.maxExchanges, maxAgeMs: limits.maxAgeMs, now: now() }, PRUNE_BATCH);
      total += removed;
      if (removed < PRUNE_BATCH) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const pruneNow = (): Promise<number> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };
  const off = limits.maxExchanges === 0 && limits.maxAgeMs === 0;
  const timer = off
    ? undefined
    : setInterval(() => {
        // A closed or failing store must not take the process down; the next tick tries again.
        pruneNow().catch(() => undefined);
      }, PRUNE_INTERVAL_MS);
  timer?.unref();
  return {
    pruneNow,
    stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
    },
  };
}
