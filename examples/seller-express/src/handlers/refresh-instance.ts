import type { Handler } from '../context.js';
import { optionalString, requireStrings } from '../params.js';
import { instanceNotFound, invalidParam, success } from '../result-codes.js';

const SCENES = ['TRIAL_TO_FORMAL', 'RENEWAL', 'UNSUBSCRIBE_RENEWAL_PERIOD', 'RENEWAL_CHANGE'];

/**
 * refreshInstance (更新实例, produce-api.md §3.3): trial to paid, renewal, renewal cancelled, renewal
 * with a change. `expireTime` is documented as 14 digits (yyyyMMddHHmmss, UTC) but the doc example
 * has 17 (with milliseconds); both are accepted. Repeating the call just succeeds again.
 */
export const refreshInstance: Handler = async (body, ctx) => {
  const p = requireStrings(body, { instanceId: 64, orderId: 64, orderLineId: 64, scene: 64, expireTime: 20 });
  if (!p.ok) return invalidParam(p.detail);
  const productId = optionalString(body, 'productId', 64);
  if (!productId.ok) return invalidParam(productId.detail);
  const { instanceId, scene, expireTime } = p.value;
  if (!SCENES.includes(scene)) return invalidParam(`scene: expected one of ${SCENES.join(', ')}`);
  if (!/^\d{14}(\d{3})?$/.test(expireTime)) {
    return invalidParam('expireTime: expected yyyyMMddHHmmss (14 digits) or yyyyMMddHHmmssSSS (17 digits)');
  }

  const record = ctx.instances.get(instanceId);
  if (record === undefined || record.released) return instanceNotFound(instanceId);
  ctx.instances.update(instanceId, {
    expireTime: expireTime.slice(0, 14),
    ...(productId.value === undefined ? {} : { productId: productId.value }),
  });
  ctx.log(`refreshInstance ${instanceId}: ${scene}, expires ${expireTime.slice(0, 14)}`);
  return success();
};
