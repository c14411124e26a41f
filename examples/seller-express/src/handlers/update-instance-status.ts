import type { Handler } from '../context.js';
import { requireStrings } from '../params.js';
import { instanceNotFound, invalidParam, success } from '../result-codes.js';

/**
 * updateInstanceStatus (更新实例状态, produce-api.md §3.4): FREEZE when the instance expires or
 * breaks the rules (keep the data: renewal within the freeze period unfreezes it), UNFREEZE after.
 * Freezing a frozen instance succeeds.
 */
export const updateInstanceStatus: Handler = async (body, ctx) => {
  const p = requireStrings(body, { instanceId: 64, status: 32 });
  if (!p.ok) return invalidParam(p.detail);
  const { instanceId, status } = p.value;
  if (status !== 'FREEZE' && status !== 'UNFREEZE') return invalidParam('status: expected FREEZE or UNFREEZE');
  const record = ctx.instances.get(instanceId);
  if (record === undefined || record.released) return instanceNotFound(instanceId);
  ctx.instances.update(instanceId, { frozen: status === 'FREEZE' });
  ctx.log(`updateInstanceStatus ${instanceId}: ${status}`);
  return success();
};
