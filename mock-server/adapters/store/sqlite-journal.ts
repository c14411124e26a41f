/**
 * The exchange journal of the SQLite store: entries in the `exchanges` table (the row id is the
 * exchange id), filtered on indexed columns, pruned from the oldest end by retention (docs/config.md,
 * `journal.*`). Writes join the tick's group-committed transaction (./group-commit.ts).
 */
import type Database from 'better-sqlite3';
import type { Exchange, ExchangeFilter, JournalLimits, NewExchange } from '../../core/store.js';
import type { GroupCommit } from './group-commit.js';

/** The row id is the exchange id; it joins the stored JSON on the way out so ids are never duplicated. */
const EXCHANGE_DATA = "json_set(data, '$.id', id) AS data";

export interface SqliteJournal {
  append(exchange: NewExchange): number;
  get(id: number): Exchange | undefined;
  list(filter?: ExchangeFilter): Exchange[];
  /** Removes the oldest entries retention no longer keeps, at most `maxRows`; answers how many went. */
  prune(limits: JournalLimits, maxRows: number): number;
}

/** @example const journal = createSqliteJournal(db, createGroupCommit(db)); journal.append(exchange); */
export function createSqliteJournal(db: Database.Database, tx: GroupCommit): SqliteJournal {
  const insert = db.prepare('INSERT INTO exchanges (direction, operation, seller_id, scenario, started_at, data) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare(`SELECT ${EXCHANGE_DATA} FROM exchanges WHERE id = ?`);
  const bounds = db.prepare('SELECT min(id) AS first, max(id) AS last, count(*) AS n FROM exchanges');
  // The first entry young enough to keep, walking from the oldest.
  const firstYoung = db.prepare('SELECT id FROM exchanges WHERE started_at >= ? ORDER BY id LIMIT 1').pluck();
  // Entries in id order, so each one deleted is the oldest left (the guard trigger allows that).
  const pruneBelow = db.prepare('DELETE FROM exchanges WHERE id < ?');
  const toExchange = (row: { data: string } | undefined): Exchange | undefined => (row === undefined ? undefined : (JSON.parse(row.data) as Exchange));

  return {
    append(e) {
      tx.write();
      return Number(insert.run(e.direction, e.operation, e.sellerId ?? null, e.scenario ?? null, e.startedAt, JSON.stringify(e)).lastInsertRowid);
    },
    get: (id) => toExchange(byId.get(id) as { data: string } | undefined),
    list(filter = {}) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (sql: string, value: string | number | undefined) => {
        if (value === undefined) return;
        where.push(sql);
        args.push(value);
      };
      add('direction = ?', filter.direction);
      add('operation = ?', filter.operation);
      add('seller_id = ?', filter.sellerId);
      add('scenario = ?', filter.scenario);
      add('id > ?', filter.afterId);
      const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const rows = db.prepare(`SELECT ${EXCHANGE_DATA} FROM exchanges ${clause} ORDER BY id LIMIT ?`).all(...args, filter.limit ?? -1) as { data: string }[];
      return rows.map((r) => JSON.parse(r.data) as Exchange);
    },
    /** Same rule as the memory store (shared.ts pruneCut), on ids: removes entries with id < cut. */
    prune(limits, maxRows) {
      const { first, last, n } = bounds.get() as { first: number | null; last: number | null; n: number };
      if (first === null || last === null || n <= 1) return 0;
      // Ids have no gaps past the first (only the oldest entries are ever removed).
      let cut = limits.maxExchanges > 0 ? Math.max(first, last - limits.maxExchanges + 1) : first;
      if (limits.maxAgeMs > 0) {
        const young = firstYoung.get(limits.now - limits.maxAgeMs) as number | undefined;
        cut = Math.max(cut, young ?? last);
      }
      cut = Math.min(cut, last, first + maxRows);
      if (cut <= first) return 0;
      tx.write();
      return pruneBelow.run(cut).changes;
    },
  };
}
