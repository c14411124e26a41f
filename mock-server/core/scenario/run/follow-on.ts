/**
 * The `order` step with `follows`: a follow-on order (RENEW, CHANGE, TRIAL_TO_FORMAL,
 * UNSUBSCRIBE) of the order line a previous step bought or provisioned, with that line's buyer,
 * dates and price carried over (market/follow-on.ts, docs/fidelity.md#d32).
 */
import { isKoomockError } from '../../errors.js';
import { createFollowOnOrder, isFollowOnType, toFollowedLine } from '../../market/follow-on.js';
import type { Order } from '../../market/order.js';
import type { CatalogOrderSpec, OrderStep, OrderStepResult, SendStepResult } from '../load/model.js';
import { stepError, type ScenarioState } from './state.js';
import { selectProducts } from './select-products.js';

interface LineRef {
  readonly root: Order;
  readonly orderLineId: string;
}

/** The order and line that created what `follows` names (a follow-on of a follow-on leads back to the first). */
function findRoot(step: OrderStep, followsId: string, state: ScenarioState): LineRef {
  const { scenario } = state;
  const target = scenario.steps.find((s) => s.id === followsId);
  const result = state.results[followsId];
  if (target === undefined || result === undefined) throw stepError(scenario, step, `follows \${${followsId}}, but that step has no result`, 'follow an earlier order or newInstance step');
  let orderId: string;
  let orderLineId: string;
  if (target.kind === 'order') {
    const r = result as OrderStepResult;
    orderId = r.orderId;
    orderLineId = r.orderLineId;
  } else {
    const instanceId = (result as SendStepResult).instanceId;
    const record = instanceId === undefined ? undefined : state.memory.records.get(instanceId);
    if (record === undefined) {
      throw stepError(scenario, step, `follows \${${followsId}}, but that step provisioned no instance koomock knows (the seller's answer had no usable instanceId)`, 'follow the order step instead, or fix the newInstance step');
    }
    orderId = record.orderId;
    orderLineId = record.orderLineId;
  }
  const order = state.orders.get(orderId);
  if (order === undefined) throw stepError(scenario, step, `follows \${${followsId}}, whose order ${orderId} this scenario did not place`, 'follow a step of this scenario');
  if (order.follows === undefined) return { root: order, orderLineId };
  const root = state.orders.get(order.follows.orderId);
  if (root === undefined) throw stepError(scenario, step, `order ${orderId} follows order ${order.follows.orderId}, which this scenario did not place`);
  return { root, orderLineId: order.follows.orderLineId };
}

/**
 * Places a follow-on order; the platform's own refusals (renewing a line without a period,
 * converting a non-trial) stop the scenario like a catalog mismatch does.
 * @example
 *   const renewal = placeFollowOn(step, spec, state); // RENEW order expiring one period after the current expiry
 */
export function placeFollowOn(step: OrderStep, spec: CatalogOrderSpec & { readonly follows: string }, state: ScenarioState): Order {
  const { deps, scenario } = state;
  if (!isFollowOnType(spec.orderType)) throw stepError(scenario, step, `a ${spec.orderType} order follows no other order`, 'use RENEW, CHANGE, TRIAL_TO_FORMAL or UNSUBSCRIBE');
  const { root, orderLineId } = findRoot(step, spec.follows, state);
  const followed = toFollowedLine(root, orderLineId, state.orders.values());
  let product = deps.catalog.find((p) => p.productId === followed.line.productInfo[0]?.productId);
  if (spec.products.length > 0) {
    const selection = selectProducts(spec.products, deps.catalog, spec.periodType);
    if (!selection.ok) throw stepError(scenario, step, selection.problem, selection.hint);
    product = selection.products[0];
  }
  try {
    return createFollowOnOrder({
      followed,
      orderType: spec.orderType,
      ...(product === undefined ? {} : { product }),
      ...(spec.periodType === undefined ? {} : { periodType: spec.periodType }),
      ...(spec.periodNumber === undefined ? {} : { periodNumber: spec.periodNumber }),
      ...(spec.linearValue === undefined ? {} : { linearValue: spec.linearValue }),
      extendParams: spec.extendParams,
      ...(spec.lineExtendParams.length === 0 ? {} : { lineExtendParams: spec.lineExtendParams }),
      trialPaidFrom: state.profile.trialPaidFrom,
      now: deps.clock.now(),
      random: deps.random,
    });
  } catch (e) {
    if (isKoomockError(e) && e.code === 'INPUT_INVALID') throw stepError(scenario, step, e.message, 'change the order step (the platform would not place this order)');
    throw e;
  }
}
