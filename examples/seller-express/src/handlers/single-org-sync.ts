import type { Handler } from '../context.js';
import { optionalString, readInteger, requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';

/** singleOrgSync (部门增量同步, open-api.md §4.5): one department; flag 1 add, 2 modify, 0 delete. */
export const singleOrgSync: Handler = async (body, ctx) => {
  const ids = requireStrings(body, { tenantId: 64, orgCode: 64 });
  if (!ids.ok) return invalidParam(ids.detail);
  const flag = readInteger(body, 'flag', [0, 1, 2]);
  if (!flag.ok) return invalidParam(flag.detail);
  const { tenantId, orgCode } = ids.value;
  const key = ctx.kit.orgKey(tenantId, orgCode);

  if (flag.value === 0) {
    ctx.kit.orgs.delete(key);
    return success();
  }
  const name = requireStrings(body, { orgName: 128 });
  if (!name.ok) return invalidParam(name.detail);
  const parent = optionalString(body, 'parentCode', 64);
  if (!parent.ok) return invalidParam(parent.detail);
  ctx.kit.orgs.set(key, { tenantId, orgCode, orgName: name.value.orgName, parentCode: parent.value ?? '' });
  ctx.log(`singleOrgSync ${tenantId}/${orgCode}: flag ${flag.value}`);
  return success();
};
