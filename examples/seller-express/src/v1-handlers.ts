import type { SellerContext } from './context.js';
import type { AppInfo } from './instances.js';
import { requireStrings } from './params.js';
import { createAppInfo } from './provisioning.js';
import { instanceNotFound, invalidParam, type ProduceResponse, reply, RESULT, success } from './result-codes.js';
import { decryptEitherType, type EncryptType, encryptV1 } from './v1-aes.js';

/**
 * The seven V1 activities (SaaS Access Guide V1.0). Every value arrives in the query string, already
 * verified and URL-decoded; there is no order query in V1: the call itself carries the order.
 */
export type V1Handler = (params: Readonly<Record<string, string>>, ctx: SellerContext) => ProduceResponse;

/** V1 answers carry userName/password encrypted with the V1 Key, and say how (`encryptType`). */
function toV1AppInfo(appInfo: AppInfo, key: string, encryptType: EncryptType): Record<string, string> {
  return {
    frontEndUrl: appInfo.frontEndUrl,
    ...(appInfo.adminUrl === undefined ? {} : { adminUrl: appInfo.adminUrl }),
    ...(appInfo.userName === undefined ? {} : { userName: encryptV1(key, encryptType, appInfo.userName) }),
    ...(appInfo.password === undefined ? {} : { password: encryptV1(key, encryptType, appInfo.password) }),
    ...(appInfo.memo === undefined ? {} : { memo: appInfo.memo }),
  };
}

/** Decrypts `mobilePhone` / `email` when sent; a value that does not decrypt is refused, never used as plain text. */
function readContact(params: Readonly<Record<string, string>>, key: string): { ok: true; encryptType?: EncryptType; mobilePhone?: string; email?: string } | { ok: false; answer: ProduceResponse } {
  let encryptType: EncryptType | undefined;
  const out: { mobilePhone?: string; email?: string } = {};
  for (const name of ['mobilePhone', 'email'] as const) {
    const value = params[name];
    if (value === undefined || value === '') continue;
    const plain = decryptEitherType(key, value);
    if (plain === undefined) return { ok: false, answer: invalidParam(`${name}: could not decrypt it with the V1 Key (AES-256 or AES-128, IV + Base64)`) };
    encryptType ??= plain.encryptType;
    out[name] = plain.plaintext;
  }
  if (out.mobilePhone !== undefined && !/^\+?[0-9][0-9 -]{4,19}$/.test(out.mobilePhone)) return { ok: false, answer: reply(RESULT.MOBILE_INVALID, 'mobilePhone: not a phone number') };
  if (out.email !== undefined && !/^[^@\s]{1,64}@[^@\s]{1,255}$/.test(out.email)) return { ok: false, answer: reply(RESULT.EMAIL_INVALID, 'email: not an e-mail address') };
  return { ok: true, ...(encryptType === undefined ? {} : { encryptType }), ...out };
}

