import type { FieldSpec } from './field-spec.js';
import type { V2Activity } from './types.js';

const str = (name: string, required = true, values?: readonly string[]): FieldSpec =>
  values === undefined ? { name, required, kind: 'string' } : { name, required, kind: 'string', values };

export const REFRESH_SCENES = ['TRIAL_TO_FORMAL', 'RENEWAL', 'UNSUBSCRIBE_RENEWAL_PERIOD', 'RENEWAL_CHANGE'] as const;

/**
 * `changeInstanceCheck.productInfo` members, in the fixed order koomock sends them
 * (produce-api.md §3.7; nested objects are not sorted, docs/fidelity.md#d2).
 */
export const PRODUCT_INFO_ORDER: readonly FieldSpec[] = [
  str('productId'),
  str('skuCode'),
  { name: 'linearValue', required: false, kind: 'int' },
  str('productName'),
];

/**
 * The fields a caller supplies per V2 activity (produce-api.md §3). `activity`, `businessId`
 * (fresh per attempt, docs/fidelity.md#d15) and `testFlag` (docs/fidelity.md#d6) are added by the builder.
 */
export const V2_FIELDS: Readonly<Record<V2Activity, readonly FieldSpec[]>> = {
  newInstance: [str('orderId'), str('orderLineId')],
  queryInstance: [{ name: 'instanceId', required: true, kind: 'idList' }],
  refreshInstance: [
    str('scene', true, REFRESH_SCENES),
    str('orderId'),
    str('orderLineId'),
    str('instanceId'),
    str('productId', false),
    { name: 'expireTime', required: true, kind: 'time' },
  ],
  updateInstanceStatus: [str('instanceId'), str('status', true, ['FREEZE', 'UNFREEZE'])],
  releaseInstance: [str('instanceId'), str('orderId', false), str('orderLineId', false)],
  upgradeInstance: [str('instanceId'), str('orderId'), str('orderLineId')],
  changeInstanceCheck: [str('instanceId'), { name: 'productInfo', required: true, kind: 'object', members: PRODUCT_INFO_ORDER }],
  orderNotify: [str('orderId'), str('orderLineId')],
};

/** V2 activities whose body carries a fresh `businessId` on every attempt. */
export const V2_WITH_BUSINESS_ID: ReadonlySet<string> = new Set(['newInstance']);
