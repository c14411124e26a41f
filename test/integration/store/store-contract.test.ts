/**
 * One contract, two stores: whatever the SQLite store does, the memory store does too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '../../../mock-server/adapters/store/memory-store.js';
import { createSqliteStore } from '../../../mock-server/adapters/store/sqlite-store.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';
import type { CatalogProduct } from '../../../mock-server/core/market/catalog.js';
import { createInstanceRecord, type InstanceRecord } from '../../../mock-server/core/market/instance.js';
import { createOrder, type Order, toOrderQueryBody } from '../../../mock-server/core/market/order.js';
import type { UsagePushRecord } from '../../../mock-server/core/market/usage-rules.js';
import type { NewExchange, OAuthGrant, Store } from '../../../mock-server/core/store.js';
import { FIXED_TIME } from '../../support/fixed-clock.js';
import { createSeqRandom } from '../../support/seq-random.js';

const IMPLEMENTATIONS = [
  {
    name: 'sqlite',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'koomock-store-'));
      return { store: createSqliteStore(join(dir, 'nested', 'state.db')), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: 'memory', open: () => ({ store: createMemoryStore(), cleanup: () => {} }) },
];

const PRODUCT: CatalogProduct = {
  productId: 'OFFI-1',
  skuCode: 'sku-1',
  productName: '基础版',
  chargingMode: 'PERIOD',
  periodTypes: ['month'],
  linear: { name: 'users', min: 1, max: 9, default: 2 },
  price: '10',
};
const ON_DEMAND: CatalogProduct = { productId: 'OFFI-OD', skuCode: 'sku-od', productName: 'CPU', chargingMode: 'ON_DEMAND' };

const order = (sellerId = 's1', orderId?: string): Order =>
  createOrder({ sellerId, products: [PRODUCT], now: FIXED_TIME, random: createSeqRandom(), ...(orderId === undefined ? {} : { orderId }) });

const instance = (sellerId: string, instanceId: string, o: Order = order(sellerId)): InstanceRecord => {
  const orderLine = o.orderInfo.orderLine[0];
  if (orderLine === undefined) throw new Error('order without lines');
  return createInstanceRecord({ instanceId, order: o, orderLine, at: FIXED_TIME });
};

const usage = (sn: string, instanceId = 'i-1'): UsagePushRecord => ({
  instance_id: instanceId,
  record_time: '20241121T090000Z',
  begin_time: '20241121T080000Z',
  end_time: '20241121T090000Z',
  usage_value: '1.5',
  metering_sn: sn,
});

const grant = (kind: OAuthGrant['kind'], token: string, expiresAt = FIXED_TIME + 300_000): OAuthGrant => ({
  kind,
  token,
  clientId: 'client-1',
  scope: 'get_user_info',
  redirectUri: 'https://seller.example.com/cb',
  subject: { userId: 'u1', name: '张三' },
  issuedAt: FIXED_TIME,
  expiresAt,
});

const exchange = (overrides: Partial<NewExchange> = {}): NewExchange => ({
  direction: 'outbound',
  operation: 'newInstance',
  sellerId: 's1',
  request: { method: 'POST', url: 'http://127.0.0.1/produce', body: '{"activity":"newInstance"}' },
  response: { status: 200, body: '{"resultCode":"000000"}' },
  startedAt: FIXED_TIME,
  durationMs: 12,
  verdicts: [{ id: 'response.schema', ok: true }],
  ...overrides,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return isKoomockError(e) ? e.code : 'not a KoomockError';
  }
  return undefined;
};

describe.each(IMPLEMENTATIONS)('store contract: $name', ({ open }) => {
  const it = test.extend('store', async ({}, { onCleanup }) => {
    const { store, cleanup } = open();
    onCleanup(() => {
      store.close();
      cleanup();
    });
    return store as Store;
  });

  describe('settings', () => {
    it('answers undefined for an unknown key, then the latest value', ({ store }) => {
      expect(store.getSetting('ak')).toBeUndefined();
      store.setSetting('ak', 'first');
      store.setSetting('ak', 'second');
      expect(store.getSetting('ak')).toBe('second');
    });
  });

  describe('catalog products', () => {
    it('stores products per seller and lists them in insertion order', ({ store }) => {
      store.putProduct('s1', PRODUCT);
      store.putProduct('s2', ON_DEMAND);
      store.putProduct('s1', { ...PRODUCT, productName: 'renamed' });
      expect(store.getProduct('OFFI-1')).toEqual({ sellerId: 's1', product: { ...PRODUCT, productName: 'renamed' } });
      expect(store.listProducts().map((p) => p.product.productId)).toEqual(['OFFI-1', 'OFFI-OD']);
      expect(store.listProducts('s2')).toEqual([{ sellerId: 's2', product: ON_DEMAND }]);
      expect(store.getProduct('nope')).toBeUndefined();
    });
  });

  describe('orders', () => {
    it('returns an equal order whose query body keeps the platform bytes', ({ store }) => {
      const o = order();
      store.putOrder(o);
      expect(store.getOrder(o.orderInfo.orderId)).toEqual(o);
      const back = store.getOrder(o.orderInfo.orderId);
      expect(JSON.stringify(back && toOrderQueryBody(back))).toBe(JSON.stringify(toOrderQueryBody(o)));
    });

    it('replaces by orderId and keeps the first insertion position', ({ store }) => {
      store.putOrder(order('s1', 'A'));
      store.putOrder(order('s1', 'B'));
      store.putOrder({ ...order('s1', 'A'), status: 'ACTIVE' });
      expect(store.listOrders().map((o) => [o.orderInfo.orderId, o.status])).toEqual([
        ['A', 'ACTIVE'],
        ['B', 'PENDING'],
      ]);
    });

    it('filters orders by seller and status', ({ store }) => {
      store.putOrder(order('s1', 'A'));
      store.putOrder({ ...order('s2', 'B'), status: 'FAILED' });
      store.putOrder(order('s2', 'C'));
      expect(store.listOrders({ sellerId: 's2' }).map((o) => o.orderInfo.orderId)).toEqual(['B', 'C']);
      expect(store.listOrders({ status: 'FAILED' }).map((o) => o.orderInfo.orderId)).toEqual(['B']);
      expect(store.listOrders({ sellerId: 's1', status: 'FAILED' })).toEqual([]);
    });

    it('answers undefined for an unknown order', ({ store }) => {
      expect(store.getOrder('CS0000000000XXXXX')).toBeUndefined();
    });

    it('hands out copies: changing a returned order changes nothing stored', ({ store }) => {
      store.putOrder(order('s1', 'A'));
      const got = store.getOrder('A') as { status: string };
      got.status = 'ACTIVE';
      expect(store.getOrder('A')?.status).toBe('PENDING');
    });
  });

  describe('instances', () => {
    it('keys instances by seller and instance id, so two sellers may reuse an id', ({ store }) => {
      store.putInstance(instance('s1', 'same'));
      store.putInstance({ ...instance('s2', 'same'), state: 'ACTIVE' });
      expect(store.getInstance('s1', 'same')?.state).toBe('PROVISIONING');
      expect(store.getInstance('s2', 'same')?.state).toBe('ACTIVE');
      expect(store.getInstance('s3', 'same')).toBeUndefined();
    });

    it('round-trips an instance and replaces it on put', ({ store }) => {
      const i = instance('s1', 'i-1');
      store.putInstance(i);
      expect(store.getInstance('s1', 'i-1')).toEqual(i);
      store.putInstance({ ...i, state: 'FROZEN' });
      expect(store.listInstances().map((x) => x.state)).toEqual(['FROZEN']);
    });

    it('lists instances by order and by seller', ({ store }) => {
      const a = order('s1', 'A');
      store.putInstance(instance('s1', 'i-1', a));
      store.putInstance(instance('s1', 'i-2', order('s1', 'B')));
      store.putInstance(instance('s1', 'i-3', a));
      expect(store.listInstances({ orderId: 'A' }).map((i) => i.instanceId)).toEqual(['i-1', 'i-3']);
      expect(store.listInstances({ sellerId: 's2' })).toEqual([]);
    });

    it('finds the first instance created under an idempotency key, for that seller only', ({ store }) => {
      const a = order('s1', 'A');
      store.putInstance(instance('s1', 'first', a));
      store.putInstance(instance('s1', 'second', a));
      const key = instance('s1', 'x', a).idempotencyKey;
      expect(store.findInstanceByIdempotencyKey('s1', key)?.instanceId).toBe('first');
      expect(store.findInstanceByIdempotencyKey('s2', key)).toBeUndefined();
    });
  });

  describe('usage records', () => {
    it('stores each metering_sn once and reports repeats as duplicates', ({ store }) => {
      expect(store.addUsageRecords('s1', [usage('a'), usage('b')], 1)).toEqual({ stored: ['a', 'b'], duplicates: [] });
      expect(store.addUsageRecords('s1', [usage('b'), usage('c'), usage('c')], 2)).toEqual({ stored: ['c'], duplicates: ['b', 'c'] });
      expect(store.listUsage().map((u) => [u.metering_sn, u.receivedAt])).toEqual([
        ['a', 1],
        ['b', 1],
        ['c', 2],
      ]);
    });

    it('keeps metering_sns apart per seller', ({ store }) => {
      store.addUsageRecords('s1', [usage('a')], 1);
      expect(store.addUsageRecords('s2', [usage('a')], 1).stored).toEqual(['a']);
      expect(store.listUsage({ sellerId: 's2' })).toEqual([{ ...usage('a'), sellerId: 's2', receivedAt: 1 }]);
    });

    it('lists usage of one instance', ({ store }) => {
      store.addUsageRecords('s1', [usage('a', 'i-1'), usage('b', 'i-2'), usage('c', 'i-1')], 1);
      expect(store.listUsage({ instanceId: 'i-1' }).map((u) => u.metering_sn)).toEqual(['a', 'c']);
    });
  });

  describe('files', () => {
    it('stores file bytes with their size and hands back a copy', ({ store }) => {
      const bytes = new Uint8Array([0, 255, 1, 2]);
      const put = store.putFile({ eventId: 'e1', sellerId: 's1', receivedAt: 5, type: 'FILE', fileName: '111.jpg', sha256: 'ab'.repeat(32), content: bytes });
      // putFile answers what was stored without the bytes (uploads reach 12 MB); getFile has them.
      expect(put).toEqual({ id: 1, eventId: 'e1', sellerId: 's1', receivedAt: 5, size: 4, type: 'FILE', fileName: '111.jpg', sha256: 'ab'.repeat(32) });
      bytes[0] = 9;
      const got = store.getFile(1);
      expect(got?.type === 'FILE' && [...got.content]).toEqual([0, 255, 1, 2]);
      expect(got?.content).toBeInstanceOf(Uint8Array);
    });

    it('lists files without the bytes of FILE uploads, and reads one upload in ranges', ({ store }) => {
      store.putFile({ eventId: 'e1', sellerId: 's1', receivedAt: 5, type: 'FILE', fileName: 'a.bin', sha256: 'ab'.repeat(32), content: new Uint8Array([1, 2, 3, 4, 5]) });
      store.putFile({ eventId: 'e1', sellerId: 's1', receivedAt: 6, type: 'CHARACTERS', content: 'x' });
      expect(store.listFiles()).toEqual([
        { id: 1, eventId: 'e1', sellerId: 's1', receivedAt: 5, size: 5, type: 'FILE', fileName: 'a.bin', sha256: 'ab'.repeat(32) },
        { id: 2, eventId: 'e1', sellerId: 's1', receivedAt: 6, size: 1, type: 'CHARACTERS', content: 'x' },
      ]);
      expect([...(store.readFileBytes(1, 0, 2) ?? [])]).toEqual([1, 2]);
      expect([...(store.readFileBytes(1, 3, 10) ?? [])]).toEqual([4, 5]);
      expect([...(store.readFileBytes(1, 9, 2) ?? [9])]).toEqual([]);
      expect(store.readFileBytes(2, 0, 2)).toBeUndefined();
      expect(store.readFileBytes(3, 0, 2)).toBeUndefined();
    });

    it('stores characters with their UTF-8 size and lists by event', ({ store }) => {
      store.putFile({ eventId: 'e1', sellerId: 's1', receivedAt: 5, type: 'CHARACTERS', content: '许可证' });
      store.putFile({ eventId: 'e2', sellerId: 's1', receivedAt: 6, type: 'CHARACTERS', content: 'x' });
      expect(store.listFiles('e1')).toEqual([{ id: 1, eventId: 'e1', sellerId: 's1', receivedAt: 5, size: 9, type: 'CHARACTERS', content: '许可证' }]);
      expect(store.listFiles().map((f) => f.id)).toEqual([1, 2]);
      expect(store.getFile(3)).toBeUndefined();
    });
  });

  describe('OAuth grants', () => {
    it('a code can be consumed once', ({ store }) => {
      store.putGrant(grant('code', 'c1'));
      expect(store.consumeGrant('code', 'c1', FIXED_TIME)).toEqual({ ok: true, grant: grant('code', 'c1') });
      expect(store.consumeGrant('code', 'c1', FIXED_TIME)).toEqual({ ok: false, reason: 'used' });
      expect(store.getGrant('code', 'c1')).toEqual({ ...grant('code', 'c1'), consumedAt: FIXED_TIME });
    });

    it('an expired code is refused and stays unused', ({ store }) => {
      store.putGrant(grant('code', 'c1', FIXED_TIME + 10));
      expect(store.consumeGrant('code', 'c1', FIXED_TIME + 10)).toEqual({ ok: false, reason: 'expired' });
      expect(store.getGrant('code', 'c1')?.consumedAt).toBeUndefined();
    });

    it('an unknown token, or one of another kind, is unknown', ({ store }) => {
      store.putGrant(grant('refresh', 'r1'));
      expect(store.consumeGrant('code', 'r1', FIXED_TIME)).toEqual({ ok: false, reason: 'unknown' });
      expect(store.getGrant('access', 'r1')).toBeUndefined();
    });

    it('keeps access tokens with their expiry', ({ store }) => {
      store.putGrant(grant('access', 't1', FIXED_TIME + 7_200_000));
      expect(store.getGrant('access', 't1')?.expiresAt).toBe(FIXED_TIME + 7_200_000);
    });
  });

  describe('nonces', () => {
    it('reports a nonce as seen the second time within its scope only', ({ store }) => {
      expect(store.rememberNonce('usage', 'n1', 300, 0)).toBe(false);
      expect(store.rememberNonce('usage', 'n1', 300, 100)).toBe(true);
      expect(store.rememberNonce('kit', 'n1', 300, 100)).toBe(false);
    });

    it('forgets a nonce once it has expired', ({ store }) => {
      store.rememberNonce('usage', 'n1', 300, 0);
      expect(store.rememberNonce('usage', 'n1', 600, 300)).toBe(false);
      expect(store.rememberNonce('usage', 'n1', 600, 301)).toBe(true);
    });
  });

  describe('exchange journal', () => {
    it('appends with growing ids and returns entries as written', ({ store }) => {
      expect(store.appendExchange(exchange())).toBe(1);
      expect(store.appendExchange(exchange({ operation: 'queryInstance', response: undefined, scenario: 'new', step: '2' }))).toBe(2);
      expect(store.getExchange(1)).toEqual({ ...exchange(), id: 1 });
      const second = store.getExchange(2);
      expect(second).toEqual({ ...exchange({ operation: 'queryInstance', scenario: 'new', step: '2' }), response: undefined, id: 2 });
      expect(second && 'response' in second).toBe(false);
      expect(store.getExchange(3)).toBeUndefined();
    });

    it('filters by direction, operation, seller, scenario, afterId and limit', ({ store }) => {
      store.appendExchange(exchange());
      store.appendExchange(exchange({ direction: 'inbound', operation: 'order.query', sellerId: 's2' }));
      store.appendExchange(exchange({ scenario: 'renew' }));
      store.appendExchange(exchange({ scenario: 'renew' }));
      const ids = (f: Parameters<Store['listExchanges']>[0]) => store.listExchanges(f).map((e) => e.id);
      expect(ids(undefined)).toEqual([1, 2, 3, 4]);
      expect(ids({ direction: 'inbound' })).toEqual([2]);
      expect(ids({ operation: 'newInstance' })).toEqual([1, 3, 4]);
      expect(ids({ sellerId: 's1' })).toEqual([1, 3, 4]);
      expect(ids({ scenario: 'renew', afterId: 3 })).toEqual([4]);
      expect(ids({ limit: 2, afterId: 1 })).toEqual([2, 3]);
      expect(ids({ limit: 0 })).toEqual([]);
      expect(ids({ limit: -1 })).toEqual([1, 2, 3, 4]);
    });

    it('cannot be changed through what it returns', ({ store }) => {
      store.appendExchange(exchange());
      const got = store.listExchanges()[0] as unknown as { operation: string; verdicts: { ok: boolean }[] };
      got.operation = 'tampered';
      (got.verdicts[0] as { ok: boolean }).ok = false;
      expect(store.getExchange(1)).toEqual({ ...exchange(), id: 1 });
    });

    it('offers no way to update or delete an entry: only retention removes the oldest ones', ({ store }) => {
      const methods = Object.keys(store).filter((k) => /exchange/i.test(k));
      expect(methods.sort()).toEqual(['appendExchange', 'getExchange', 'listExchanges', 'pruneExchanges']);
    });
  });

  describe('journal retention', () => {
    const appendAt = (store: Store, startedAts: readonly number[]) => startedAts.map((startedAt, i) => store.appendExchange(exchange({ startedAt, operation: `op-${i % 2}` })));
    const ids = (store: Store) => store.listExchanges().map((e) => e.id);
    const HOUR = 3_600_000;

    it('prunes by count: keeps the newest maxExchanges, ids keep growing and filters still work', ({ store }) => {
      appendAt(store, Array.from({ length: 10 }, () => FIXED_TIME));
      expect(store.pruneExchanges({ maxExchanges: 4, maxAgeMs: 0, now: FIXED_TIME }, 1_000)).toBe(6);
      expect(ids(store)).toEqual([7, 8, 9, 10]);
      expect(store.getExchange(6)).toBeUndefined();
      expect(store.getExchange(7)).toEqual({ ...exchange({ operation: 'op-0' }), id: 7 });
      expect(store.listExchanges({ operation: 'op-1', afterId: 7 }).map((e) => e.id)).toEqual([8, 10]);
      expect(store.appendExchange(exchange())).toBe(11);
      expect(store.pruneExchanges({ maxExchanges: 4, maxAgeMs: 0, now: FIXED_TIME }, 1_000)).toBe(1);
      expect(ids(store)).toEqual([8, 9, 10, 11]);
    });

    it('prunes by age: removes every entry before the first one younger than maxAge', ({ store }) => {
      appendAt(store, [FIXED_TIME, FIXED_TIME + HOUR, FIXED_TIME + 2 * HOUR, FIXED_TIME + 5 * HOUR, FIXED_TIME + 6 * HOUR]);
      const now = FIXED_TIME + 7 * HOUR;
      expect(store.pruneExchanges({ maxExchanges: 0, maxAgeMs: 4 * HOUR, now }, 1_000)).toBe(3);
      expect(ids(store)).toEqual([4, 5]);
      // Nothing young enough: the newest stays so an id is never given twice.
      expect(store.pruneExchanges({ maxExchanges: 0, maxAgeMs: HOUR / 2, now }, 1_000)).toBe(1);
      expect(ids(store)).toEqual([5]);
      expect(store.appendExchange(exchange())).toBe(6);
    });

    it('applies the stricter of both limits, at most maxRows per call, and 0 means unlimited', ({ store }) => {
      appendAt(store, Array.from({ length: 8 }, (_, i) => FIXED_TIME + i * HOUR));
      expect(store.pruneExchanges({ maxExchanges: 0, maxAgeMs: 0, now: FIXED_TIME + 100 * HOUR }, 1_000)).toBe(0);
      expect(ids(store)).toHaveLength(8);
      const limits = { maxExchanges: 6, maxAgeMs: 3 * HOUR, now: FIXED_TIME + 8 * HOUR };
      // The count keeps 6, the age only those from 5 h on (ids 6-8): the age is stricter here.
      expect(store.pruneExchanges(limits, 2)).toBe(2);
      expect(ids(store)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(store.pruneExchanges(limits, 2)).toBe(2);
      expect(store.pruneExchanges(limits, 2)).toBe(1);
      expect(store.pruneExchanges(limits, 2)).toBe(0);
      expect(ids(store)).toEqual([6, 7, 8]);
      expect(store.pruneExchanges({ ...limits, maxExchanges: 2 }, 10)).toBe(1);
      expect(ids(store)).toEqual([7, 8]);
    });

    it('prunes nothing from an empty journal or a single entry', ({ store }) => {
      expect(store.pruneExchanges({ maxExchanges: 1, maxAgeMs: 1, now: FIXED_TIME + HOUR }, 10)).toBe(0);
      store.appendExchange(exchange());
      expect(store.pruneExchanges({ maxExchanges: 1, maxAgeMs: 1, now: FIXED_TIME + HOUR }, 10)).toBe(0);
      expect(ids(store)).toEqual([1]);
    });

    it('commits what was written once durable() resolves', async ({ store }) => {
      store.addUsageRecords('s1', [usage('sn-durable')], FIXED_TIME);
      await store.durable();
      expect(store.listUsage().map((u) => u.metering_sn)).toEqual(['sn-durable']);
    });
  });

  describe('virtual clock offset', () => {
    it('is 0 until set, then the value set', ({ store }) => {
      expect(store.getClockOffset()).toBe(0);
      store.setClockOffset(180_000);
      expect(store.getClockOffset()).toBe(180_000);
    });
  });

  describe('reset and close', () => {
    const fill = (store: Store) => {
      store.setSetting('ak', 'x');
      store.putProduct('s1', PRODUCT);
      store.putOrder(order('s1', 'A'));
      store.putInstance(instance('s1', 'i-1'));
      store.addUsageRecords('s1', [usage('a')], 1);
      store.putFile({ eventId: 'e1', sellerId: 's1', receivedAt: 5, type: 'CHARACTERS', content: 'x' });
      store.putGrant(grant('code', 'c1'));
      store.rememberNonce('usage', 'n1', 300, 0);
      store.appendExchange(exchange());
      store.setClockOffset(5);
    };

    it('reset clears run state, keeps settings and catalog, and restarts ids', ({ store }) => {
      fill(store);
      store.reset();
      expect([store.listOrders(), store.listInstances(), store.listUsage(), store.listFiles(), store.listExchanges()]).toEqual([[], [], [], [], []]);
      expect(store.getGrant('code', 'c1')).toBeUndefined();
      expect(store.rememberNonce('usage', 'n1', 300, 0)).toBe(false);
      expect(store.getClockOffset()).toBe(0);
      expect(store.getSetting('ak')).toBe('x');
      expect(store.getProduct('OFFI-1')).toBeDefined();
      expect(store.appendExchange(exchange())).toBe(1);
      expect(store.addUsageRecords('s1', [usage('a')], 1).stored).toEqual(['a']);
    });

    it('reset all also clears settings and catalog', ({ store }) => {
      fill(store);
      store.reset('all');
      expect(store.getSetting('ak')).toBeUndefined();
      expect(store.listProducts()).toEqual([]);
      expect(store.listOrders()).toEqual([]);
    });

    it('refuses every call after close with STORE_FAILED, and closing twice is harmless', ({ store }) => {
      store.close();
      store.close();
      expect(codeOf(() => store.getSetting('ak'))).toBe('STORE_FAILED');
      expect(codeOf(() => store.appendExchange(exchange()))).toBe('STORE_FAILED');
    });
  });
});
