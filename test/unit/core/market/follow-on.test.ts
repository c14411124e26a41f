import { describe, expect, test } from 'vitest';
import type { CatalogProduct } from '../../../../mock-server/core/market/catalog.js';
import { createFollowOnOrder, type FollowOnInput, toFollowedLine } from '../../../../mock-server/core/market/follow-on.js';
import { getMockOrder } from '../../../../mock-server/core/market/mock-orders.js';
import { createOrder, type Order, type OrderLine } from '../../../../mock-server/core/market/order.js';
import { changeOrderStatus } from '../../../../mock-server/core/market/order-status.js';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { createSeqRandom } from '../../../support/seq-random.js';

const MONTHLY: CatalogProduct = {
  productId: 'OFFI-MONTH',
  skuCode: 'sku-basic',
  productName: 'Basic, monthly',
  chargingMode: 'PERIOD',
  periodTypes: ['month'],
  linear: { name: 'users', min: 1, max: 100, default: 10 },
  price: '100',
};
const PREMIUM: CatalogProduct = { ...MONTHLY, productId: 'OFFI-PREMIUM', productName: 'Premium, monthly', price: '160' };
const ONE_TIME: CatalogProduct = { productId: 'OFFI-ONCE', skuCode: 'sku-once', productName: 'Setup', chargingMode: 'ONE_TIME', price: '50' };

const DAY = 86_400_000;
/** 2026-12-07 10:00 Beijing: a month from then ends 20270107155959 (UTC). */
const DEC_7 = Date.UTC(2026, 11, 7, 2, 0, 0);

const order = (now: number, overrides: Partial<Parameters<typeof createOrder>[0]> = {}): Order =>
  createOrder({ sellerId: 'seller-1', products: [MONTHLY], periodType: 'month', periodNumber: 1, linearValue: 10, now, random: createSeqRandom(), ...overrides });

function lineOf(o: Order): OrderLine {
  const first = o.orderInfo.orderLine[0];
  if (first === undefined) throw new Error(`order ${o.orderInfo.orderId} has no line`);
  return first;
}

const follow = (root: Order, others: readonly Order[], input: Omit<FollowOnInput, 'followed' | 'random'>): Order =>
  createFollowOnOrder({ followed: toFollowedLine(root, lineOf(root).orderLineId, others), random: createSeqRandom(7), ...input });

describe('RENEW', () => {
  test('a monthly order expiring 20270107155959 renewed for one month expires 20270207155959', () => {
    const root = order(DEC_7);
    expect(lineOf(root).expireTime).toBe('20270107155959');
    const renewal = follow(root, [], { orderType: 'RENEW', periodNumber: 1, now: DEC_7 + 25 * DAY });
    expect(lineOf(renewal)).toMatchObject({ periodType: 'month', periodNumber: 1, expireTime: '20270207155959', currency: '100' });
  });

  test('renewed for one month on 20270131 from 20270131155959, it expires 20270228155959 (month end clamps)', () => {
    const root = order(Date.UTC(2026, 11, 31, 2, 0, 0));
    expect(lineOf(root).expireTime).toBe('20270131155959');
    const renewal = follow(root, [], { orderType: 'RENEW', periodNumber: 1, now: Date.UTC(2027, 0, 31, 3, 0, 0) });
    expect(lineOf(renewal).expireTime).toBe('20270228155959');
  });

  test('inside the freeze period it still extends from the expiry, not from the renewal day', () => {
    const root = order(DEC_7);
    const renewal = follow(root, [], { orderType: 'RENEW', periodNumber: 1, now: DEC_7 + 37 * DAY });
    expect(lineOf(renewal).expireTime).toBe('20270207155959');
  });

  test('a second renewal extends the first one; a renewal that was cancelled no longer counts', () => {
    const root = order(DEC_7);
    const first = follow(root, [], { orderType: 'RENEW', periodNumber: 2, now: DEC_7 + 20 * DAY });
    expect(lineOf(first).expireTime).toBe('20270307155959');
    const second = follow(root, [first], { orderType: 'RENEW', periodNumber: 1, now: DEC_7 + 21 * DAY });
    expect(lineOf(second).expireTime).toBe('20270407155959');
    const cancelled = changeOrderStatus(first, 'UNSUBSCRIBED', { at: DEC_7 + 22 * DAY });
    if (!cancelled.ok) throw new Error(cancelled.detail);
    expect(toFollowedLine(root, lineOf(root).orderLineId, [cancelled.order]).expireTime).toBe('20270107155959');
  });

  test('MOCKMONTYRENEW pairs with a monthly line ending 20241221235959: the renewal goes to 20250121235959', () => {
    const mock = getMockOrder('MOCKMONTYTRIALTOFORMAL', 'seller-1');
    if (mock === undefined) throw new Error('mock order missing');
    const renewal = follow({ ...mock, orderInfo: { ...mock.orderInfo, orderType: 'NEW' } }, [], { orderType: 'RENEW', periodNumber: 1, now: mock.createdAt + DAY });
    expect(lineOf(renewal).expireTime).toBe(getMockOrder('MOCKMONTYRENEW', 'seller-1')?.orderInfo.orderLine[0]?.expireTime);
  });
});

