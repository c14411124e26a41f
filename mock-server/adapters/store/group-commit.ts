/**
 * Group commit for the SQLite store: the first write of an event-loop tick opens a transaction,
 * every later write of the same tick joins it, and one `setImmediate` commits them all. With WAL
 * and `synchronous=NORMAL` the commit is a write to the WAL file (no fsync), which the operating
 * system keeps when the process is killed (docs/benchmarks.md, "Durability"). Reads on the same
 * connection see the open transaction, so the store behaves exactly as if each write committed.
 */
import type Database from 'better-sqlite3';

export interface GroupCommit {
  /** Call before any write: opens this tick's transaction when none is open. */
  readonly write: () => void;
  /** Resolves when every write made so far is committed; rejects when that commit failed. */
  readonly durable: () => Promise<void>;
  /** Commits what is pending now (before close, reset or a read of the file by another connection). */
  readonly flush: () => void;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * @example const tx = createGroupCommit(db); tx.write(); insert.run(...); await tx.durable();
 */
export function createGroupCommit(db: Database.Database): GroupCommit {
  let open = false;
  let waiters: Waiter[] = [];
  let scheduled: NodeJS.Immediate | undefined;

  function commit(): void {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
    const settled = waiters;
    waiters = [];
    if (!open) {
      for (const w of settled) w.resolve();
      return;
    }
    open = false;
    try {
      db.exec('COMMIT');
      for (const w of settled) w.resolve();
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const w of settled) w.reject(e);
    }
  }

  return {
    write() {
      if (open) return;
      db.exec('BEGIN IMMEDIATE');
      open = true;
      scheduled = setImmediate(commit);
    },
    durable() {
      if (!open) return Promise.resolve();
      return new Promise<void>((resolve, reject) => void waiters.push({ resolve, reject }));
    },
    flush: commit,
  };
}
