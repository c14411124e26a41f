/**
 * The order model, shaped exactly as the order query returns it (open-api.md §3.1), with
 * koomock's own bookkeeping (owner, status, refund, history) kept beside `orderInfo`, never in it.
 */
import { inputError } from '../errors.js';
import type { Random } from '../ports.js';
import { isAmount, multiplyAmount } from './amount.js';
import type { CatalogProduct, ChargingMode, PeriodType } from './catalog.js';
import { createOrderId, createRandomString, toOrderLineId } from './ids.js';
import { toExpireMs } from './period.js';
import { toOrderTime } from './time-format.js';

export type OrderType = 'NEW' | 'TRIAL' | 'TRIAL_TO_FORMAL' | 'UNSUBSCRIBE' | 'RENEW' | 'CHANGE';

export const ORDER_TYPES: readonly OrderType[] = ['NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'UNSUBSCRIBE', 'RENEW', 'CHANGE'];

export interface ExtendParam {
  readonly name: string;
  readonly value: string;
}

export interface ProductInfo {
  readonly productId: string;
  readonly skuCode: string;
  /** Quantity of the SKU's linear attribute (users, seats); absent when the SKU has none. */
  readonly linearValue?: number;
  readonly productName: string;
}

/** One order line. Optional fields are absent (not null) when they do not apply. */
export interface OrderLine {
  readonly orderLineId: string;
  readonly chargingMode: ChargingMode;
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  /** UTC `yyyyMMddHHmmss`; absent for on-demand and one-time lines. */
  readonly expireTime?: string;
  readonly productInfo: readonly ProductInfo[];
  readonly extendParams: readonly ExtendParam[];
  /** Amount as a string (unit UNCERTAIN, open-api.md §3.1). */
  readonly currency: string;
  readonly currencyAfterDiscount: string;
}

/** The buyer. The platform sends `null` for unknown values, so null is kept. */
export interface BuyerInfo {
  readonly mobilePhone: string | null;
  readonly email: string | null;
  /** 32-hex Huawei Cloud account id. */
  readonly customerId: string;
  readonly customerName: string;
  readonly customerRealName: string;
  readonly customerType: number;
  readonly userId: string | null;
  readonly userName: string | null;
}

export interface OrderInfo {
  readonly orderId: string;
  readonly orderType: OrderType;
  /** UTC `yyyyMMddHHmmss`: when the order was placed (not when it took effect). */
  readonly createTime: string;
  readonly orderLine: readonly OrderLine[];
  readonly buyerInfo?: BuyerInfo;
  readonly extendParams: readonly ExtendParam[];
}

/** koomock's view of where an order stands (the platform never returns this). */
export type OrderStatus = 'PENDING' | 'PROVISIONING' | 'ACTIVE' | 'FAILED' | 'UNSUBSCRIBED';

export interface RefundRecord {
  readonly at: number;
  readonly amount: string;
  readonly reason: string;
}

export interface OrderHistoryEntry {
  readonly at: number;
  readonly from?: OrderStatus;
  readonly to: OrderStatus;
  readonly note?: string;
}

/** Which order line a follow-on order (RENEW, CHANGE, TRIAL_TO_FORMAL, UNSUBSCRIBE) follows (follow-on.ts). */
export interface FollowLink {
  /** The order and line that created the instance (never another follow-on order). */
  readonly orderId: string;
  readonly orderLineId: string;
  /** Price of one period of the configuration after this order, as an amount string. */
  readonly periodPrice: string;
}

export interface Order {
  readonly orderInfo: OrderInfo;
  /** Set on follow-on orders: the line they follow (docs/fidelity.md#d32). */
  readonly follows?: FollowLink;
  /** The seller that owns the product; order query by another seller answers MKT.0150 (docs/fidelity.md#d24). */
  readonly sellerId: string;
  readonly status: OrderStatus;
  /** Virtual time of creation, epoch ms. */
  readonly createdAt: number;
  readonly refund?: RefundRecord;
  readonly history: readonly OrderHistoryEntry[];
}

export interface OrderQueryBody {
  readonly resultCode: 'MKT.0000';
  readonly resultMsg: 'Success';
  readonly orderInfo: OrderInfo;
}

/** A copy with the platform's key order and without undefined members, so JSON.stringify matches the real bytes. */
function toWireLine(line: OrderLine): OrderLine {
  return {
    orderLineId: line.orderLineId,
    chargingMode: line.chargingMode,
    ...(line.periodType === undefined ? {} : { periodType: line.periodType }),
    ...(line.periodNumber === undefined ? {} : { periodNumber: line.periodNumber }),
    ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }),
    productInfo: line.productInfo.map((p) => ({
      productId: p.productId,
      skuCode: p.skuCode,
      ...(p.linearValue === undefined ? {} : { linearValue: p.linearValue }),
      productName: p.productName,
    })),
    extendParams: line.extendParams.map((e) => ({ name: e.name, value: e.value })),
    currency: line.currency,
    currencyAfterDiscount: line.currencyAfterDiscount,
  };
}

