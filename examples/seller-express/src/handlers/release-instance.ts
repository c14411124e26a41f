import type { Handler } from '../context.js';
import { optionalString, requireStrings } from '../params.js';
import { instanceNotFound, invalidParam, success } from '../result-codes.js';

/**
 * releaseInstance (释放实例, produce-api.md §3.5): delete the buyer's resources. The record stays as
 * a tombstone, so releasing again succeeds (the call is retried and replayed by dial tests).
 */
export const releaseInstance: Handler = async (body, ctx) => {
  const p = requireStrings(body, { instanceId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  for (const name of ['orderId', 'orderLineId']) {
    const o = optionalString(body, name, 64);
    if (!o.ok) return invalidParam(o.detail);
  }
  const { instanceId } = p.value;
  const record = ctx.instances.get(instanceId);
  if (record === undefined) return instanceNotFound(instanceId);
  if (!record.released) {
    ctx.instances.update(instanceId, { released: true, appInfo: undefined });
    ctx.log(`releaseInstance ${instanceId}: released`);
  }
  return success();
};
