/**
 * The `order` step: koomock, as the buyer, places an order of catalog products (stored, so the
 * seller's order query finds it), or names one of the nine mock orders every seller can query (docs/fidelity.md#d25).
 */
import { isKoomockError } from '../../errors.js';
import { getMockOrder } from '../../market/mock-orders.js';
import { createOrder, type Order, type OrderLine } from '../../market/order.js';
import { parseOrderTime } from '../../market/time-format.js';
import type { OrderLineResult, OrderStep, OrderStepResult } from '../load/model.js';
import { stepError, type ScenarioState } from './state.js';
import { placeFollowOn } from './follow-on.js';
import { selectProducts } from './select-products.js';

function toLineResult(line: OrderLine): OrderLineResult {
  const product = line.productInfo[0];
  const expireAt = line.expireTime === undefined ? undefined : parseOrderTime(line.expireTime);
  return {
    orderLineId: line.orderLineId,
    chargingMode: line.chargingMode,
    productId: product?.productId ?? '',
    skuCode: product?.skuCode ?? '',
    productName: product?.productName ?? '',
    ...(product?.linearValue === undefined ? {} : { linearValue: product.linearValue }),
    ...(line.periodType === undefined ? {} : { periodType: line.periodType }),
    ...(line.periodNumber === undefined ? {} : { periodNumber: line.periodNumber }),
    ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }),
    ...(expireAt === undefined ? {} : { expireAt }),
  };
}

/**
 * What `${order.…}` reads: the first line's fields at the top, every line in `lines`.
 * @example
 *   toOrderStepResult(order).orderLineId; // 'CS2411211708ABCDE-000001'
 */
export function toOrderStepResult(order: Order): OrderStepResult {
  const lines = order.orderInfo.orderLine.map(toLineResult);
  const first = lines[0];
  if (first === undefined) throw new Error(`koomock bug: order ${order.orderInfo.orderId} has no order line`);
  return { ...first, orderId: order.orderInfo.orderId, orderType: order.orderInfo.orderType, lines };
}

function placeOrder(step: OrderStep, state: ScenarioState): Order {
  const spec = step.order;
  const { deps, scenario } = state;
  if (spec.source === 'mock') {
    const mock = getMockOrder(spec.orderId, deps.sellerId);
    if (mock === undefined) throw stepError(scenario, step, `there is no mock order ${spec.orderId}`);
    return mock;
  }
  if (spec.follows !== undefined) return placeFollowOn(step, { ...spec, follows: spec.follows }, state);
  const selection = selectProducts(spec.products, deps.catalog, spec.periodType);
  if (!selection.ok) throw stepError(scenario, step, selection.problem, selection.hint);
  try {
    return createOrder({
      sellerId: deps.sellerId,
      products: selection.products,
      orderType: spec.orderType,
      ...(spec.periodType === undefined ? {} : { periodType: spec.periodType }),
      ...(spec.periodNumber === undefined ? {} : { periodNumber: spec.periodNumber }),
      ...(spec.linearValue === undefined ? {} : { linearValue: spec.linearValue }),
      extendParams: spec.extendParams,
      lineExtendParams: spec.lineExtendParams,
      now: deps.clock.now(),
      random: deps.random,
    });
  } catch (e) {
    // The catalog and the scenario disagree (a period the product is not sold by, a quantity out of range).
    if (isKoomockError(e) && e.code === 'INPUT_INVALID') throw stepError(scenario, step, e.message, 'change the order step or the catalog in koomock.config.yaml');
    throw e;
  }
}

/**
 * Places (or looks up) the order of an order step and returns its result. Catalog orders are stored
 * PENDING before any call mentions them.
 * @example
 *   const result = await runOrderStep(step, state); // { orderId: 'CS…', orderLineId: 'CS…-000001', lines: [...] }
 */
export async function runOrderStep(step: OrderStep, state: ScenarioState): Promise<OrderStepResult> {
  const order = placeOrder(step, state);
  if (step.order.source === 'catalog') await state.deps.market.putOrder(order);
  state.orders.set(order.orderInfo.orderId, order);
  return toOrderStepResult(order);
}