const toWireBuyer = (b: BuyerInfo): BuyerInfo => ({
  mobilePhone: b.mobilePhone,
  email: b.email,
  customerId: b.customerId,
  customerName: b.customerName,
  customerRealName: b.customerRealName,
  customerType: b.customerType,
  userId: b.userId,
  userName: b.userName,
});

/**
 * The exact body of a successful order query; filtered to one line when `orderLineId` is given.
 * Returns undefined when that line does not exist (the handler then answers MKT.0101, docs/fidelity.md#d23).
 * @example JSON.stringify(toOrderQueryBody(order, `${id}-000001`)) // '{"resultCode":"MKT.0000",...}'
 */
export function toOrderQueryBody(order: Pick<Order, 'orderInfo'>, orderLineId?: string): OrderQueryBody | undefined {
  const info = order.orderInfo;
  const lines = orderLineId === undefined ? info.orderLine : info.orderLine.filter((l) => l.orderLineId === orderLineId);
  if (lines.length === 0 && orderLineId !== undefined) return undefined;
  return {
    resultCode: 'MKT.0000',
    resultMsg: 'Success',
    orderInfo: {
      orderId: info.orderId,
      orderType: info.orderType,
      createTime: info.createTime,
      orderLine: lines.map(toWireLine),
      ...(info.buyerInfo === undefined ? {} : { buyerInfo: toWireBuyer(info.buyerInfo) }),
      extendParams: info.extendParams.map((e) => ({ name: e.name, value: e.value })),
    },
  };
}

/** The line with this id, if the order has it. */
export const findOrderLine = (order: Pick<Order, 'orderInfo'>, orderLineId: string): OrderLine | undefined =>
  order.orderInfo.orderLine.find((l) => l.orderLineId === orderLineId);

export interface CreateOrderInput {
  readonly sellerId: string;
  /** One line per product; an on-demand spec with several billing items is several products (produce-api.md §8.5). */
  readonly products: readonly CatalogProduct[];
  readonly orderType?: OrderType;
  /** PERIOD lines (and optionally ON_DEMAND_PKG): defaults to the product's first period type. */
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  /** Quantity for products with a linear attribute; defaults to the attribute's default. */
  readonly linearValue?: number;
  readonly buyer?: Partial<BuyerInfo>;
  readonly extendParams?: readonly ExtendParam[];
  /** Extend params put on every line (the mock puts `emailDomainName`, `ip` there). */
  readonly lineExtendParams?: readonly ExtendParam[];
  /** A fixed order id (scenarios); minted from the clock and Random otherwise. */
  readonly orderId?: string;
  readonly now: number;
  readonly random: Random;
}

const HEX = '0123456789abcdef';

/** A buyer that looks real: 32-hex account id, nulls where the platform sends nulls. */
const createBuyer = (random: Random, overrides: Partial<BuyerInfo> = {}): BuyerInfo => ({
  mobilePhone: null,
  email: null,
  customerId: createRandomString(random, 32, HEX),
  customerName: 'koomock_buyer',
  customerRealName: '测试买家',
  customerType: 0,
  userId: null,
  userName: null,
  ...overrides,
});

