import { randomUUID } from 'node:crypto';
import type { Handler } from '../context.js';
import { toIdempotencyKey } from '../instances.js';
import { requireStrings } from '../params.js';
import { createAppInfo, readProvisioningPlan } from '../provisioning.js';
import { invalidParam, reply, RESULT, success } from '../result-codes.js';
import { toOrderFailure } from './order-errors.js';

/**
 * newInstance (创建实例, produce-api.md §3.1). The body carries only ids, so the order is fetched
 * first. Re-sends (new businessId, same order line) get the instance created the first time.
 */
export const newInstance: Handler = async (body, ctx) => {
  const p = requireStrings(body, { orderId: 64, orderLineId: 64, businessId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  const { orderId, orderLineId, businessId } = p.value;

  const fetched = await ctx.orders.queryOrder(orderId, orderLineId);
  if (!fetched.ok) return toOrderFailure(fetched);
  const line = fetched.order.orderLine.find((l) => l.orderLineId === orderLineId);
  if (line === undefined) return invalidParam(`order ${orderId} has no order line ${orderLineId}`);

  const plan = readProvisioningPlan(fetched.order, line, ctx.options.defaultProvisionDelayMs);
  const product = line.productInfo[0];
  const { record, created } = ctx.instances.findOrCreate(toIdempotencyKey(orderId, orderLineId, line), () => {
    // The docs recommend the first request's businessId as instanceId; it must also be unique.
    const instanceId = ctx.instances.get(businessId) === undefined ? businessId : randomUUID();
    return {
      instanceId,
      orderId,
      orderLineId,
      chargingMode: line.chargingMode,
      productId: product?.productId,
      skuCode: product?.skuCode,
      linearValue: product?.linearValue,
      expireTime: line.expireTime,
      appInfo: plan.async ? undefined : createAppInfo(instanceId, ctx.options.appBaseUrl),
      frozen: false,
      released: false,
    };
  });
  const { instanceId } = record;

  if (created) {
    ctx.log(`newInstance ${orderId}/${orderLineId}: created ${instanceId} (${line.chargingMode}${plan.async ? ', async' : ''})`);
    if (plan.async) {
      ctx.schedule(() => {
        if (ctx.instances.get(instanceId)?.released === true) return;
        ctx.instances.update(instanceId, { appInfo: createAppInfo(instanceId, ctx.options.appBaseUrl) });
        ctx.log(`newInstance ${instanceId}: background provisioning finished`);
      }, plan.provisionDelayMs);
    }
    if (plan.responseDelayMs > 0) await ctx.sleep(plan.responseDelayMs);
  } else {
    ctx.log(`newInstance ${orderId}/${orderLineId}: re-send, returning existing ${instanceId}`);
  }

  const provisioned = ctx.instances.get(instanceId)?.appInfo !== undefined;
  return provisioned
    ? success({ instanceId })
    : reply(RESULT.PROCESSING, 'instance is being provisioned; query it with queryInstance', { instanceId });
};
