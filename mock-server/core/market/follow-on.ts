/**
 * Follow-on orders as the platform keeps them (docs/fidelity.md#d32): a RENEW, CHANGE,
 * TRIAL_TO_FORMAL or UNSUBSCRIBE order refers to the order line that created the instance, keeps
 * its buyer, and takes its dates and amount from where that line stands now:
 * - RENEW extends from the current expiry (also after it passed, inside the freeze period);
 * - CHANGE keeps the expiry and charges the upgrade difference for the remaining days;
 * - TRIAL_TO_FORMAL starts the paid period at the conversion;
 * - UNSUBSCRIBE adds no period and charges nothing.
 */
import { inputError } from '../errors.js';
import type { Random } from '../ports.js';
import { fromCents, toCents } from './amount.js';
import type { CatalogProduct, PeriodType } from './catalog.js';
import { createOrderId, toOrderLineId } from './ids.js';
import type { ExtendParam, Order, OrderLine, ProductInfo } from './order.js';
import { extendExpiryMs, toExpireMs } from './period.js';
import { EAST8_OFFSET_MS, parseOrderTime, toOrderTime } from './time-format.js';

export type FollowOnType = 'RENEW' | 'CHANGE' | 'TRIAL_TO_FORMAL' | 'UNSUBSCRIBE';

export const FOLLOW_ON_TYPES: readonly FollowOnType[] = ['RENEW', 'CHANGE', 'TRIAL_TO_FORMAL', 'UNSUBSCRIBE'];

export const isFollowOnType = (type: string): type is FollowOnType => (FOLLOW_ON_TYPES as readonly string[]).includes(type);

const DAY_MS = 86_400_000;

/** Where the order line of an instance stands now, after the follow-on orders placed so far. */
export interface FollowedLine {
  /** The order that created the instance: seller and buyer come from it. */
  readonly root: Order;
  readonly rootLine: OrderLine;
  /** The line that describes the instance now (latest product, quantity, period type and number). */
  readonly line: OrderLine;
  /** Current expiry, UTC `yyyyMMddHHmmss`; absent for lines without a period. */
  readonly expireTime?: string;
  /** Start of the paid span that ends at `expireTime`, epoch ms. */
  readonly spanStart: number;
  /** Price of one period of the current configuration, in cents. */
  readonly periodCents: number;
  readonly trial: boolean;
}

const quantityOf = (line: OrderLine): number => line.productInfo[0]?.linearValue ?? 1;

/**
 * The line as its creating order left it.
 * @example startFollowedLine(order, `${order.orderInfo.orderId}-000001`).expireTime // "20270107155959"
 */
export function startFollowedLine(root: Order, orderLineId: string): FollowedLine {
  const line = root.orderInfo.orderLine.find((l) => l.orderLineId === orderLineId);
  if (line === undefined) throw inputError(`order ${root.orderInfo.orderId} has no order line ${orderLineId}`, { orderId: root.orderInfo.orderId, orderLineId });
  return {
    root,
    rootLine: line,
    line,
    ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }),
    spanStart: root.createdAt,
    periodCents: Math.round(toCents(line.currencyAfterDiscount) / (line.periodNumber ?? 1)),
    trial: root.orderInfo.orderType === 'TRIAL',
  };
}

/** The line after one more follow-on order. */
function applyFollowOn(at: FollowedLine, order: Order): FollowedLine {
  const line = order.orderInfo.orderLine[0];
  if (line === undefined || order.follows === undefined) return at;
  const periodCents = toCents(order.follows.periodPrice);
  switch (order.orderInfo.orderType) {
    case 'RENEW':
      return { ...at, line, ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }), spanStart: parseOrderTime(at.expireTime) ?? at.spanStart, periodCents };
    case 'CHANGE':
      return { ...at, line, periodCents };
    case 'TRIAL_TO_FORMAL':
      return { ...at, line, ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }), spanStart: order.createdAt, periodCents, trial: false };
    default:
      return at;
  }
}

/** Did this follow-on order take effect (failed and unsubscribed renewals and changes did not)? */
const inEffect = (order: Order): boolean => order.status !== 'FAILED' && (order.status !== 'UNSUBSCRIBED' || order.orderInfo.orderType === 'UNSUBSCRIBE');

/**
 * Where a line stands after the follow-on orders among `orders` that follow it, in the order they were placed.
 * @example toFollowedLine(order, lineId, store.listOrders()).expireTime // the expiry after every renewal
 */
export function toFollowedLine(root: Order, orderLineId: string, orders: Iterable<Order>): FollowedLine {
  const rootId = root.orderInfo.orderId;
  const mine = [...orders]
    .filter((o) => o.follows?.orderId === rootId && o.follows.orderLineId === orderLineId && inEffect(o))
    .sort((a, b) => a.createdAt - b.createdAt);
  return mine.reduce(applyFollowOn, startFollowedLine(root, orderLineId));
}

