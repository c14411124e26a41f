/**
 * Opening the SQLite state file: its folder and files are the owner's only (the file holds the
 * generated SK), one koomock process per file (./db-lock.ts), WAL with `synchronous=NORMAL`
 * (docs/benchmarks.md, "Durability"), and the tables migrated to the current schema.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KoomockError } from '../../core/errors.js';
import { lockStateFile } from './db-lock.js';
import { migrate } from './sqlite-schema.js';

/** The state file and its -wal and -shm companions hold the generated SK: owner only. */
function restrictFiles(path: string): void {
  // SQLite creates -wal and -shm with the mode of the database file, so it is created 0600 first.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/**
 * Opens (creating it when needed) the database at `path`; `release` frees the file lock.
 * @example const { db, release } = openStateFile('.koomock/state.db');
 */
export function openStateFile(path: string): { db: Database.Database; release: () => void } {
  let db: Database.Database | undefined;
  let release = (): void => {};
  try {
    if (path !== ':memory:' && !path.startsWith('file:')) {
      // Folders koomock creates for its state are the owner's only.
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      release = lockStateFile(path);
      restrictFiles(path);
    }
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A 4 MiB page cache (better-sqlite3 builds SQLite with 16 MiB): the journal is appended to and
    // read through its indexes, so the operating system's file cache serves the rest as fast.
    db.pragma('cache_size = -4000');
    migrate(db, path);
    return { db, release };
  } catch (e) {
    db?.close();
    release();
    if (e instanceof KoomockError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new KoomockError(
      'STORE_FAILED',
      `could not open the state file ${path}: ${reason}. Check that the folder is writable, or choose another state path`,
      { path },
      e,
    );
  }
}