function toLine(input: CreateOrderInput, orderId: string, index: number, product: CatalogProduct): OrderLine {
  const where = { productId: product.productId, chargingMode: product.chargingMode };
  const periodic = product.chargingMode === 'PERIOD' || (product.chargingMode === 'ON_DEMAND_PKG' && input.periodType !== undefined);
  if (!periodic && (input.periodType !== undefined || input.periodNumber !== undefined)) {
    throw inputError(`product ${product.productId} is charged ${product.chargingMode} and has no period: remove periodType/periodNumber`, where);
  }
  const periodType = periodic ? (input.periodType ?? product.periodTypes?.[0] ?? 'month') : undefined;
  if (periodType !== undefined && product.periodTypes !== undefined && !product.periodTypes.includes(periodType)) {
    throw inputError(
      `product ${product.productId} is sold by ${product.periodTypes.join('/')}, not by ${periodType}: use one of those period types or another product`,
      { ...where, periodType },
    );
  }
  const periodNumber = periodic ? (input.periodNumber ?? 1) : undefined;
  if (periodNumber !== undefined && (!Number.isInteger(periodNumber) || periodNumber < 1)) {
    throw inputError(`periodNumber must be a positive integer, received ${periodNumber}`, where);
  }
  const linear = product.linear;
  const linearValue = linear === undefined ? undefined : (input.linearValue ?? linear.default);
  if (linear !== undefined && linearValue !== undefined && (!Number.isInteger(linearValue) || linearValue < linear.min || linearValue > linear.max)) {
    throw inputError(`${linear.name} must be an integer from ${linear.min} to ${linear.max}, received ${linearValue}`, where);
  }
  const price = product.price ?? '0';
  if (!isAmount(price)) throw inputError(`price of product ${product.productId} must be a decimal string like "100", received ${JSON.stringify(price)}`, where);
  const free = input.orderType === 'TRIAL' || product.chargingMode === 'ON_DEMAND';
  const currency = free ? '0' : multiplyAmount(price, periodNumber ?? 1);
  return {
    orderLineId: toOrderLineId(orderId, index + 1),
    chargingMode: product.chargingMode,
    ...(periodType === undefined ? {} : { periodType }),
    ...(periodNumber === undefined ? {} : { periodNumber }),
    ...(periodType === undefined || periodNumber === undefined
      ? {}
      : { expireTime: toOrderTime(toExpireMs(input.now, periodType, periodNumber)) }),
    productInfo: [
      {
        productId: product.productId,
        skuCode: product.skuCode,
        ...(linearValue === undefined ? {} : { linearValue }),
        productName: product.productName,
      },
    ],
    extendParams: [...(input.lineExtendParams ?? [])],
    currency,
    currencyAfterDiscount: currency,
  };
}

/**
 * A new order for catalog products, status PENDING. Bad input (a period the product is not sold
 * by, a quantity out of range) is the koomock user's mistake and throws INPUT_INVALID.
 * Expiry: the period added on the Beijing calendar, at 23:59:59 Beijing (see period.ts).
 * @example createOrder({ sellerId: 's1', products: [yearly], periodType: 'year', now: clock.now(), random })
 */
export function createOrder(input: CreateOrderInput): Order {
  if (input.products.length === 0) throw inputError('an order needs at least one product: list a catalog product');
  if (input.linearValue !== undefined && input.products.every((p) => p.linear === undefined)) {
    throw inputError('linearValue was given but none of the products has a linear attribute: remove it or pick a product with one');
  }
  const orderId = input.orderId ?? createOrderId(input.now, input.random);
  const orderInfo: OrderInfo = {
    orderId,
    orderType: input.orderType ?? 'NEW',
    createTime: toOrderTime(input.now),
    orderLine: input.products.map((p, i) => toLine(input, orderId, i, p)),
    buyerInfo: createBuyer(input.random, input.buyer),
    extendParams: [...(input.extendParams ?? [])],
  };
  return {
    orderInfo,
    sellerId: input.sellerId,
    status: 'PENDING',
    createdAt: input.now,
    history: [{ at: input.now, to: 'PENDING' }],
  };
}
