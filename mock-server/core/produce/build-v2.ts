import { toCanonicalJson } from '../signing/index.js';
import { type BuildContext, testFlagValue } from './build-context.js';
import { readFields } from './field-spec.js';
import { applyOverrides } from './overrides.js';
import { toMillisTime, toOrderTime } from '../market/time-format.js';
import type { CallSpec, ProduceRequest, V2Activity } from './types.js';
import { V2_FIELDS, V2_WITH_BUSINESS_ID } from './v2-fields.js';
import { createBusinessId } from '../market/ids.js';

// The documented example headers: basic calls say `charset=utf8`, the order notification `utf-8`.
export const BASIC_CONTENT_TYPE = 'application/json;charset=utf8';
export const GENERAL_CONTENT_TYPE = 'application/json;charset=utf-8';

/**
 * Builds an unsigned V2 basic (or orderNotify) request: POST to the production address with the
 * canonical JSON body of docs/fidelity.md#d2 (top-level keys sorted, compact, string values).
 * @example
 *   buildV2Request('newInstance', { activity: 'newInstance', url, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } }, ctx);
 */
export function buildV2Request(activity: V2Activity, spec: CallSpec, ctx: BuildContext): ProduceRequest {
  const { profile, random } = ctx;
  const fields = readFields(activity, V2_FIELDS[activity], spec.fields ?? {}, profile.expireTimeDigits === 17 ? toMillisTime : toOrderTime);
  const body: Record<string, unknown> = { activity, ...fields };
  if (V2_WITH_BUSINESS_ID.has(activity)) body.businessId = createBusinessId(random);
  const testFlag = testFlagValue(profile, spec.debugFlag === true, activity === 'orderNotify');
  if (testFlag !== undefined) body.testFlag = testFlag;
  const sent = applyOverrides(body, spec.overrides);
  const general = activity === 'orderNotify';
  return {
    activity,
    family: 'v2',
    method: 'POST',
    address: spec.url,
    url: spec.url,
    headers: { accept: 'application/json', 'content-type': general ? GENERAL_CONTENT_TYPE : BASIC_CONTENT_TYPE },
    body: toCanonicalJson(sent),
    keyCategory: general ? 'general' : 'basic',
    ...(typeof sent.businessId === 'string' ? { businessId: sent.businessId } : {}),
  };
}
