/**
 * `order.queried` over the emulator's journal: every inbound `order.query` exchange the fake Open
 * APIs answered successfully, with the virtual time it started. Works over a store in this process
 * or over the admin API of a running emulator (`readAfter` may be async).
 */
import type { OrderQuerySource } from '../core/scenario/run/engine-types.js';
import type { Exchange } from '../core/store.js';

export const ORDER_QUERY_OPERATION = 'order.query';

/** Wall ms a seller that fetches the order in the background gets before `order.queried` is judged. */
export const DEFAULT_SETTLE_MS = 300;

interface QueryEntry {
  readonly orderId: string;
  readonly orderLineId?: string;
  readonly at: number;
}

export interface JournalOrderQueriesOptions {
  /** Inbound `order.query` exchanges with an id above `afterId`, oldest first. */
  readonly readAfter: (afterId: number) => readonly Exchange[] | Promise<readonly Exchange[]>;
  readonly settleMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The query string of a journaled request (`query`, or the part of `url`/`path` after `?`). */
function queryOf(request: Readonly<Record<string, unknown>>): string {
  const query = text(request['query']);
  if (query !== undefined) return query;
  const target = text(request['url']) ?? text(request['path']) ?? '';
  const q = target.indexOf('?');
  return q < 0 ? '' : target.slice(q + 1);
}

/** An answered order query, or undefined (a rejected signature or an unknown order is no fetch). */
function toQueryEntry(exchange: Exchange): QueryEntry | undefined {
  if (exchange.operation !== ORDER_QUERY_OPERATION) return undefined;
  const status = exchange.response?.['status'];
  if (typeof status !== 'number' || status >= 400) return undefined;
  const params = new URLSearchParams(queryOf(exchange.request));
  const orderId = params.get('orderId');
  if (orderId === null || orderId === '') return undefined;
  const orderLineId = params.get('orderLineId');
  return { orderId, ...(orderLineId === null || orderLineId === '' ? {} : { orderLineId }), at: exchange.startedAt };
}

/**
 * @example
 *   const queries = createJournalOrderQueries({ readAfter: (id) => store.listExchanges({ direction: 'inbound', operation: 'order.query', afterId: id, limit: -1 }) });
 *   await queries.settle?.({ orderId, fromMs });
 *   queries.wasQueried(orderId, orderLineId, fromMs, toMs);
 */
export function createJournalOrderQueries(options: JournalOrderQueriesOptions): OrderQuerySource {
  const entries: QueryEntry[] = [];
  let lastId = 0;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const refresh = async (): Promise<void> => {
    for (const exchange of await options.readAfter(lastId)) {
      lastId = Math.max(lastId, exchange.id);
      const entry = toQueryEntry(exchange);
      if (entry !== undefined) entries.push(entry);
    }
  };
  // A query of the whole order (no orderLineId) fetched every line.
  const matches = (e: QueryEntry, orderId: string, orderLineId: string | undefined): boolean =>
    e.orderId === orderId && (e.orderLineId === undefined || orderLineId === undefined || e.orderLineId === orderLineId);
  return {
    wasQueried: (orderId, orderLineId, fromMs, toMs) => entries.some((e) => matches(e, orderId, orderLineId) && e.at >= fromMs && e.at <= toMs),
    async settle({ orderId, orderLineId, fromMs }) {
      const deadline = Date.now() + settleMs;
      for (;;) {
        await refresh();
        if (entries.some((e) => matches(e, orderId, orderLineId) && e.at >= fromMs) || Date.now() >= deadline) return;
        await sleep(20);
      }
    },
  };
}