describe('every follow-on order keeps the buyer and names the line it follows', () => {
  test.for(['RENEW', 'CHANGE', 'UNSUBSCRIBE'] as const)('%s', (orderType) => {
    const root = order(DEC_7);
    const next = follow(root, [], { orderType, now: DEC_7 + 10 * DAY, ...(orderType === 'CHANGE' ? { linearValue: 20 } : {}) });
    expect(next.orderInfo.buyerInfo).toEqual(root.orderInfo.buyerInfo);
    expect(next.orderInfo.buyerInfo?.customerId).toMatch(/^[0-9a-f]{32}$/);
    expect(next.sellerId).toBe(root.sellerId);
    expect(next.follows).toMatchObject({ orderId: root.orderInfo.orderId, orderLineId: lineOf(root).orderLineId });
    expect(next.orderInfo.orderId).not.toBe(root.orderInfo.orderId);
    expect(lineOf(next).extendParams).toEqual(lineOf(root).extendParams);
  });

  test('TRIAL_TO_FORMAL keeps the trial buyer', () => {
    const trial = order(DEC_7, { orderType: 'TRIAL' });
    const formal = follow(trial, [], { orderType: 'TRIAL_TO_FORMAL', product: MONTHLY, now: DEC_7 + 7 * DAY });
    expect(formal.orderInfo.buyerInfo?.customerId).toBe(trial.orderInfo.buyerInfo?.customerId);
  });
});

describe('CHANGE', () => {
  test('an upgrade keeps the expiry and the period, and names the new quantity', () => {
    const root = order(DEC_7);
    const change = follow(root, [], { orderType: 'CHANGE', linearValue: 20, now: DEC_7 + 10 * DAY });
    expect(lineOf(change)).toMatchObject({ periodType: 'month', periodNumber: 1, expireTime: '20270107155959' });
    expect(lineOf(change).productInfo[0]?.linearValue).toBe(20);
  });

  test('a scale-out charges the difference for the remaining days: (200 - 100) x 21 / 31', () => {
    // Span 2026-12-07 .. 2027-01-07 (Beijing days): 31 days; changed on 2026-12-17, so 21 days remain.
    const root = order(DEC_7);
    const change = follow(root, [], { orderType: 'CHANGE', linearValue: 20, now: DEC_7 + 10 * DAY });
    expect(lineOf(change).currency).toBe('67.74'); // 100 x 21 / 31 = 67.741...
    expect(change.follows?.periodPrice).toBe('200');
  });

  test('an upgrade to another SKU charges the price difference for the remaining days', () => {
    const root = order(DEC_7);
    const change = follow(root, [], { orderType: 'CHANGE', product: PREMIUM, now: DEC_7 + 10 * DAY });
    expect(lineOf(change).productInfo[0]).toMatchObject({ productId: 'OFFI-PREMIUM', linearValue: 10 });
    expect(lineOf(change).currency).toBe('40.65'); // 60 x 21 / 31 = 40.645...
  });

  test('a renewal after an upgrade extends the upgraded line at its new price', () => {
    const root = order(DEC_7);
    const change = follow(root, [], { orderType: 'CHANGE', linearValue: 20, now: DEC_7 + 10 * DAY });
    const renewal = follow(root, [change], { orderType: 'RENEW', periodNumber: 1, now: DEC_7 + 25 * DAY });
    expect(lineOf(renewal)).toMatchObject({ expireTime: '20270207155959', currency: '200' });
    expect(lineOf(renewal).productInfo[0]?.linearValue).toBe(20);
  });

  test('a scale-out from a quantity of 0 costs the catalog price (no division by zero)', () => {
    const root = order(DEC_7, { linearValue: 0, products: [{ ...MONTHLY, linear: { name: 'users', min: 0, max: 100, default: 0 } }] });
    const change = follow(root, [], { orderType: 'CHANGE', product: MONTHLY, linearValue: 5, now: DEC_7 + 10 * DAY });
    expect(change.follows?.periodPrice).toBe('100');
    expect(lineOf(change).currency).toBe('0');
  });

  test('an upgrade after the expiry is refused: renew first', () => {
    const root = order(DEC_7);
    expect(() => follow(root, [], { orderType: 'CHANGE', linearValue: 20, now: DEC_7 + 40 * DAY })).toThrow(/within the validity period.*20270107155959/);
  });

  test('an upgrade that sets a period is refused', () => {
    const root = order(DEC_7);
    expect(() => follow(root, [], { orderType: 'CHANGE', periodNumber: 2, now: DEC_7 + DAY })).toThrow(/keeps the validity period/);
  });
});

