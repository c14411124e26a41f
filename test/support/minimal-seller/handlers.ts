/**
 * The V2 activities (koomock docs/scenarios.md and the interface pages it cites): each takes the
 * verified body and answers `{ resultCode, resultMsg, … }`. Details of an order come from the order
 * query; newInstance is idempotent on orderId + orderLineId (on-demand: orderId + productId).
 */
import { randomUUID } from 'node:crypto';
import { type OrderResult, queryOrder } from './apig.js';
import type { Instance, Store } from './store.js';

export type Answer = Record<string, unknown> & { resultCode: string; resultMsg: string };

/** One defect per rule of koomock's answer checks, for tests that prove the check catches it. */
export type MinimalSellerDefect =
  | 'no-result-msg'
  | 'first-id-only'
  | 'accept-every-change'
  | 'wrong-body-sign'
  | 'raw-memo'
  | 'expire-14-only'
  | 'async-without-appinfo'
  | 'sold-out';

export interface SellerContext {
  readonly store: Store;
  readonly orderHosts: readonly string[];
  readonly creds: { readonly ak: string; readonly sk: string };
  /** Provision in the background and answer newInstance 000004. */
  readonly async: boolean;
  readonly defect: MinimalSellerDefect | undefined;
}

const ok = (extra: Record<string, unknown> = {}): Answer => ({ resultCode: '000000', resultMsg: 'success', ...extra });
const invalid = (what: string): Answer => ({ resultCode: '000002', resultMsg: `invalid parameter: ${what}` });
const unknown = (id: string): Answer => ({ resultCode: '000003', resultMsg: `instance ${id.slice(0, 64)} does not exist` });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const MAX_USERS = 1_000_000;

function appInfoFor(instanceId: string): NonNullable<Instance['appInfo']> {
  return { frontEndUrl: `https://minimal.example/${instanceId}`, userName: 'admin', password: randomUUID().slice(0, 12), memo: '开通成功' };
}

async function fetchOrder(ctx: SellerContext, orderId: string, orderLineId: string): Promise<OrderResult> {
  return queryOrder(ctx.orderHosts, orderId, orderLineId, ctx.creds);
}

async function newInstance(body: Record<string, unknown>, ctx: SellerContext): Promise<Answer> {
  const orderId = str(body['orderId']);
  const orderLineId = str(body['orderLineId']);
  const businessId = str(body['businessId']);
  if (orderId === undefined || orderLineId === undefined || businessId === undefined) return invalid('orderId, orderLineId and businessId are required');
  if (ctx.defect === 'sold-out') return { resultCode: '000106', resultMsg: 'sold out' };
  const known = ctx.store.byKey.get(`${orderId}|${orderLineId}`);
  if (known !== undefined) return answerFor(ctx, ctx.store.byId.get(known) as Instance);
  const fetched = await fetchOrder(ctx, orderId, orderLineId);
  if (!fetched.ok) return { resultCode: '000005', resultMsg: fetched.detail.slice(0, 200) };
  const line = fetched.order.orderLine.find((l) => l.orderLineId === orderLineId);
  if (line === undefined) return invalid(`order ${orderId} has no line ${orderLineId}`);
  const product = line.productInfo?.[0];
  // On-demand billing items of one order share the orderId: one instance per productId.
  const key = line.chargingMode === 'ON_DEMAND' ? `${orderId}|product ${product?.productId ?? ''}` : `${orderId}|${orderLineId}`;
  const { instance } = ctx.store.findOrCreate(key, () => ({
    instanceId: ctx.store.byId.has(businessId) ? randomUUID() : businessId,
    orderId,
    orderLineId,
    onDemand: line.chargingMode === 'ON_DEMAND',
    ...(product?.linearValue === undefined ? {} : { linearValue: product.linearValue }),
    ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }),
    frozen: false,
    released: false,
  }));
  ctx.store.byKey.set(`${orderId}|${orderLineId}`, instance.instanceId);
  const provision = (): void => {
    instance.appInfo = appInfoFor(instance.instanceId);
  };
  if (ctx.async) setTimeout(provision, 30);
  else provision();
  return answerFor(ctx, instance);
}

const answerFor = (ctx: SellerContext, instance: Instance): Answer =>
  instance.appInfo === undefined && ctx.async
    ? { resultCode: '000004', resultMsg: 'provisioning', instanceId: instance.instanceId }
    : ok({ instanceId: instance.instanceId });

function queryInstance(body: Record<string, unknown>, ctx: SellerContext): Answer {
  const ids = (str(body['instanceId']) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0 || ids.length > 100) return invalid('instanceId: 1 to 100 comma-separated ids');
  const asked = ctx.defect === 'first-id-only' ? ids.slice(0, 1) : ids;
  const info = asked.flatMap((id) => {
    const instance = ctx.store.live(id);
    if (instance === undefined) return [];
    if (instance.appInfo === undefined) return ctx.defect === 'async-without-appinfo' ? [{ instanceId: id }] : [];
    return ctx.defect === 'async-without-appinfo' ? [{ instanceId: id }] : [{ instanceId: id, appInfo: instance.appInfo }];
  });
  return ok({ info });
}

