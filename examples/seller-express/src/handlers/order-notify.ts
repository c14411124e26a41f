import type { Handler } from '../context.js';
import { requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';
import { toOrderFailure } from './order-errors.js';

/**
 * orderNotify (订单通知, produce-api.md §3.8), signed with the general (通用接口) key. The doc says
 * "answer 000000, then query the order"; fetching before answering means a failed fetch can be
 * reported as a failure, and the marketplace notifies again (it retries for 3 hours).
 */
export const orderNotify: Handler = async (body, ctx) => {
  const p = requireStrings(body, { orderId: 64, orderLineId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  const { orderId, orderLineId } = p.value;
  const fetched = await ctx.orders.queryOrder(orderId, orderLineId);
  if (!fetched.ok) return toOrderFailure(fetched);
  if (ctx.notifications.length >= 1000) ctx.notifications.shift();
  ctx.notifications.push({ orderId, orderLineId, orderType: fetched.order.orderType, receivedAt: new Date().toISOString() });
  ctx.log(`orderNotify ${orderId}/${orderLineId}: ${fetched.order.orderType} order fetched`);
  return success();
};
