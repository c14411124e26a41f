/**
 * The SQLite Store (better-sqlite3). Writes are group-committed (./group-commit.ts): the writes of
 * one event-loop tick share one transaction, and `durable()` resolves once it committed. WAL with
 * `synchronous=NORMAL`: a committed transaction is in the WAL file, so an acknowledged usage push
 * survives `kill -9` of koomock; a power loss may lose the last commits before a checkpoint
 * (docs/benchmarks.md, "Durability"). Opening the file is ./sqlite-open.ts, the exchange journal
 * and its pruning ./sqlite-journal.ts.
 */
import type { CatalogProduct } from '../../core/market/catalog.js';
import type { InstanceRecord } from '../../core/market/instance.js';
import type { Order } from '../../core/market/order.js';
import type { UsagePushRecord } from '../../core/market/usage-rules.js';
import type {
  ConsumeGrantResult,
  FileInfo,
  GrantKind,
  NewFile,
  OAuthGrant,
  ResetScope,
  Store,
  StoredFile,
  StoredGrant,
  StoredProduct,
  StoredUsageRecord,
} from '../../core/store.js';
import { createGroupCommit } from './group-commit.js';
import { guardStore } from './guard.js';
import { byteLength } from './shared.js';
import { createSqliteJournal } from './sqlite-journal.js';
import { openStateFile } from './sqlite-open.js';
import { CONFIG_TABLES, DROP_JOURNAL_GUARDS, JOURNAL_GUARDS, STATE_TABLES } from './sqlite-schema.js';

interface DataRow {
  data: string;
}

interface FileRow {
  id: number;
  event_id: string;
  seller_id: string;
  type: 'FILE' | 'CHARACTERS';
  file_name: string | null;
  sha256: string | null;
  size: number;
  content: Buffer | string;
  received_at: number;
}

interface ProductRow extends DataRow {
  seller_id: string;
}

const toStoredProduct = (r: ProductRow): StoredProduct => ({ sellerId: r.seller_id, product: JSON.parse(r.data) as CatalogProduct });

const parse = <T>(row: DataRow | undefined): T | undefined => (row === undefined ? undefined : (JSON.parse(row.data) as T));
const parseAll = <T>(rows: unknown[]): T[] => (rows as DataRow[]).map((r) => JSON.parse(r.data) as T);

/** Every column but the bytes of a FILE upload (CHARACTERS keep their text). */
const FILE_INFO =
  "f.id, f.event_id, f.seller_id, f.type, f.file_name, f.sha256, f.size, f.received_at, CASE WHEN f.type = 'CHARACTERS' THEN (SELECT c.content FROM file_contents c WHERE c.id = f.id) END AS content";

type FileInfoRow = Omit<FileRow, 'content'> & { content: string | null };

function toFileInfo(r: FileInfoRow): FileInfo {
  const base = { id: r.id, eventId: r.event_id, sellerId: r.seller_id, receivedAt: r.received_at, size: r.size };
  return r.type === 'FILE' ? { ...base, type: 'FILE', fileName: r.file_name ?? '', sha256: r.sha256 ?? '' } : { ...base, type: 'CHARACTERS', content: String(r.content ?? '') };
}

function toStoredFile(r: FileRow): StoredFile {
  const base = { id: r.id, eventId: r.event_id, sellerId: r.seller_id, receivedAt: r.received_at, size: r.size };
  return r.type === 'FILE'
    ? { ...base, type: 'FILE', fileName: r.file_name ?? '', sha256: r.sha256 ?? '', content: new Uint8Array(r.content as Buffer) }
    : { ...base, type: 'CHARACTERS', content: String(r.content) };
}

/**
 * A Store in the SQLite file at `path` (its folder is created); `:memory:` for a throwaway one.
 * @example const store = createSqliteStore('.koomock/state.db'); try { ... } finally { store.close(); }
 */
