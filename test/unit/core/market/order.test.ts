import { describe, expect, test } from 'vitest';
import type { CatalogProduct } from '../../../../mock-server/core/market/catalog.js';
import { type CreateOrderInput, createOrder, findOrderLine, toOrderQueryBody } from '../../../../mock-server/core/market/order.js';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { FIXED_TIME } from '../../../support/fixed-clock.js';
import { createSeqRandom } from '../../../support/seq-random.js';

const YEARLY: CatalogProduct = {
  productId: 'OFFI846204237451911168',
  skuCode: '0a4d1578-5295-46a7-92d4-7c803dccc51d',
  productName: 'Basic, yearly',
  chargingMode: 'PERIOD',
  periodTypes: ['year', 'month'],
  linear: { name: 'users', min: 1, max: 100, default: 10 },
  price: '12.78',
};
const ONE_TIME: CatalogProduct = { productId: 'OFFI1', skuCode: 'sku-1', productName: 'Setup', chargingMode: 'ONE_TIME', price: '100' };
const CPU: CatalogProduct = { productId: 'OFFI-CPU', skuCode: 'sku-od', productName: 'CPU hours', chargingMode: 'ON_DEMAND', price: '0.5' };
const STORAGE: CatalogProduct = { productId: 'OFFI-GB', skuCode: 'sku-od', productName: 'Storage GB', chargingMode: 'ON_DEMAND' };

const base = (overrides: Partial<CreateOrderInput> = {}): CreateOrderInput => ({
  sellerId: 'seller-1',
  products: [YEARLY],
  periodType: 'year',
  now: FIXED_TIME,
  random: createSeqRandom(),
  ...overrides,
});

describe('createOrder', () => {
  test('builds a pending period order with one line, an expiry and the price times periods', () => {
    const order = createOrder(base({ periodNumber: 2, linearValue: 50 }));
    expect(order.status).toBe('PENDING');
    expect(order.sellerId).toBe('seller-1');
    expect(order.history).toEqual([{ at: FIXED_TIME, to: 'PENDING' }]);
    expect(order.orderInfo).toMatchObject({ orderId: 'CS2411211708ABCDE', orderType: 'NEW', createTime: '20241121090846' });
    expect(order.orderInfo.orderLine).toEqual([
      {
        orderLineId: 'CS2411211708ABCDE-000001',
        chargingMode: 'PERIOD',
        periodType: 'year',
        periodNumber: 2,
        expireTime: '20261121155959',
        productInfo: [{ productId: YEARLY.productId, skuCode: YEARLY.skuCode, linearValue: 50, productName: 'Basic, yearly' }],
        extendParams: [],
        currency: '25.56',
        currencyAfterDiscount: '25.56',
      },
    ]);
  });

  test('defaults the period to the product\'s first period type and the quantity to the attribute default', () => {
    const line = createOrder(base({ periodType: undefined })).orderInfo.orderLine[0];
    expect(line).toMatchObject({ periodType: 'year', periodNumber: 1, productInfo: [{ linearValue: 10 }] });
  });

  test('one-time lines have no period, no expiry and no linear value', () => {
    const line = createOrder(base({ products: [ONE_TIME], periodType: undefined })).orderInfo.orderLine[0];
    expect(line).toBeDefined();
    expect(Object.keys(line ?? {})).toEqual(['orderLineId', 'chargingMode', 'productInfo', 'extendParams', 'currency', 'currencyAfterDiscount']);
    expect(line?.currency).toBe('100');
  });

  test('an on-demand spec with two billing items becomes one order with two lines', () => {
    const order = createOrder(base({ products: [CPU, STORAGE], periodType: undefined }));
    expect(order.orderInfo.orderLine.map((l) => [l.orderLineId.slice(-6), l.productInfo[0]?.productId, l.currency])).toEqual([
      ['000001', 'OFFI-CPU', '0'],
      ['000002', 'OFFI-GB', '0'],
    ]);
  });

  test('a trial is free', () => {
    expect(createOrder(base({ orderType: 'TRIAL' })).orderInfo.orderLine[0]?.currency).toBe('0');
  });

  test('keeps given buyer fields and fills the rest like the platform does', () => {
    const buyer = createOrder(base({ buyer: { customerName: 'acme', email: 'a@example.com' } })).orderInfo.buyerInfo;
    expect(buyer).toMatchObject({ customerName: 'acme', email: 'a@example.com', mobilePhone: null, userId: null, customerType: 0 });
    expect(buyer?.customerId).toMatch(/^[0-9a-f]{32}$/);
  });

  test('uses a fixed order id and extend params when given', () => {
    const order = createOrder(
      base({ orderId: 'CS2207261447AUY4H', extendParams: [{ name: 'k', value: 'v' }], lineExtendParams: [{ name: 'ip', value: '127.0.0.1' }] }),
    );
    expect(order.orderInfo.orderId).toBe('CS2207261447AUY4H');
    expect(order.orderInfo.extendParams).toEqual([{ name: 'k', value: 'v' }]);
    expect(order.orderInfo.orderLine[0]?.extendParams).toEqual([{ name: 'ip', value: '127.0.0.1' }]);
  });

  test.for([
    ['no products', { products: [] }],
    ['a period type the product is not sold by', { periodType: 'day' }],
    ['a period on a one-time product', { products: [ONE_TIME], periodType: 'month' }],
    ['periodNumber 0', { periodNumber: 0 }],
    ['a quantity above the maximum', { linearValue: 101 }],
    ['a fractional quantity', { linearValue: 1.5 }],
    ['a quantity for products without a linear attribute', { products: [ONE_TIME], periodType: undefined, linearValue: 3 }],
    ['a price that is not a decimal string', { products: [{ ...ONE_TIME, price: '12,5' }], periodType: undefined }],
  ] as const)('rejects %s as INPUT_INVALID', ([, overrides]) => {
    let error: unknown;
    try {
      createOrder(base(overrides as Partial<CreateOrderInput>));
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) && error.code).toBe('INPUT_INVALID');
  });
});

describe('toOrderQueryBody', () => {
  const order = createOrder(base({ products: [CPU, STORAGE], periodType: undefined, orderId: 'CS2411211708ABCDE' }));

  test('wraps the order in the success envelope with the platform key order', () => {
    const body = toOrderQueryBody(order);
    expect(Object.keys(body ?? {})).toEqual(['resultCode', 'resultMsg', 'orderInfo']);
    expect(Object.keys(body?.orderInfo ?? {})).toEqual(['orderId', 'orderType', 'createTime', 'orderLine', 'buyerInfo', 'extendParams']);
    expect(body?.orderInfo.orderLine).toHaveLength(2);
  });

  test('filters to one line when orderLineId is given', () => {
    const body = toOrderQueryBody(order, 'CS2411211708ABCDE-000002');
    expect(body?.orderInfo.orderLine.map((l) => l.orderLineId)).toEqual(['CS2411211708ABCDE-000002']);
  });

  test('answers undefined for a line the order does not have', () => {
    expect(toOrderQueryBody(order, 'CS2411211708ABCDE-000003')).toBeUndefined();
  });

  test('leaves koomock\'s own fields out', () => {
    const text = JSON.stringify(toOrderQueryBody(order));
    for (const own of ['sellerId', 'status', 'history', 'refund', 'createdAt']) expect(text).not.toContain(`"${own}"`);
  });

  test('finds a line by id', () => {
    expect(findOrderLine(order, 'CS2411211708ABCDE-000001')?.productInfo[0]?.productId).toBe('OFFI-CPU');
    expect(findOrderLine(order, 'nope')).toBeUndefined();
  });
});
