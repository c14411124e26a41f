/**
 * The exchange journal of the memory store: each entry kept as the UTF-8 bytes of its JSON text (a
 * fraction of the memory of the object graph, and outside the JavaScript heap, so 50,000 retained
 * entries do not grow the heap the garbage collector sizes itself by) beside the few fields the
 * admin filters read, pruned from the oldest end by retention (docs/config.md, `journal.*`).
 */
import type { Exchange, ExchangeFilter, JournalLimits, NewExchange } from '../../core/store.js';
import { matchesExchange, pruneCut } from './shared.js';

interface Entry {
  readonly id: number;
  readonly direction: Exchange['direction'];
  readonly operation: string;
  readonly sellerId?: string;
  readonly scenario?: string;
  readonly startedAt: number;
  readonly json: Buffer;
}

export interface MemoryJournal {
  append(exchange: NewExchange): number;
  get(id: number): Exchange | undefined;
  list(filter: ExchangeFilter): Exchange[];
  prune(limits: JournalLimits, maxRows: number): number;
}

/** @example const journal = createMemoryJournal(); journal.append(exchange); */
export function createMemoryJournal(): MemoryJournal {
  let entries: Entry[] = [];
  // Ids keep growing after pruning: the id of entries[0].
  let firstId = 1;
  const toExchange = (e: Entry): Exchange => JSON.parse(e.json.toString('utf8')) as Exchange;
  return {
    append(exchange) {
      const id = firstId + entries.length;
      const text = JSON.stringify({ ...exchange, id });
      // Its own allocation, not a slice of Node's shared 8 KiB pool that would keep the slab alive.
      const json = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
      json.write(text, 'utf8');
      const { direction, operation, sellerId, scenario, startedAt } = exchange;
      entries.push({ id, direction, operation, ...(sellerId === undefined ? {} : { sellerId }), ...(scenario === undefined ? {} : { scenario }), startedAt, json });
      return id;
    },
    get(id) {
      const e = Number.isInteger(id) ? entries[id - firstId] : undefined;
      return e === undefined ? undefined : toExchange(e);
    },
    list(filter) {
      // A negative limit means "no limit", as SQLite's LIMIT -1 does.
      const limit = filter.limit === undefined || filter.limit < 0 ? Number.POSITIVE_INFINITY : filter.limit;
      const from = filter.afterId === undefined ? 0 : Math.max(0, Math.floor(filter.afterId) - firstId + 1);
      const out: Exchange[] = [];
      for (let i = from; i < entries.length && out.length < limit; i += 1) {
        const e = entries[i] as Entry;
        if (matchesExchange(e, filter)) out.push(toExchange(e));
      }
      return out;
    },
    prune(limits, maxRows) {
      const cut = Math.min(pruneCut(entries, limits), maxRows);
      if (cut <= 0) return 0;
      entries = entries.slice(cut);
      firstId += cut;
      return cut;
    },
  };
}