describe('TRIAL_TO_FORMAL', () => {
  test('the paid period starts at the conversion and costs the catalog price', () => {
    const trial = order(DEC_7, { orderType: 'TRIAL' });
    expect(lineOf(trial).currency).toBe('0');
    const formal = follow(trial, [], { orderType: 'TRIAL_TO_FORMAL', product: MONTHLY, periodNumber: 1, now: Date.UTC(2026, 11, 14, 2, 0, 0) });
    expect(lineOf(formal)).toMatchObject({ periodType: 'month', periodNumber: 1, expireTime: '20270114155959', currency: '100' });
  });

  test('with trialPaidFrom trial-end, the paid period follows a trial that has not ended yet', () => {
    const trial = order(DEC_7, { orderType: 'TRIAL' });
    const input = { orderType: 'TRIAL_TO_FORMAL', product: MONTHLY, periodNumber: 1, trialPaidFrom: 'trial-end' } as const;
    expect(lineOf(follow(trial, [], { ...input, now: Date.UTC(2026, 11, 14, 2, 0, 0) })).expireTime).toBe('20270207155959');
    // After the trial ended, it starts at the conversion.
    expect(lineOf(follow(trial, [], { ...input, now: Date.UTC(2027, 0, 10, 2, 0, 0) })).expireTime).toBe('20270210155959');
  });

  test('a non-trial cannot turn formal', () => {
    const root = order(DEC_7);
    let error: unknown;
    try {
      follow(root, [], { orderType: 'TRIAL_TO_FORMAL', now: DEC_7 + DAY });
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) && error.code).toBe('INPUT_INVALID');
    expect(String(error)).toMatch(/is not a trial/);
  });
});

describe('UNSUBSCRIBE', () => {
  test('adds no period and charges nothing; the expiry stays', () => {
    const root = order(DEC_7);
    const unsubscribe = follow(root, [], { orderType: 'UNSUBSCRIBE', now: DEC_7 + 3 * DAY });
    expect(lineOf(unsubscribe)).toMatchObject({ expireTime: '20270107155959', currency: '0' });
    expect(toFollowedLine(root, lineOf(root).orderLineId, [unsubscribe]).expireTime).toBe('20270107155959');
  });

  test('a line without a period can be unsubscribed but not renewed', () => {
    const root = order(DEC_7, { products: [ONE_TIME], periodType: undefined, periodNumber: undefined, linearValue: undefined });
    expect(lineOf(follow(root, [], { orderType: 'UNSUBSCRIBE', now: DEC_7 + DAY })).expireTime).toBeUndefined();
    expect(() => follow(root, [], { orderType: 'RENEW', now: DEC_7 + DAY })).toThrow(/no period to renew/);
  });
});
