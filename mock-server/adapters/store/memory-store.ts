/**
 * The in-memory Store: for tests and the msw adapter, where nothing should touch the disk.
 * Everything is copied in and out through JSON so it behaves exactly like the SQLite store.
 */
import type { CatalogProduct } from '../../core/market/catalog.js';
import type { InstanceRecord } from '../../core/market/instance.js';
import type { Order } from '../../core/market/order.js';
import type {
  NewFile,
  OAuthGrant,
  ResetScope,
  Store,
  StoredFile,
  StoredGrant,
  StoredProduct,
  StoredUsageRecord,
} from '../../core/store.js';
import { cloneJson, guardStore } from './guard.js';
import { createMemoryJournal, type MemoryJournal } from './memory-journal.js';
import { byteLength, copyFile, toFileInfo } from './shared.js';

/** Separates the parts of composite keys; neither ids nor tokens contain NUL. */
const key = (...parts: string[]): string => parts.join('\u0000');

interface State {
  orders: Map<string, Order>;
  instances: Map<string, InstanceRecord>;
  usage: StoredUsageRecord[];
  usageKeys: Set<string>;
  files: StoredFile[];
  grants: Map<string, StoredGrant>;
  nonces: Map<string, number>;
  journal: MemoryJournal;
  clockOffset: number;
}

const emptyState = (): State => ({
  orders: new Map(),
  instances: new Map(),
  usage: [],
  usageKeys: new Set(),
  files: [],
  grants: new Map(),
  nonces: new Map(),
  journal: createMemoryJournal(),
  clockOffset: 0,
});

/**
 * A Store that lives as long as the process.
 * @example const store = createMemoryStore(); store.putOrder(order); store.close();
 */
export function createMemoryStore(): Store {
  const settings = new Map<string, string>();
  const products = new Map<string, StoredProduct>();
  let s = emptyState();

  return guardStore(
    'memory',
    {
      getSetting: (k) => settings.get(k),
      setSetting: (k, v) => void settings.set(k, String(v)),

      putProduct: (sellerId, product: CatalogProduct) => void products.set(product.productId, cloneJson({ sellerId, product })),
      getProduct: (productId) => {
        const p = products.get(productId);
        return p === undefined ? undefined : cloneJson(p);
      },
      listProducts: (sellerId) => [...products.values()].filter((p) => sellerId === undefined || p.sellerId === sellerId).map(cloneJson),

      putOrder: (order) => void s.orders.set(order.orderInfo.orderId, cloneJson(order)),
      getOrder: (orderId) => {
        const o = s.orders.get(orderId);
        return o === undefined ? undefined : cloneJson(o);
      },
      listOrders: (filter = {}) =>
        [...s.orders.values()]
          .filter((o) => (filter.sellerId === undefined || o.sellerId === filter.sellerId) && (filter.status === undefined || o.status === filter.status))
          .map(cloneJson),

      putInstance: (instance) => void s.instances.set(key(instance.sellerId, instance.instanceId), cloneJson(instance)),
      getInstance: (sellerId, instanceId) => {
        const i = s.instances.get(key(sellerId, instanceId));
        return i === undefined ? undefined : cloneJson(i);
      },
      listInstances: (filter = {}) =>
        [...s.instances.values()]
          .filter((i) => (filter.sellerId === undefined || i.sellerId === filter.sellerId) && (filter.orderId === undefined || i.orderId === filter.orderId))
          .map(cloneJson),
      findInstanceByIdempotencyKey: (sellerId, idempotencyKey) => {
        const found = [...s.instances.values()].find((i) => i.sellerId === sellerId && i.idempotencyKey === idempotencyKey);
        return found === undefined ? undefined : cloneJson(found);
      },

      addUsageRecords: (sellerId, records, receivedAt) => {
        const stored: string[] = [];
        const duplicates: string[] = [];
        for (const record of records) {
          const k = key(sellerId, record.metering_sn);
          if (s.usageKeys.has(k)) {
            duplicates.push(record.metering_sn);
            continue;
          }
          s.usageKeys.add(k);
          s.usage.push(cloneJson({ ...record, sellerId, receivedAt }));
          stored.push(record.metering_sn);
        }
        return { stored, duplicates };
      },
      listUsage: (filter = {}) =>
        s.usage
          .filter((u) => (filter.sellerId === undefined || u.sellerId === filter.sellerId) && (filter.instanceId === undefined || u.instance_id === filter.instanceId))
          .map(cloneJson),

      putFile: (file: NewFile) => {
        const stored = { ...copyFile(file), id: s.files.length + 1, size: byteLength(file.content) } as StoredFile;
        s.files.push(stored);
        return toFileInfo(stored);
      },
      getFile: (id) => {
        const f = s.files.find((x) => x.id === id);
        return f === undefined ? undefined : copyFile(f);
      },
      listFiles: (eventId) => s.files.filter((f) => eventId === undefined || f.eventId === eventId).map(toFileInfo),
      readFileBytes: (id, offset, length) => {
        const f = s.files.find((x) => x.id === id);
        return f?.type === 'FILE' ? new Uint8Array(f.content.subarray(offset, offset + length)) : undefined;
      },

      putGrant: (grant: OAuthGrant) => void s.grants.set(key(grant.kind, grant.token), cloneJson(grant)),
      getGrant: (kind, token) => {
        const g = s.grants.get(key(kind, token));
        return g === undefined ? undefined : cloneJson(g);
      },
      consumeGrant: (kind, token, now) => {
        const g = s.grants.get(key(kind, token));
        if (g === undefined) return { ok: false, reason: 'unknown' };
        if (g.consumedAt !== undefined) return { ok: false, reason: 'used' };
        if (g.expiresAt <= now) return { ok: false, reason: 'expired' };
        s.grants.set(key(kind, token), { ...g, consumedAt: now });
        return { ok: true, grant: cloneJson(g) };
      },

      rememberNonce: (scope, nonce, expiresAt, now) => {
        for (const [k, exp] of s.nonces) if (exp <= now) s.nonces.delete(k);
        const k = key(scope, nonce);
        const previous = s.nonces.get(k);
        s.nonces.set(k, Math.max(previous ?? expiresAt, expiresAt));
        return previous !== undefined;
      },

      appendExchange: (exchange) => s.journal.append(exchange),
      getExchange: (id) => s.journal.get(id),
      listExchanges: (filter = {}) => s.journal.list(filter),
      pruneExchanges: (limits, maxRows) => s.journal.prune(limits, maxRows),

      getClockOffset: () => s.clockOffset,
      setClockOffset: (offsetMs) => {
        s.clockOffset = offsetMs;
      },

      reset: (scope: ResetScope = 'state') => {
        s = emptyState();
        if (scope === 'all') {
          settings.clear();
          products.clear();
        }
      },
      // Nothing to commit: the memory store is never durable, and never waits.
      durable: () => Promise.resolve(),
    },
    () => {
      s = emptyState();
    },
  );
}
