/**
 * The SQLite schema, versioned with `PRAGMA user_version`. Each migration moves the file one
 * version up inside a transaction; add new ones at the end and never edit a shipped one.
 * Nested models live in JSON columns; the columns beside them exist only to filter and index.
 */
import type Database from 'better-sqlite3';
import { KoomockError } from '../../core/errors.js';

/** Tables `reset('state')` empties; `reset('all')` also empties settings and products. */
export const STATE_TABLES = ['orders', 'instances', 'usage_records', 'files', 'file_contents', 'grants', 'nonces', 'exchanges', 'runtime'] as const;
export const CONFIG_TABLES = ['settings', 'products'] as const;

/** The journal guards of schema versions 1-2 (kept for migration 1, which must not change). */
const JOURNAL_GUARDS_V1 = `
  CREATE TRIGGER exchanges_no_update BEFORE UPDATE ON exchanges
    BEGIN SELECT RAISE(ABORT, 'the exchange journal is append-only'); END;
  CREATE TRIGGER exchanges_no_delete BEFORE DELETE ON exchanges
    BEGIN SELECT RAISE(ABORT, 'the exchange journal is append-only'); END;
`;

/**
 * The journal is append-only: the database refuses to change an entry, and to remove any but the
 * oldest one (retention prunes from the oldest end, docs/config.md `journal.*`).
 */
export const JOURNAL_GUARDS = `
  CREATE TRIGGER exchanges_no_update BEFORE UPDATE ON exchanges
    BEGIN SELECT RAISE(ABORT, 'the exchange journal is append-only'); END;
  CREATE TRIGGER exchanges_oldest_first BEFORE DELETE ON exchanges
    WHEN old.id > (SELECT min(id) FROM exchanges)
    BEGIN SELECT RAISE(ABORT, 'the exchange journal is append-only: retention removes only its oldest entries'); END;
`;

/** Drops the guards so `reset()` can empty the journal. */
export const DROP_JOURNAL_GUARDS = 'DROP TRIGGER exchanges_no_update; DROP TRIGGER exchanges_oldest_first;';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE products (product_id TEXT PRIMARY KEY, seller_id TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE orders (
    order_id TEXT PRIMARY KEY, seller_id TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX orders_seller ON orders (seller_id);
  CREATE TABLE instances (
    seller_id TEXT NOT NULL, instance_id TEXT NOT NULL, order_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (seller_id, instance_id));
  CREATE INDEX instances_order ON instances (order_id);
  CREATE INDEX instances_key ON instances (seller_id, idempotency_key);
  CREATE TABLE usage_records (
    seq INTEGER PRIMARY KEY, seller_id TEXT NOT NULL, metering_sn TEXT NOT NULL,
    instance_id TEXT NOT NULL, received_at INTEGER NOT NULL, data TEXT NOT NULL,
    UNIQUE (seller_id, metering_sn));
  CREATE INDEX usage_instance ON usage_records (instance_id);
  CREATE TABLE files (
    id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, seller_id TEXT NOT NULL, type TEXT NOT NULL,
    file_name TEXT, sha256 TEXT, size INTEGER NOT NULL, content BLOB NOT NULL, received_at INTEGER NOT NULL);
  CREATE INDEX files_event ON files (event_id);
  CREATE TABLE grants (
    kind TEXT NOT NULL, token TEXT NOT NULL, expires_at INTEGER NOT NULL, consumed_at INTEGER,
    data TEXT NOT NULL, PRIMARY KEY (kind, token));
  CREATE TABLE nonces (
    scope TEXT NOT NULL, nonce TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (scope, nonce));
  CREATE INDEX nonces_expiry ON nonces (expires_at);
  CREATE TABLE exchanges (
    id INTEGER PRIMARY KEY, direction TEXT NOT NULL, operation TEXT NOT NULL, seller_id TEXT,
    scenario TEXT, started_at INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE runtime (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  ${JOURNAL_GUARDS_V1}
  `,
  // 2: upload bytes in a table of their own, so listing files never walks 12 MB records.
  `
  CREATE TABLE file_contents (id INTEGER PRIMARY KEY, content BLOB NOT NULL);
  INSERT INTO file_contents (id, content) SELECT id, content FROM files;
  CREATE TABLE files_v2 (
    id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, seller_id TEXT NOT NULL, type TEXT NOT NULL,
    file_name TEXT, sha256 TEXT, size INTEGER NOT NULL, received_at INTEGER NOT NULL);
  INSERT INTO files_v2 SELECT id, event_id, seller_id, type, file_name, sha256, size, received_at FROM files;
  DROP TABLE files;
  ALTER TABLE files_v2 RENAME TO files;
  CREATE INDEX files_event ON files (event_id);
  `,
  // 3: a bounded journal: retention deletes the oldest entries; one index per admin filter.
  `
  DROP TRIGGER IF EXISTS exchanges_no_update;
  DROP TRIGGER IF EXISTS exchanges_no_delete;
  DROP TRIGGER IF EXISTS exchanges_oldest_first;
  ${JOURNAL_GUARDS}
  CREATE INDEX IF NOT EXISTS exchanges_direction ON exchanges (direction, id);
  CREATE INDEX IF NOT EXISTS exchanges_operation ON exchanges (operation, id);
  CREATE INDEX IF NOT EXISTS exchanges_seller ON exchanges (seller_id, id);
  CREATE INDEX IF NOT EXISTS exchanges_scenario ON exchanges (scenario, id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file up to {@link SCHEMA_VERSION}; refuses a file written by a newer koomock.
 * @example migrate(db, 'koomock.db')
 */
export function migrate(db: Database.Database, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new KoomockError(
      'STORE_FAILED',
      `${path} has schema version ${current}, newer than this koomock understands (${SCHEMA_VERSION}): upgrade koomock or use another state file`,
      { path, version: current },
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
