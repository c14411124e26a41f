import { appendQuery, type BuildContext, testFlagValue } from './build-context.js';
import { readFields } from './field-spec.js';
import { applyOverrides } from './overrides.js';
import { toOrderTime } from '../market/time-format.js';
import type { CallSpec, ProduceRequest, V1Activity } from './types.js';
import { V1_FIELDS, V1_WITH_BUSINESS_ID } from './v1-fields.js';
import { createBusinessId } from '../market/ids.js';

/**
 * Encodes V1 parameters for the wire: sorted by name (the order the platform's own examples show),
 * values percent-encoded (`+` -> `%2B`, `/` -> `%2F`, `=` -> `%3D`).
 */
export const toV1Query = (params: Readonly<Record<string, string>>): string =>
  Object.keys(params)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k] as string)}`)
    .join('&');

/**
 * Builds an unsigned V1 GET request. `timeStamp` and `authToken` are added by the signing step.
 * @example
 *   buildV1Request('instanceStatus', { activity: 'instanceStatus', url, fields: { instanceId: 'i', instanceStatus: 'FREEZE' } }, ctx);
 */
export function buildV1Request(activity: V1Activity, spec: CallSpec, ctx: BuildContext): ProduceRequest {
  const fields = readFields(activity, V1_FIELDS[activity], spec.fields ?? {}, toOrderTime);
  const raw: Record<string, unknown> = { activity, ...fields };
  if (V1_WITH_BUSINESS_ID.has(activity)) raw.businessId = createBusinessId(ctx.random);
  const testFlag = testFlagValue(ctx.profile, spec.debugFlag === true, false);
  if (testFlag !== undefined) raw.testFlag = testFlag;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(applyOverrides(raw, spec.overrides))) {
    params[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return {
    activity,
    family: 'v1',
    method: 'GET',
    address: spec.url,
    url: appendQuery(spec.url, toV1Query(params)),
    headers: { accept: 'application/json' },
    body: undefined,
    keyCategory: 'v1',
    params,
    ...(params.businessId !== undefined ? { businessId: params.businessId } : {}),
  };
}