export interface FollowOnInput {
  readonly followed: FollowedLine;
  readonly orderType: FollowOnType;
  /**
   * The catalog product of the new line: another SKU (CHANGE, TRIAL_TO_FORMAL, renewal with a new
   * productId), or the catalog entry of the same one. Default: the followed line's product.
   */
  readonly product?: CatalogProduct;
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  readonly linearValue?: number;
  readonly extendParams?: readonly ExtendParam[];
  /** Default: the extend params of the line that created the instance. */
  readonly lineExtendParams?: readonly ExtendParam[];
  readonly orderId?: string;
  /** TRIAL_TO_FORMAL: the paid period starts at the conversion (default) or when the trial ends. */
  readonly trialPaidFrom?: 'conversion' | 'trial-end';
  readonly now: number;
  readonly random: Random;
}

function refuse(input: FollowOnInput, problem: string): Error {
  const { root, rootLine } = input.followed;
  return inputError(`${input.orderType} order: ${problem}`, { orderId: root.orderInfo.orderId, orderLineId: rootLine.orderLineId, orderType: input.orderType });
}

function checkInput(input: FollowOnInput): void {
  const { followed: f, orderType: type } = input;
  const lineId = f.rootLine.orderLineId;
  if (type === 'TRIAL_TO_FORMAL' && !f.trial) throw refuse(input, `line ${lineId} is not a trial (its order is ${f.root.orderInfo.orderType}), so it cannot turn formal: follow a TRIAL order`);
  if (type !== 'UNSUBSCRIBE' && f.expireTime === undefined) {
    throw refuse(input, `line ${lineId} is charged ${f.line.chargingMode} and has no period to ${type === 'RENEW' ? 'renew' : 'change'}: follow a PERIOD line`);
  }
  if ((type === 'CHANGE' || type === 'UNSUBSCRIBE') && (input.periodType !== undefined || input.periodNumber !== undefined)) {
    throw refuse(input, `${type === 'CHANGE' ? 'an upgrade keeps the validity period' : 'an unsubscription adds no period'} (produce-api.md §3.6): remove periodType and periodNumber`);
  }
  const sameProduct = input.product === undefined || input.product.productId === f.line.productInfo[0]?.productId;
  if (type === 'UNSUBSCRIBE' && (!sameProduct || input.linearValue !== undefined)) throw refuse(input, 'an unsubscription names no new product or quantity: remove them');
  const expiry = parseOrderTime(f.expireTime);
  if (type === 'CHANGE' && expiry !== undefined && input.now >= expiry) {
    throw refuse(input, `an upgrade applies within the validity period, and line ${lineId} expired at ${f.expireTime} (UTC): renew it first`);
  }
  const product = input.product;
  if (product !== undefined && product.chargingMode !== f.line.chargingMode) throw refuse(input, `product ${product.productId} is charged ${product.chargingMode}, the line ${f.line.chargingMode}: pick a product charged the same way`);
  const periodType = input.periodType ?? f.line.periodType;
  if (product?.periodTypes !== undefined && periodType !== undefined && !product.periodTypes.includes(periodType)) {
    throw refuse(input, `product ${product.productId} is sold by ${product.periodTypes.join('/')}, not by ${periodType}: give periodType`);
  }
  const n = input.periodNumber;
  if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw refuse(input, `periodNumber must be a positive integer, received ${n}`);
  const linear = product?.linear;
  const q = input.linearValue;
  if (q !== undefined && linear !== undefined && (!Number.isInteger(q) || q < linear.min || q > linear.max)) {
    throw refuse(input, `${linear.name} must be an integer from ${linear.min} to ${linear.max}, received ${q}`);
  }
}

function toProductInfo(input: FollowOnInput): ProductInfo {
  const base = input.followed.line.productInfo[0];
  const p = input.product;
  const linearValue = input.linearValue ?? base?.linearValue ?? p?.linear?.default;
  return {
    productId: p?.productId ?? base?.productId ?? '',
    skuCode: p?.skuCode ?? base?.skuCode ?? '',
    ...(linearValue === undefined ? {} : { linearValue }),
    productName: p?.productName ?? base?.productName ?? '',
  };
}

/**
 * Price of one period of the new configuration, in cents. The same product keeps the line's price per
 * unit of its quantity (a scale-out from 10 to 20 users doubles it); another product costs its
 * catalog price, as a new order of it would.
 */
function toPeriodCents(input: FollowOnInput, info: ProductInfo): number {
  const f = input.followed;
  const same = info.productId === f.line.productInfo[0]?.productId;
  const before = quantityOf(f.line);
  if (same && !f.trial && before > 0) return Math.round((f.periodCents * (info.linearValue ?? 1)) / before);
  return toCents(input.product?.price ?? '0');
}

