import type { Handler } from '../context.js';
import { optionalString, readInteger, requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';

/**
 * tenantSync (企业同步, open-api.md §4.2). flag 1 add, 2 modify (name, domainName), 0 delete.
 * Adding twice or deleting a missing tenant succeeds. Debug calls send an empty instanceId/orderId.
 */
export const tenantSync: Handler = async (body, ctx) => {
  const ids = requireStrings(body, { tenantId: 64 });
  if (!ids.ok) return invalidParam(ids.detail);
  const flag = readInteger(body, 'flag', [0, 1, 2]);
  if (!flag.ok) return invalidParam(flag.detail);
  const instanceId = optionalString(body, 'instanceId', 64);
  if (!instanceId.ok) return invalidParam(instanceId.detail);
  const { tenantId } = ids.value;

  if (flag.value === 0) {
    ctx.kit.tenants.delete(tenantId);
    ctx.log(`tenantSync ${tenantId}: deleted`);
    return success();
  }
  const p = requireStrings(body, { tenantCode: 64, name: 256, domainName: 512 });
  if (!p.ok) return invalidParam(p.detail);
  ctx.kit.tenants.set(tenantId, { tenantId, ...p.value, instanceId: instanceId.value ?? '' });
  ctx.log(`tenantSync ${tenantId}: ${flag.value === 1 ? 'added' : 'modified'}`);
  return success();
};
