import type { Handler } from '../context.js';
import { requireStrings } from '../params.js';
import { instanceNotFound, invalidParam, success } from '../result-codes.js';
import { toOrderFailure } from './order-errors.js';

/**
 * upgradeInstance (实例升级, produce-api.md §3.6): a paid upgrade or scale-out. The body names the
 * new order; the new SKU and quantity come from the order query. The instanceId stays the same.
 */
export const upgradeInstance: Handler = async (body, ctx) => {
  const p = requireStrings(body, { instanceId: 64, orderId: 64, orderLineId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  const { instanceId, orderId, orderLineId } = p.value;
  const record = ctx.instances.get(instanceId);
  if (record === undefined || record.released) return instanceNotFound(instanceId);

  const fetched = await ctx.orders.queryOrder(orderId, orderLineId);
  if (!fetched.ok) return toOrderFailure(fetched);
  const line = fetched.order.orderLine.find((l) => l.orderLineId === orderLineId);
  if (line === undefined) return invalidParam(`order ${orderId} has no order line ${orderLineId}`);
  const product = line.productInfo[0];
  ctx.instances.update(instanceId, {
    ...(product === undefined ? {} : { productId: product.productId, skuCode: product.skuCode, linearValue: product.linearValue }),
    ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }),
  });
  ctx.log(`upgradeInstance ${instanceId}: now ${product?.skuCode ?? 'unknown SKU'} x ${product?.linearValue ?? '-'} (order ${orderId})`);
  return success();
};
