/**
 * Admin orders: create one from a catalog product (the way a buyer's purchase starts), list, get.
 * Creating an order stores it as PENDING; it does not call the seller.
 */
import type { CatalogProduct, ChargingMode, PeriodType } from '../../../core/market/catalog.js';
import { getMockOrder } from '../../../core/market/mock-orders.js';
import { createOrder, type ExtendParam, ORDER_TYPES, type Order, type OrderStatus, type OrderType } from '../../../core/market/order.js';
import { isFollowOnType } from '../../../core/market/follow-on.js';
import type { EmulatorRuntime } from '../../../app/emulator-runtime.js';
import { createAdminFollowOn, parseFollows } from './follow-on-orders.js';
import { invalid, notFound } from './errors.js';
import type { CreateOrderRequest } from './types.js';

const CHARGING_MODES: readonly ChargingMode[] = ['PERIOD', 'ONE_TIME', 'ON_DEMAND', 'ON_DEMAND_PKG'];
const PERIOD_TYPES: readonly PeriodType[] = ['year', 'month', 'day', 'hour'];
const ORDER_STATUSES: readonly OrderStatus[] = ['PENDING', 'PROVISIONING', 'ACTIVE', 'FAILED', 'UNSUBSCRIBED'];
const FIELDS = new Set(['follows', 'productId', 'chargingMode', 'periodType', 'periodNumber', 'linearValue', 'orderType', 'extendParams']);

function oneOf<T extends string>(body: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw invalid(`${name} must be one of ${allowed.join(', ')}, received ${JSON.stringify(v)}`);
  return v as T;
}

function integer(body: Record<string, unknown>, name: string): number | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw invalid(`${name} must be a whole number, received ${JSON.stringify(v)}`);
  return v;
}

function extendParams(body: Record<string, unknown>): ExtendParam[] | undefined {
  const v = body.extendParams;
  if (v === undefined) return undefined;
  const ok = Array.isArray(v) && v.every((p) => typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.value === 'string');
  if (!ok) throw invalid(`extendParams must be a list of {"name": string, "value": string}, received ${JSON.stringify(v)}`);
  return (v as ExtendParam[]).map((p) => ({ name: p.name, value: p.value }));
}

/** Checks the shape of a create-order body; the order rules themselves are the core's (createOrder). */
export function parseCreateOrder(body: Record<string, unknown>): CreateOrderRequest {
  const unknown = Object.keys(body).filter((k) => !FIELDS.has(k));
  if (unknown.length > 0) throw invalid(`unknown field ${unknown.join(', ')}: a new order takes ${[...FIELDS].join(', ')}`);
  const productId = body.productId;
  if (productId !== undefined && (typeof productId !== 'string' || productId === '')) throw invalid(`productId must be a catalog product id, received ${JSON.stringify(productId)}`);
  const request: CreateOrderRequest = {
    ...opt('follows', parseFollows(body.follows)),
    ...(productId === undefined ? {} : { productId }),
    ...opt('chargingMode', oneOf(body, 'chargingMode', CHARGING_MODES)),
    ...opt('periodType', oneOf(body, 'periodType', PERIOD_TYPES)),
    ...opt('periodNumber', integer(body, 'periodNumber')),
    ...opt('linearValue', integer(body, 'linearValue')),
    ...opt('orderType', oneOf<OrderType>(body, 'orderType', ORDER_TYPES)),
    ...opt('extendParams', extendParams(body)),
  };
  if (request.follows === undefined && request.orderType !== undefined && isFollowOnType(request.orderType)) {
    throw invalid(`a ${request.orderType} order follows an existing order line: give follows ${'{'}"instanceId": ...${'}'} or ${'{'}"orderId": ..., "orderLineId": ...${'}'}`);
  }
  if (request.follows === undefined && request.productId === undefined && request.chargingMode === undefined) {
    throw invalid('give productId (a product of the catalog) or chargingMode (PERIOD, ONE_TIME, ON_DEMAND or ON_DEMAND_PKG) to pick the product');
  }
  return request;
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function pickProduct(catalog: readonly CatalogProduct[], request: CreateOrderRequest): CatalogProduct {
  const ids = catalog.map((p) => p.productId).join(', ');
  if (request.productId !== undefined) {
    const product = catalog.find((p) => p.productId === request.productId);
    if (product === undefined) throw invalid(`product ${request.productId} is not in the catalog; the catalog has ${ids}`);
    if (request.chargingMode !== undefined && product.chargingMode !== request.chargingMode) {
      throw invalid(`product ${product.productId} is charged ${product.chargingMode}, not ${request.chargingMode}: drop chargingMode or pick another product`);
    }
    return product;
  }
  const candidates = catalog.filter(
    (p) => p.chargingMode === request.chargingMode && (request.periodType === undefined || p.periodTypes === undefined || p.periodTypes.includes(request.periodType)),
  );
  const product = candidates[0];
  if (product === undefined) {
    throw invalid(`the catalog has no ${request.chargingMode} product${request.periodType === undefined ? '' : ` sold by ${request.periodType}`}; it has ${ids}`);
  }
  return product;
}

/**
 * A new PENDING order of the configured seller, stored.
 * @example createAdminOrder(runtime, { chargingMode: 'ON_DEMAND' }).orderInfo.orderLine[0]?.chargingMode // 'ON_DEMAND'
 */
export function createAdminOrder(runtime: EmulatorRuntime, request: CreateOrderRequest): Order {
  const { follows } = request;
  if (follows !== undefined) {
    const given = request.productId !== undefined || request.chargingMode !== undefined;
    return createAdminFollowOn(runtime, { ...request, follows }, () => (given ? pickProduct(runtime.config.catalog, request) : undefined));
  }
  const product = pickProduct(runtime.config.catalog, request);
  const order = createOrder({
    sellerId: runtime.seller.id,
    products: [product],
    now: runtime.context.clock.now(),
    random: runtime.context.random,
    ...opt('orderType', request.orderType),
    ...opt('periodType', request.periodType),
    ...opt('periodNumber', request.periodNumber),
    ...opt('linearValue', request.linearValue),
    ...opt('extendParams', request.extendParams),
  });
  runtime.store.putOrder(order);
  return order;
}

/** A stored order, or one of the nine debug orders every seller can query (docs/fidelity.md#d25). */
export function getAdminOrder(runtime: EmulatorRuntime, orderId: string): Order {
  const order = runtime.store.getOrder(orderId) ?? getMockOrder(orderId, runtime.seller.id);
  if (order === undefined) throw notFound(`order ${JSON.stringify(orderId)} does not exist: list orders with GET /_koomock/orders, or create one with POST /_koomock/orders`);
  return order;
}

export function parseOrderStatus(text: string | undefined): OrderStatus | undefined {
  if (text === undefined) return undefined;
  if (!ORDER_STATUSES.includes(text as OrderStatus)) throw invalid(`status must be one of ${ORDER_STATUSES.join(', ')}, received ${JSON.stringify(text)}`);
  return text as OrderStatus;
}
