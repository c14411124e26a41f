import type { FieldSpec } from './field-spec.js';
import type { V1Activity } from './types.js';

const str = (name: string, required = true, values?: readonly string[]): FieldSpec =>
  values === undefined ? { name, required, kind: 'string' } : { name, required, kind: 'string', values };
const time = (name: string, required: boolean): FieldSpec => ({ name, required, kind: 'time' });

/**
 * The query parameters a caller supplies per V1 activity (produce-api.md §4). `activity`,
 * `businessId` (newInstance, fresh per attempt), `testFlag`, `timeStamp` and `authToken` are added
 * by the builder and the signing step. `mobilePhone`/`email` are given in plain text and sent
 * AES-encrypted with the V1 Key (build-v1.ts, docs/v1.md).
 */
export const V1_FIELDS: Readonly<Record<V1Activity, readonly FieldSpec[]>> = {
  newInstance: [
    str('customerId'),
    str('customerName', false),
    str('userId', false),
    str('userName', false),
    str('mobilePhone', false),
    str('email', false),
    str('orderId'),
    str('skuCode', false),
    str('productId'),
    str('trialFlag', false, ['0', '1']),
    time('expireTime', false),
    str('chargingMode', false),
    str('periodType', false),
    str('periodNumber', false),
    str('orderAmount', false),
    str('provisionType', false),
    str('saasExtendParams', false),
    str('amount', false),
    str('diskSize', false),
    str('bandWidth', false),
  ],
  refreshInstance: [
    str('orderId'),
    str('instanceId'),
    str('productId', false),
    time('expireTime', true),
    str('trialToFormal', false, ['0', '1']),
    str('periodType', false),
    str('periodNumber', false),
    str('orderAmount', false),
  ],
  expireInstance: [str('instanceId'), str('orderId')],
  releaseInstance: [str('instanceId'), str('orderId'), str('orderAmount', false)],
  upgrade: [str('instanceId'), str('orderId'), str('skuCode'), str('productId'), str('amount', false), str('diskSize', false), str('bandWidth', false)],
  instanceStatus: [str('instanceId'), str('instanceStatus', true, ['FREEZE', 'NORMAL'])],
  queryInstance: [{ name: 'instanceId', required: true, kind: 'idList' }],
};

/** V1 activities that carry a fresh `businessId` on every attempt. */
export const V1_WITH_BUSINESS_ID: ReadonlySet<string> = new Set(['newInstance']);
