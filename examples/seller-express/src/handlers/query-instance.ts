import type { Handler } from '../context.js';
import { requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';

const MAX_IDS = 100;

/**
 * queryInstance (查询实例信息, produce-api.md §3.2). Polled after a 000004 answer until `appInfo`
 * appears, and called whenever the buyer opens the resource page. Instances still provisioning are
 * left out (the marketplace stops polling at the first answer that lists the instance), and so are
 * unknown and released ids.
 */
export const queryInstance: Handler = async (body, ctx) => {
  const p = requireStrings(body, { instanceId: 100 * 65 });
  if (!p.ok) return invalidParam(p.detail);
  const ids = [...new Set(p.value.instanceId.split(',').map((id) => id.trim()).filter((id) => id.length > 0))];
  if (ids.length === 0) return invalidParam('instanceId: expected one or more comma-separated ids, received none');
  if (ids.length > MAX_IDS) return invalidParam(`instanceId: expected at most ${MAX_IDS} ids, received ${ids.length}`);

  const info = ids.flatMap((id) => {
    const record = ctx.instances.get(id);
    if (record === undefined || record.released || record.appInfo === undefined) return [];
    return [{ instanceId: id, appInfo: record.appInfo }];
  });
  return success({ info });
};
