/**
 * The nine debug orders every seller can query (open-api.md §3.1, docs/fidelity.md#d25). MOCKPERIODYEARNEW
 * reproduces the captured real response byte for byte; the others are koomock's plausible
 * versions of their scenario (only their ids and scenarios are documented).
 */
import type { ChargingMode, PeriodType } from './catalog.js';
import type { BuyerInfo, ExtendParam, Order, OrderInfo, OrderType } from './order.js';
import { parseOrderTime } from './time-format.js';

const CREATE_TIME = '20241121090846';

const MOCK_BUYER: BuyerInfo = {
  mobilePhone: '18688888888',
  email: null,
  customerId: '459bbbec25d24749b2eb83be37b602a8',
  customerName: 'mock_user_01',
  customerRealName: '测试用户1',
  customerType: 0,
  userId: null,
  userName: null,
};

const MOCK_LINE_PARAMS: readonly ExtendParam[] = [
  { name: 'emailDomainName', value: 'test.xxxx.com' },
  { name: 'ip', value: '127.0.0.1' },
];

interface MockSpec {
  readonly orderId: string;
  readonly orderType: OrderType;
  readonly chargingMode: ChargingMode;
  readonly period?: { readonly type: PeriodType; readonly number: number; readonly expireTime: string };
  readonly productId: string;
  readonly skuCode: string;
  readonly linearValue?: number;
  readonly productName: string;
  readonly currency: string;
}

const toMockOrderInfo = (s: MockSpec): OrderInfo => ({
  orderId: s.orderId,
  orderType: s.orderType,
  createTime: CREATE_TIME,
  orderLine: [
    {
      orderLineId: `${s.orderId}-000001`,
      chargingMode: s.chargingMode,
      ...(s.period === undefined
        ? {}
        : { periodType: s.period.type, periodNumber: s.period.number, expireTime: s.period.expireTime }),
      productInfo: [
        {
          productId: s.productId,
          skuCode: s.skuCode,
          ...(s.linearValue === undefined ? {} : { linearValue: s.linearValue }),
          productName: s.productName,
        },
      ],
      extendParams: MOCK_LINE_PARAMS,
      currency: s.currency,
      currencyAfterDiscount: s.currency,
    },
  ],
  buyerInfo: MOCK_BUYER,
  extendParams: [],
});

const MONTH = { type: 'month', number: 1, expireTime: '20241221235959' } as const;
const PERIOD_SKU = '0a4d1578-5295-46a7-92d4-7c803dccc51d';
const PERIOD_NAME = 'MOCK测试商品,测试规格,基础版,包周期';

const SPECS: readonly MockSpec[] = [
  {
    orderId: 'MOCKPERIODYEARNEW',
    orderType: 'NEW',
    chargingMode: 'PERIOD',
    period: { type: 'year', number: 1, expireTime: '20251121235959' },
    productId: 'OFFI846204237451911168',
    skuCode: PERIOD_SKU,
    linearValue: 50,
    productName: PERIOD_NAME,
    currency: '100',
  },
  {
    orderId: 'MOCKONETIMENEW',
    orderType: 'NEW',
    chargingMode: 'ONE_TIME',
    productId: 'OFFI846204237451911170',
    skuCode: '6c1f0f7e-2b5d-4a1e-9d3c-5f8e2a7b9c41',
    linearValue: 50,
    productName: 'MOCK测试商品,测试规格,基础版,一次性',
    currency: '100',
  },
  {
    orderId: 'MOCKONDEMAND',
    orderType: 'NEW',
    chargingMode: 'ON_DEMAND',
    productId: 'OFFI846204237451911172',
    skuCode: '9b2e4d6a-8c1f-4e3b-a5d7-2f6c8e0a1b3d',
    productName: 'MOCK测试商品,测试规格,基础版,按需',
    currency: '0',
  },
  {
    orderId: 'MOCKONDEMANDPKG',
    orderType: 'NEW',
    chargingMode: 'ON_DEMAND_PKG',
    period: { type: 'year', number: 1, expireTime: '20251121235959' },
    productId: 'OFFI846204237451911174',
    skuCode: '3d5f7b9e-1a2c-4e6f-8b0d-4c6e8a0b2d4f',
    productName: 'MOCK测试商品,测试规格,基础版,按需套餐包',
    currency: '100',
  },
  {
    orderId: 'MOCKPERIODDAYTRIAL',
    orderType: 'TRIAL',
    chargingMode: 'PERIOD',
    period: { type: 'day', number: 7, expireTime: '20241128235959' },
    productId: 'OFFI846204237451911176',
    skuCode: PERIOD_SKU,
    linearValue: 50,
    productName: 'MOCK测试商品,测试规格,基础版,试用',
    currency: '0',
  },
  { orderId: 'MOCKMONTYTRIALTOFORMAL', orderType: 'TRIAL_TO_FORMAL', chargingMode: 'PERIOD', period: MONTH, productId: 'OFFI846204237451911178', skuCode: PERIOD_SKU, linearValue: 50, productName: PERIOD_NAME, currency: '100' },
  { orderId: 'MOCKMONTYUNSUBSCRIBE', orderType: 'UNSUBSCRIBE', chargingMode: 'PERIOD', period: MONTH, productId: 'OFFI846204237451911178', skuCode: PERIOD_SKU, linearValue: 50, productName: PERIOD_NAME, currency: '100' },
  {
    orderId: 'MOCKMONTYRENEW',
    orderType: 'RENEW',
    chargingMode: 'PERIOD',
    // Renewed by one month on top of the first month.
    period: { type: 'month', number: 1, expireTime: '20250121235959' },
    productId: 'OFFI846204237451911178',
    skuCode: PERIOD_SKU,
    linearValue: 50,
    productName: PERIOD_NAME,
    currency: '100',
  },
  // An upgrade from 50 to 100 users; the validity period does not change (produce-api.md §3.6).
  { orderId: 'MOCKMONTYCHANGE', orderType: 'CHANGE', chargingMode: 'PERIOD', period: MONTH, productId: 'OFFI846204237451911178', skuCode: PERIOD_SKU, linearValue: 100, productName: PERIOD_NAME, currency: '100' },
];

/** The nine mock orders' `orderInfo`, by order id. */
export const MOCK_ORDER_INFOS: ReadonlyMap<string, OrderInfo> = new Map(SPECS.map((s) => [s.orderId, toMockOrderInfo(s)]));

/** @internal Exported for the tests. */
export const MOCK_ORDER_IDS: readonly string[] = SPECS.map((s) => s.orderId);

export const isMockOrderId = (orderId: string): boolean => MOCK_ORDER_INFOS.has(orderId);

/**
 * A mock order as if `sellerId` owned it (docs/fidelity.md#d25: they answer for every seller); undefined for other ids.
 * @example getMockOrder('MOCKPERIODYEARNEW', 'seller-1')?.orderInfo.orderLine[0]?.orderLineId // "MOCKPERIODYEARNEW-000001"
 */
export function getMockOrder(orderId: string, sellerId: string): Order | undefined {
  const orderInfo = MOCK_ORDER_INFOS.get(orderId);
  if (orderInfo === undefined) return undefined;
  const createdAt = parseOrderTime(orderInfo.createTime) ?? 0;
  return { orderInfo, sellerId, status: 'ACTIVE', createdAt, history: [{ at: createdAt, to: 'ACTIVE', note: 'mock order' }] };
}
