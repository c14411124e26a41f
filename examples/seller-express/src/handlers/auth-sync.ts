import type { Handler } from '../context.js';
import type { KitUser } from '../kit-store.js';
import { readInteger, requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';
import { isJsonObject } from '../signing-payload.js';

const MAX_USERS = 1000;

/**
 * authSync (用户授权同步, open-api.md §4.4): flag 1 add, 2 modify, 0 delete, 3 revoke. A user is
 * identified by tenantId + appId + userName; deleting or revoking a missing user succeeds.
 */
export const authSync: Handler = async (body, ctx) => {
  const ids = requireStrings(body, { tenantId: 64, appId: 64 });
  if (!ids.ok) return invalidParam(ids.detail);
  const flag = readInteger(body, 'flag', [0, 1, 2, 3]);
  if (!flag.ok) return invalidParam(flag.detail);
  const list = body['userList'];
  if (!Array.isArray(list) || list.length > MAX_USERS) return invalidParam(`userList: expected an array of at most ${MAX_USERS} users`);
  const { tenantId, appId } = ids.value;
  const removing = flag.value === 0 || flag.value === 3;

  // Check every user before changing anything, so a bad entry leaves the store untouched.
  const users: KitUser[] = [];
  for (const [i, entry] of list.entries()) {
    if (!isJsonObject(entry)) return invalidParam(`userList[${i}]: expected an object`);
    const id = requireStrings(entry, { userName: 64 });
    if (!id.ok) return invalidParam(`userList[${i}].${id.detail}`);
    const details = removing
      ? { ok: true as const, value: { name: '', orgCode: '', role: '', enable: '' } }
      : requireStrings(entry, { name: 64, orgCode: 64, role: 16, enable: 8 });
    if (!details.ok) return invalidParam(`userList[${i}].${details.detail}`);
    users.push({ tenantId, appId, userName: id.value.userName, ...details.value });
  }
  for (const user of users) {
    const key = ctx.kit.userKey(tenantId, appId, user.userName);
    if (removing) ctx.kit.users.delete(key);
    else ctx.kit.users.set(key, user);
  }
  ctx.log(`authSync ${tenantId}/${appId}: flag ${flag.value}, ${users.length} user(s)`);
  return success();
};