export function createSqliteStore(path: string): Store {
  const { db, release } = openStateFile(path);
  const tx = createGroupCommit(db);
  const journal = createSqliteJournal(db, tx);
  /** `fn` joining this tick's transaction. */
  const w =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      tx.write();
      return fn(...args);
    };
  const q = (sql: string) => db.prepare(sql);
  const get = {
    setting: q('SELECT value FROM settings WHERE key = ?').pluck(),
    product: q('SELECT seller_id, data FROM products WHERE product_id = ?'),
    order: q('SELECT data FROM orders WHERE order_id = ?'),
    instance: q('SELECT data FROM instances WHERE seller_id = ? AND instance_id = ?'),
    instanceByKey: q('SELECT data FROM instances WHERE seller_id = ? AND idempotency_key = ? ORDER BY rowid LIMIT 1'),
    file: q('SELECT f.*, c.content FROM files f JOIN file_contents c ON c.id = f.id WHERE f.id = ?'),
    fileInfo: q(`SELECT ${FILE_INFO} FROM files f WHERE f.id = ?`),
    fileBytes: q("SELECT substr(c.content, ?, ?) AS chunk FROM files f JOIN file_contents c ON c.id = f.id WHERE f.id = ? AND f.type = 'FILE'"),
    grant: q('SELECT data, consumed_at FROM grants WHERE kind = ? AND token = ?'),
    runtime: q('SELECT value FROM runtime WHERE key = ?').pluck(),
  };
  const insertFile = (file: NewFile): number =>
    db.transaction(() => {
      const isFile = file.type === 'FILE';
      const { lastInsertRowid } = put.file.run(file.eventId, file.sellerId, file.type, isFile ? file.fileName : null, isFile ? file.sha256 : null, byteLength(file.content), file.receivedAt);
      // A view of the caller's bytes, not a copy: uploads reach 12 MB.
      const content = isFile ? Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength) : file.content;
      put.fileContent.run(Number(lastInsertRowid), content);
      return Number(lastInsertRowid);
    })();
  const put = {
    setting: q('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    product: q(
      'INSERT INTO products (product_id, seller_id, data) VALUES (?, ?, ?) ON CONFLICT (product_id) DO UPDATE SET seller_id = excluded.seller_id, data = excluded.data',
    ),
    order: q(
      'INSERT INTO orders (order_id, seller_id, status, data) VALUES (?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET seller_id = excluded.seller_id, status = excluded.status, data = excluded.data',
    ),
    instance: q(
      'INSERT INTO instances (seller_id, instance_id, order_id, idempotency_key, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seller_id, instance_id) DO UPDATE SET order_id = excluded.order_id, idempotency_key = excluded.idempotency_key, data = excluded.data',
    ),
    usage: q(
      'INSERT INTO usage_records (seller_id, metering_sn, instance_id, received_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seller_id, metering_sn) DO NOTHING',
    ),
    file: q('INSERT INTO files (event_id, seller_id, type, file_name, sha256, size, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    fileContent: q('INSERT INTO file_contents (id, content) VALUES (?, ?)'),
    grant: q(
      'INSERT INTO grants (kind, token, expires_at, consumed_at, data) VALUES (?, ?, ?, NULL, ?) ON CONFLICT (kind, token) DO UPDATE SET expires_at = excluded.expires_at, consumed_at = NULL, data = excluded.data',
    ),
    consumed: q('UPDATE grants SET consumed_at = ? WHERE kind = ? AND token = ?'),
    purgeNonces: q('DELETE FROM nonces WHERE expires_at <= ?'),
    nonceSeen: q('SELECT 1 FROM nonces WHERE scope = ? AND nonce = ?').pluck(),
    nonce: q(
      'INSERT INTO nonces (scope, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT (scope, nonce) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)',
    ),
    runtime: q('INSERT INTO runtime (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
  const addUsage = db.transaction((sellerId: string, records: readonly StoredUsageRecord[]) => {
    const stored: string[] = [];
    const duplicates: string[] = [];
    for (const r of records) {
      const { changes } = put.usage.run(sellerId, r.metering_sn, r.instance_id, r.receivedAt, JSON.stringify(r));
      (changes === 1 ? stored : duplicates).push(r.metering_sn);
    }
    return { stored, duplicates };
  });

  const consume = db.transaction((kind: string, token: string, now: number): ConsumeGrantResult => {
    const row = get.grant.get(kind, token) as (DataRow & { consumed_at: number | null }) | undefined;
    if (row === undefined) return { ok: false, reason: 'unknown' };
    if (row.consumed_at !== null) return { ok: false, reason: 'used' };
    const grant = JSON.parse(row.data) as OAuthGrant;
    if (grant.expiresAt <= now) return { ok: false, reason: 'expired' };
    put.consumed.run(now, kind, token);
    return { ok: true, grant };
  });

  const remember = db.transaction((scope: string, nonce: string, expiresAt: number, now: number): boolean => {
    put.purgeNonces.run(now);
    const seen = put.nonceSeen.get(scope, nonce) !== undefined;
    put.nonce.run(scope, nonce, expiresAt);
    return seen;
  });

  const reset = db.transaction((scope: ResetScope) => {
    db.exec(DROP_JOURNAL_GUARDS);
    for (const table of scope === 'all' ? [...STATE_TABLES, ...CONFIG_TABLES] : STATE_TABLES) db.exec(`DELETE FROM ${table}`);
    db.exec(JOURNAL_GUARDS);
  });

  return guardStore(
    'sqlite',
    {
      getSetting: (key) => get.setting.get(key) as string | undefined,
      setSetting: w((key: string, value: string) => void put.setting.run(key, String(value))),

      putProduct: w((sellerId: string, product: CatalogProduct) => void put.product.run(product.productId, sellerId, JSON.stringify(product))),
      getProduct: (productId) => {
        const row = get.product.get(productId) as ProductRow | undefined;
        return row === undefined ? undefined : toStoredProduct(row);
      },
      listProducts: (sellerId) =>
        (db.prepare('SELECT seller_id, data FROM products WHERE (@sellerId IS NULL OR seller_id = @sellerId) ORDER BY rowid').all({ sellerId: sellerId ?? null }) as ProductRow[]).map(
          toStoredProduct,
        ),

      putOrder: w((order: Order) => void put.order.run(order.orderInfo.orderId, order.sellerId, order.status, JSON.stringify(order))),
      getOrder: (orderId) => parse(get.order.get(orderId) as DataRow | undefined),
      listOrders: (filter = {}) =>
        parseAll(
          db
            .prepare('SELECT data FROM orders WHERE (@sellerId IS NULL OR seller_id = @sellerId) AND (@status IS NULL OR status = @status) ORDER BY rowid')
            .all({ sellerId: filter.sellerId ?? null, status: filter.status ?? null }),
        ),

      putInstance: w((i: InstanceRecord) => void put.instance.run(i.sellerId, i.instanceId, i.orderId, i.idempotencyKey, JSON.stringify(i))),
      getInstance: (sellerId, instanceId) => parse(get.instance.get(sellerId, instanceId) as DataRow | undefined),
      listInstances: (filter = {}) =>
        parseAll(
          db
            .prepare('SELECT data FROM instances WHERE (@sellerId IS NULL OR seller_id = @sellerId) AND (@orderId IS NULL OR order_id = @orderId) ORDER BY rowid')
            .all({ sellerId: filter.sellerId ?? null, orderId: filter.orderId ?? null }),
        ),
      findInstanceByIdempotencyKey: (sellerId, key) => parse(get.instanceByKey.get(sellerId, key) as DataRow | undefined),

      addUsageRecords: w((sellerId: string, records: readonly UsagePushRecord[], receivedAt: number) =>
        addUsage(sellerId, records.map((r) => ({ ...r, sellerId, receivedAt }))),
      ),
      listUsage: (filter = {}) =>
        parseAll(
          db
            .prepare('SELECT data FROM usage_records WHERE (@sellerId IS NULL OR seller_id = @sellerId) AND (@instanceId IS NULL OR instance_id = @instanceId) ORDER BY seq')
            .all({ sellerId: filter.sellerId ?? null, instanceId: filter.instanceId ?? null }),
        ),

      putFile: w((file: NewFile) => toFileInfo(get.fileInfo.get(insertFile(file)) as FileInfoRow)),
      getFile: (id) => {
        const row = get.file.get(id) as FileRow | undefined;
        return row === undefined ? undefined : toStoredFile(row);
      },
      listFiles: (eventId) =>
        (db.prepare(`SELECT ${FILE_INFO} FROM files f WHERE (@eventId IS NULL OR f.event_id = @eventId) ORDER BY f.id`).all({ eventId: eventId ?? null }) as FileInfoRow[]).map(
          toFileInfo,
        ),
      readFileBytes: (id, offset, length) => {
        // substr() on a BLOB counts bytes from 1; only the asked-for range is copied out.
        const row = get.fileBytes.get(offset + 1, length, id) as { chunk: Buffer | null } | undefined;
        return row === undefined ? undefined : new Uint8Array(row.chunk ?? Buffer.alloc(0));
      },

      putGrant: w((grant: OAuthGrant) => void put.grant.run(grant.kind, grant.token, grant.expiresAt, JSON.stringify(grant))),
      getGrant: (kind, token) => {
        const row = get.grant.get(kind, token) as (DataRow & { consumed_at: number | null }) | undefined;
        if (row === undefined) return undefined;
        const grant = JSON.parse(row.data) as StoredGrant;
        return row.consumed_at === null ? grant : { ...grant, consumedAt: row.consumed_at };
      },
      consumeGrant: w((kind: GrantKind, token: string, now: number) => consume(kind, token, now)),

      rememberNonce: w((scope: string, nonce: string, expiresAt: number, now: number) => remember(scope, nonce, expiresAt, now)),

      appendExchange: journal.append,
      pruneExchanges: journal.prune,
      getExchange: journal.get,
      listExchanges: journal.list,

      getClockOffset: () => Number(get.runtime.get('clockOffset') ?? 0),
      setClockOffset: w((offsetMs: number) => void put.runtime.run('clockOffset', String(offsetMs))),

      reset: (scope: ResetScope = 'state') => {
        tx.flush();
        reset(scope);
      },
      durable: () => tx.durable(),
    },
    () => {
      tx.flush();
      db.close();
      release();
    },
  );
}
