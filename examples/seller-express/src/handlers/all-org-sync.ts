import type { Handler } from '../context.js';
import type { Org } from '../kit-store.js';
import { optionalString, requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';
import { isJsonObject } from '../signing-payload.js';

const MAX_ORGS = 10_000;

/**
 * allOrgSync (部门全量同步, open-api.md §4.5): the whole department tree of a tenant replaces the
 * one stored. The doc example also carries `flag` and a string `testFlag`; neither is needed here.
 */
export const allOrgSync: Handler = async (body, ctx) => {
  const ids = requireStrings(body, { tenantId: 64 });
  if (!ids.ok) return invalidParam(ids.detail);
  const list = body['orgInfoList'];
  if (!Array.isArray(list) || list.length > MAX_ORGS) return invalidParam(`orgInfoList: expected an array of at most ${MAX_ORGS} departments`);
  const { tenantId } = ids.value;

  const orgs: Org[] = [];
  for (const [i, entry] of list.entries()) {
    if (!isJsonObject(entry)) return invalidParam(`orgInfoList[${i}]: expected an object`);
    const p = requireStrings(entry, { orgCode: 64, orgName: 128 });
    if (!p.ok) return invalidParam(`orgInfoList[${i}].${p.detail}`);
    const parent = optionalString(entry, 'parentCode', 64);
    if (!parent.ok) return invalidParam(`orgInfoList[${i}].${parent.detail}`);
    orgs.push({ tenantId, ...p.value, parentCode: parent.value ?? '' });
  }
  for (const [key, org] of ctx.kit.orgs) if (org.tenantId === tenantId) ctx.kit.orgs.delete(key);
  for (const org of orgs) ctx.kit.orgs.set(ctx.kit.orgKey(tenantId, org.orgCode), org);
  ctx.log(`allOrgSync ${tenantId}: ${orgs.length} department(s)`);
  return success();
};