function refreshInstance(body: Record<string, unknown>, ctx: SellerContext): Answer {
  const instanceId = str(body['instanceId']);
  const expireTime = str(body['expireTime']);
  const scenes = ['TRIAL_TO_FORMAL', 'RENEWAL', 'UNSUBSCRIBE_RENEWAL_PERIOD', 'RENEWAL_CHANGE'];
  if (instanceId === undefined || !scenes.includes(str(body['scene']) ?? '')) return invalid('instanceId and a known scene are required');
  const digits = ctx.defect === 'expire-14-only' ? /^\d{14}$/ : /^\d{14}(\d{3})?$/;
  if (expireTime === undefined || !digits.test(expireTime)) return invalid('expireTime: yyyyMMddHHmmss[SSS]');
  const instance = ctx.store.live(instanceId);
  if (instance === undefined) return unknown(instanceId);
  instance.expireTime = expireTime.slice(0, 14);
  return ok();
}

function updateInstanceStatus(body: Record<string, unknown>, ctx: SellerContext): Answer {
  const instanceId = str(body['instanceId']) ?? '';
  const status = str(body['status']);
  if (status !== 'FREEZE' && status !== 'UNFREEZE') return invalid('status: FREEZE or UNFREEZE');
  const instance = ctx.store.live(instanceId);
  if (instance === undefined) return unknown(instanceId);
  instance.frozen = status === 'FREEZE';
  return ok();
}

function releaseInstance(body: Record<string, unknown>, ctx: SellerContext): Answer {
  const instanceId = str(body['instanceId']) ?? '';
  const instance = ctx.store.byId.get(instanceId);
  if (instance === undefined) return unknown(instanceId);
  // Releasing again succeeds: the marketplace re-sends and replays.
  instance.released = true;
  return ok();
}

async function upgradeInstance(body: Record<string, unknown>, ctx: SellerContext): Promise<Answer> {
  const instanceId = str(body['instanceId']) ?? '';
  const orderId = str(body['orderId']);
  const orderLineId = str(body['orderLineId']);
  if (orderId === undefined || orderLineId === undefined) return invalid('orderId and orderLineId are required');
  const instance = ctx.store.live(instanceId);
  if (instance === undefined) return unknown(instanceId);
  const fetched = await fetchOrder(ctx, orderId, orderLineId);
  return fetched.ok ? ok() : { resultCode: '000005', resultMsg: fetched.detail.slice(0, 200) };
}

function changeInstanceCheck(body: Record<string, unknown>, ctx: SellerContext): Answer {
  const instanceId = str(body['instanceId']) ?? '';
  const info = body['productInfo'];
  if (typeof info !== 'object' || info === null) return invalid('productInfo is required');
  if (ctx.store.live(instanceId) === undefined) return unknown(instanceId);
  const users = (info as Record<string, unknown>)['linearValue'];
  if (ctx.defect !== 'accept-every-change' && typeof users === 'number' && users > MAX_USERS) return invalid(`at most ${MAX_USERS} users, asked ${users}`);
  return ok();
}

async function orderNotify(body: Record<string, unknown>, ctx: SellerContext): Promise<Answer> {
  const orderId = str(body['orderId']);
  const orderLineId = str(body['orderLineId']);
  if (orderId === undefined || orderLineId === undefined) return invalid('orderId and orderLineId are required');
  if (ctx.store.notified.has(`${orderId}|${orderLineId}`)) return ok();
  const fetched = await fetchOrder(ctx, orderId, orderLineId);
  if (!fetched.ok) return { resultCode: '000005', resultMsg: fetched.detail.slice(0, 200) };
  ctx.store.notified.add(`${orderId}|${orderLineId}`);
  return ok();
}

/** The answer of one verified call. */
export async function handle(activity: string, body: Record<string, unknown>, ctx: SellerContext): Promise<Answer> {
  switch (activity) {
    case 'newInstance':
      return newInstance(body, ctx);
    case 'queryInstance':
      return queryInstance(body, ctx);
    case 'refreshInstance':
      return refreshInstance(body, ctx);
    case 'updateInstanceStatus':
      return updateInstanceStatus(body, ctx);
    case 'releaseInstance':
      return releaseInstance(body, ctx);
    case 'upgradeInstance':
      return upgradeInstance(body, ctx);
    case 'changeInstanceCheck':
      return changeInstanceCheck(body, ctx);
    case 'orderNotify':
      return orderNotify(body, ctx);
    default:
      return invalid(`unknown activity ${activity.slice(0, 40)}`);
  }
}