/**
 * The upgrade difference for the remaining days (docs/fidelity.md#d32, from the marketplace's
 * published rule "升级费用 = 新配置价格 × 剩余天数 × 折扣 − 老配置价格 × 剩余天数 × 折扣"):
 * (new span price − old span price) × remaining days / days of the span, never below 0.
 */
function toChangeCents(f: FollowedLine, newPeriodCents: number, now: number): number {
  const expiry = parseOrderTime(f.expireTime) ?? now;
  const periods = f.line.periodNumber ?? 1;
  const spanDays = Math.max(1, toBeijingDay(expiry) - toBeijingDay(f.spanStart));
  const remainingDays = Math.min(spanDays, Math.max(0, toBeijingDay(expiry) - toBeijingDay(now)));
  const difference = (newPeriodCents - f.periodCents) * periods;
  return Math.max(0, Math.round((difference * remainingDays) / spanDays));
}

/** Days are Beijing calendar days; the day of the change counts as used. */
const toBeijingDay = (ms: number): number => Math.floor((ms + EAST8_OFFSET_MS) / DAY_MS);

interface Terms {
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  readonly expireTime?: string;
  readonly cents: number;
}

function toTerms(input: FollowOnInput, periodCents: number): Terms {
  const f = input.followed;
  const keep = { ...(f.line.periodType === undefined ? {} : { periodType: f.line.periodType }), ...(f.line.periodNumber === undefined ? {} : { periodNumber: f.line.periodNumber }), ...(f.expireTime === undefined ? {} : { expireTime: f.expireTime }) };
  if (input.orderType === 'UNSUBSCRIBE') return { ...keep, cents: 0 };
  if (input.orderType === 'CHANGE') return { ...keep, cents: toChangeCents(f, periodCents, input.now) };
  const periodType = input.periodType ?? f.line.periodType ?? 'month';
  const periodNumber = input.periodNumber ?? 1;
  const expiry = parseOrderTime(f.expireTime);
  // A renewal extends the current expiry; a conversion starts now, or after a trial still running.
  const extend = expiry !== undefined && (input.orderType === 'RENEW' || (input.trialPaidFrom === 'trial-end' && expiry > input.now));
  const ends = extend ? extendExpiryMs(expiry, periodType, periodNumber) : toExpireMs(input.now, periodType, periodNumber);
  return { periodType, periodNumber, expireTime: toOrderTime(ends), cents: periodCents * periodNumber };
}

/**
 * A PENDING follow-on order of the line `followed` describes. Input the platform would never
 * accept (renewing a line without a period, converting a non-trial) throws INPUT_INVALID.
 * @example
 *   const renewal = createFollowOnOrder({ followed: toFollowedLine(order, lineId, orders), orderType: 'RENEW', periodNumber: 1, now, random });
 *   renewal.orderInfo.orderLine[0]?.expireTime; // one month after the current expiry
 */
export function createFollowOnOrder(input: FollowOnInput): Order {
  checkInput(input);
  const f = input.followed;
  const info = toProductInfo(input);
  const periodCents = toPeriodCents(input, info);
  const terms = toTerms(input, periodCents);
  const orderId = input.orderId ?? createOrderId(input.now, input.random);
  const currency = fromCents(terms.cents);
  const line: OrderLine = {
    orderLineId: toOrderLineId(orderId, 1),
    chargingMode: f.line.chargingMode,
    ...(terms.periodType === undefined ? {} : { periodType: terms.periodType }),
    ...(terms.periodNumber === undefined ? {} : { periodNumber: terms.periodNumber }),
    ...(terms.expireTime === undefined ? {} : { expireTime: terms.expireTime }),
    productInfo: [info],
    extendParams: [...(input.lineExtendParams ?? f.rootLine.extendParams)],
    currency,
    currencyAfterDiscount: currency,
  };
  const root = f.root.orderInfo;
  return {
    orderInfo: {
      orderId,
      orderType: input.orderType,
      createTime: toOrderTime(input.now),
      orderLine: [line],
      ...(root.buyerInfo === undefined ? {} : { buyerInfo: root.buyerInfo }),
      extendParams: [...(input.extendParams ?? [])],
    },
    sellerId: f.root.sellerId,
    status: 'PENDING',
    createdAt: input.now,
    history: [{ at: input.now, to: 'PENDING', note: `follows ${f.rootLine.orderLineId}` }],
    follows: { orderId: root.orderId, orderLineId: f.rootLine.orderLineId, periodPrice: fromCents(input.orderType === 'UNSUBSCRIBE' ? f.periodCents : periodCents) },
  };
}