/** newInstance: idempotent by orderId (a re-send carries a new businessId and gets the first instance). */
const newInstance: V1Handler = (params, ctx) => {
  const p = requireStrings(params, { orderId: 64, businessId: 64, customerId: 100, productId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  const { orderId, businessId, productId } = p.value;
  const key = ctx.options.keys.v1;
  const contact = readContact(params, key);
  if (!contact.ok) return contact.answer;
  const { record, created } = ctx.instances.findOrCreate(`v1|${orderId}`, () => ({
    instanceId: ctx.instances.get(businessId) === undefined ? businessId : `${businessId}-${orderId}`.slice(0, 64),
    orderId,
    orderLineId: orderId,
    chargingMode: params['chargingMode'] === '3' ? 'ONE_TIME' : 'PERIOD',
    productId,
    ...(params['skuCode'] === undefined ? {} : { skuCode: params['skuCode'] }),
    ...(params['expireTime'] === undefined ? {} : { expireTime: params['expireTime'] }),
    appInfo: createAppInfo(businessId, ctx.options.appBaseUrl),
    frozen: false,
    released: false,
  }));
  ctx.log(`V1 newInstance ${orderId}: ${created ? 'created' : 're-send, returning'} ${record.instanceId}`);
  const encryptType = contact.encryptType ?? ctx.options.v1EncryptType;
  const appInfo = record.appInfo === undefined ? {} : { appInfo: toV1AppInfo(record.appInfo, key, encryptType) };
  return success({ encryptType, instanceId: record.instanceId, ...appInfo });
};

/** The live instance a call names, or the 000003 answer. */
function findLive(params: Readonly<Record<string, string>>, ctx: SellerContext, also: Record<string, number>): { ok: true; instanceId: string } | { ok: false; answer: ProduceResponse } {
  const p = requireStrings(params, { instanceId: 64, ...also });
  if (!p.ok) return { ok: false, answer: invalidParam(p.detail) };
  const record = ctx.instances.get(p.value.instanceId);
  if (record === undefined || record.released) return { ok: false, answer: instanceNotFound(p.value.instanceId) };
  return { ok: true, instanceId: record.instanceId };
}

/** refreshInstance: a renewal (or trial to paid with trialToFormal=1) moves the expiry and lifts a freeze. */
const refreshInstance: V1Handler = (params, ctx) => {
  const live = findLive(params, ctx, { orderId: 64, expireTime: 14 });
  if (!live.ok) return live.answer;
  if (!/^\d{14}$/.test(params['expireTime'] ?? '')) return invalidParam('expireTime: expected yyyyMMddHHmmss');
  ctx.instances.update(live.instanceId, { expireTime: params['expireTime'], frozen: false });
  return success();
};

/** expireInstance: the period ended; freeze (keep the data), expiring again succeeds. */
const expireInstance: V1Handler = (params, ctx) => {
  const live = findLive(params, ctx, { orderId: 64 });
  if (!live.ok) return live.answer;
  ctx.instances.update(live.instanceId, { frozen: true });
  return success();
};

/** releaseInstance: delete the buyer's resources; the tombstone makes a repeated release succeed. */
const releaseInstance: V1Handler = (params, ctx) => {
  const p = requireStrings(params, { instanceId: 64, orderId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  const record = ctx.instances.get(p.value.instanceId);
  if (record === undefined) return instanceNotFound(p.value.instanceId);
  if (!record.released) ctx.instances.update(record.instanceId, { released: true, appInfo: undefined });
  return success();
};

/** upgrade: the instance now runs the target SKU (and quantity, when sent). */
const upgrade: V1Handler = (params, ctx) => {
  const live = findLive(params, ctx, { orderId: 64, skuCode: 64, productId: 64 });
  if (!live.ok) return live.answer;
  const amount = params['amount'];
  ctx.instances.update(live.instanceId, { skuCode: params['skuCode'], productId: params['productId'], ...(amount !== undefined && /^\d{1,9}$/.test(amount) ? { linearValue: Number(amount) } : {}) });
  return success();
};

/** instanceStatus (on-demand products): FREEZE or NORMAL. */
const instanceStatus: V1Handler = (params, ctx) => {
  const live = findLive(params, ctx, { instanceStatus: 16 });
  if (!live.ok) return live.answer;
  const status = params['instanceStatus'];
  if (status !== 'FREEZE' && status !== 'NORMAL') return invalidParam('instanceStatus: expected FREEZE or NORMAL');
  ctx.instances.update(live.instanceId, { frozen: status === 'FREEZE' });
  return success();
};

/** queryInstance: every live instance of the comma list, appInfo encrypted as in newInstance. */
const queryInstance: V1Handler = (params, ctx) => {
  const p = requireStrings(params, { instanceId: 100 * 65 });
  if (!p.ok) return invalidParam(p.detail);
  const ids = [...new Set(p.value.instanceId.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
  if (ids.length === 0 || ids.length > 100) return invalidParam(`instanceId: expected 1 to 100 comma-separated ids, received ${ids.length}`);
  const { v1: key } = ctx.options.keys;
  const encryptType = ctx.options.v1EncryptType;
  const info = ids.flatMap((id) => {
    const record = ctx.instances.get(id);
    if (record === undefined || record.released || record.appInfo === undefined) return [];
    return [{ instanceId: id, appInfo: toV1AppInfo(record.appInfo, key, encryptType) }];
  });
  return success({ encryptType, info });
};

export const V1_ACTIVITIES: Readonly<Record<string, V1Handler>> = { newInstance, refreshInstance, expireInstance, releaseInstance, upgrade, instanceStatus, queryInstance };
