/**
 * Admin follow-on orders: `POST /_koomock/orders` with `follows` places a RENEW, CHANGE,
 * TRIAL_TO_FORMAL or UNSUBSCRIBE order of an existing instance or order line, with its buyer,
 * dates and price carried over (core/market/follow-on.ts, docs/fidelity.md#d32).
 */
import type { CatalogProduct } from '../../../core/market/catalog.js';
import { createFollowOnOrder, isFollowOnType, toFollowedLine } from '../../../core/market/follow-on.js';
import { getMockOrder } from '../../../core/market/mock-orders.js';
import type { Order } from '../../../core/market/order.js';
import type { EmulatorRuntime } from '../../../app/emulator-runtime.js';
import { invalid } from './errors.js';
import type { CreateOrderRequest, FollowsRequest } from './types.js';

const SHAPE = '{"instanceId": "..."} or {"orderId": "...", "orderLineId": "..."}';

/** Checks the shape of `follows`. */
export function parseFollows(v: unknown): FollowsRequest | undefined {
  if (v === undefined) return undefined;
  const bad = () => invalid(`follows must be ${SHAPE}, received ${JSON.stringify(v)}`);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad();
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.some((k) => !['instanceId', 'orderId', 'orderLineId'].includes(k)) || keys.some((k) => typeof o[k] !== 'string' || o[k] === '')) throw bad();
  if ((o['instanceId'] === undefined) === (o['orderId'] === undefined)) throw bad();
  if (o['instanceId'] !== undefined && o['orderLineId'] !== undefined) throw bad();
  return o as FollowsRequest;
}

function findOrder(runtime: EmulatorRuntime, orderId: string): Order {
  const order = runtime.store.getOrder(orderId) ?? getMockOrder(orderId, runtime.seller.id);
  if (order === undefined || order.sellerId !== runtime.seller.id) throw invalid(`follows names order ${JSON.stringify(orderId)}, which does not exist: list orders with GET /_koomock/orders`);
  return order;
}

/** The order and line that created what `follows` names (a follow-on of a follow-on leads back to the first). */
function findRoot(runtime: EmulatorRuntime, follows: FollowsRequest): { root: Order; orderLineId: string } {
  let orderId = follows.orderId;
  let orderLineId = follows.orderLineId;
  if (follows.instanceId !== undefined) {
    const instance = runtime.store.getInstance(runtime.seller.id, follows.instanceId);
    if (instance === undefined) throw invalid(`follows names instance ${JSON.stringify(follows.instanceId)}, which the seller has not created: list instances with GET /_koomock/instances`);
    orderId = instance.orderId;
    orderLineId = instance.orderLineId;
  }
  const order = findOrder(runtime, orderId ?? '');
  if (order.follows !== undefined) return { root: findOrder(runtime, order.follows.orderId), orderLineId: order.follows.orderLineId };
  return { root: order, orderLineId: orderLineId ?? order.orderInfo.orderLine[0]?.orderLineId ?? '' };
}

/**
 * A PENDING follow-on order, stored.
 * @example createAdminFollowOn(runtime, { orderType: 'RENEW', follows: { instanceId }, periodNumber: 1 }, pick)
 */
export function createAdminFollowOn(runtime: EmulatorRuntime, request: CreateOrderRequest & { readonly follows: FollowsRequest }, pick: () => CatalogProduct | undefined): Order {
  const type = request.orderType ?? 'NEW';
  if (!isFollowOnType(type)) throw invalid(`a ${type} order starts a new order line and follows none: set orderType to RENEW, CHANGE, TRIAL_TO_FORMAL or UNSUBSCRIBE, or drop follows`);
  const { root, orderLineId } = findRoot(runtime, request.follows);
  const followed = toFollowedLine(root, orderLineId, runtime.store.listOrders({ sellerId: runtime.seller.id }));
  const product = pick() ?? runtime.config.catalog.find((p) => p.productId === followed.line.productInfo[0]?.productId);
  const order = createFollowOnOrder({
    followed,
    orderType: type,
    ...(product === undefined ? {} : { product }),
    ...(request.periodType === undefined ? {} : { periodType: request.periodType }),
    ...(request.periodNumber === undefined ? {} : { periodNumber: request.periodNumber }),
    ...(request.linearValue === undefined ? {} : { linearValue: request.linearValue }),
    ...(request.extendParams === undefined ? {} : { extendParams: request.extendParams }),
    trialPaidFrom: runtime.config.profile.trialPaidFrom,
    now: runtime.context.clock.now(),
    random: runtime.context.random,
  });
  runtime.store.putOrder(order);
  return order;
}
