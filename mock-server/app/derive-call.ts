/**
 * Fields the platform would fill from what it already knows, so one call needs only `--order` /
 * `--instance` plus what only the sender can say: the order line and its productInfo, a renewal's
 * scene and expireTime, the order of an instance for kit calls, a V1 call's buyer, product and
 * period. Given fields always win.
 */
import { usageError } from '../core/errors.js';
import type { CatalogProduct } from '../core/market/catalog.js';
import type { InstanceRecord } from '../core/market/instance.js';
import type { Order, OrderLine } from '../core/market/order.js';
import { toV1OrderFields } from '../core/produce/v1-order-fields.js';
import { fieldSpecsOf } from '../core/scenario/load/activities.js';
import { exampleOf, missingFields } from '../core/scenario/load/send-input.js';
import { getsFreshOrder, type SingleCallInput } from '../core/scenario/load/single-call.js';
import type { MarketLookup } from './backend.js';

const SCENE_OF_ORDER_TYPE: Readonly<Record<string, string>> = { TRIAL_TO_FORMAL: 'TRIAL_TO_FORMAL', RENEW: 'RENEWAL', CHANGE: 'RENEWAL_CHANGE' };

const productInfoOf = (p: { productId: string; skuCode: string; productName: string; linearValue?: number }) => ({
  productId: p.productId,
  skuCode: p.skuCode,
  ...(p.linearValue === undefined ? {} : { linearValue: p.linearValue }),
  productName: p.productName,
});

function lineOf(order: Order, lineId: unknown): OrderLine | undefined {
  const lines = order.orderInfo.orderLine;
  return lines.find((l) => l.orderLineId === lineId) ?? lines[0];
}

/** What an order gives a call: its line, the renewal's scene and expiry, the product to check. */
function fromOrder(activity: string, names: ReadonlySet<string>, order: Order, given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const line = lineOf(order, given['orderLineId']);
  if (line === undefined) return {};
  const product = line.productInfo[0];
  return {
    ...(names.has('orderLineId') ? { orderLineId: line.orderLineId } : {}),
    ...(activity === 'refreshInstance' ? { scene: SCENE_OF_ORDER_TYPE[order.orderInfo.orderType] ?? 'RENEWAL' } : {}),
    ...(names.has('expireTime') && line.expireTime !== undefined ? { expireTime: line.expireTime } : {}),
    ...(names.has('productInfo') && product !== undefined ? { productInfo: productInfoOf(product) } : {}),
    ...(activity === 'refreshInstance' && product !== undefined ? { productId: product.productId } : {}),
  };
}

/** What an instance gives a call: its order (kit calls carry it), its product for a change check. */
function fromInstance(activity: string, names: ReadonlySet<string>, instance: InstanceRecord, catalog: readonly CatalogProduct[]): Record<string, unknown> {
  const product = catalog.find((p) => p.productId === instance.productId);
  return {
    ...(names.has('orderId') && activity !== 'refreshInstance' && activity !== 'upgradeInstance' ? { orderId: instance.orderId } : {}),
    ...(names.has('productInfo') && product !== undefined ? { productInfo: productInfoOf({ ...product, ...(product.linear === undefined ? {} : { linearValue: product.linear.default }) }) } : {}),
  };
}

/**
 * The input with derived fields added under the given ones.
 * @example
 *   await deriveCall({ activity: 'changeInstanceCheck', instance: 'i-1', order: 'CS1' }, lookup, catalog);
 *   // fields.productInfo from the order line of CS1
 */
export async function deriveCall(input: SingleCallInput, lookup: MarketLookup, catalog: readonly CatalogProduct[]): Promise<SingleCallInput> {
  const names = new Set((fieldSpecsOf(input.activity, input.generation ?? 'v2') ?? []).map((s) => s.name));
  const given = input.fields ?? {};
  const order = input.order === undefined ? undefined : await lookup.order(input.order);
  const instance = input.instance === undefined ? undefined : await lookup.instance(input.instance);
  const derived = {
    ...(instance === undefined ? {} : fromInstance(input.activity, names, instance, catalog)),
    // A V1 call carries its order in the query string (docs/v1.md).
    ...(order === undefined ? {} : input.generation === 'v1' ? toV1OrderFields(input.activity, order) : fromOrder(input.activity, names, order, given)),
  };
  return Object.keys(derived).length === 0 ? input : { ...input, fields: { ...derived, ...given } };
}

/** How a missing field is given on the command line. */
function cliTerm(activity: string, path: string): string {
  if (path === 'instanceId') return '--instance <instanceId>';
  if (path === 'orderId' || path === 'orderLineId') return `--order <orderId> (${path})`;
  return `--set ${path}=${exampleOf(activity, path)}`;
}

/**
 * Throws one usage error naming every required field neither given nor derivable, in CLI terms
 * (`cli`) or as field names of `POST /_koomock/send` (`api`). Fields a fresh order fills
 * (`orderId` of newInstance without --order) do not count as missing.
 * @example checkComplete({ activity: 'updateInstanceStatus' }, 'cli'); // throws: … --instance <instanceId>, --set status=FREEZE|UNFREEZE
 */
export function checkComplete(input: SingleCallInput, terms: 'cli' | 'api'): void {
  const fields = { ...input.fields };
  if (input.instance !== undefined) fields['instanceId'] ??= input.instance;
  if (input.order !== undefined || getsFreshOrder(input.activity, input.generation)) {
    fields['orderId'] ??= input.order ?? 'fresh';
    fields['orderLineId'] ??= 'derived';
    if (input.activity === 'refreshInstance') fields['expireTime'] ??= 'derived';
  }
  if (input.activity === 'refreshInstance') fields['scene'] ??= 'RENEWAL';
  const missing = missingFields(input.activity, fields, input.overrides ?? {}, input.generation ?? 'v2');
  if (missing.length === 0) return;
  const list = terms === 'cli' ? missing.map((p) => cliTerm(input.activity, p)) : missing;
  throw usageError(`${input.activity} needs ${missing.length === 1 ? 'one more field' : `${missing.length} more fields`}: ${list.join(', ')}`, { missing });
}
