import { appendQuery, type BuildContext, testFlagValue } from './build-context.js';
import { readFields } from './field-spec.js';
import { applyOverrides } from './overrides.js';
import { toOrderTime } from '../market/time-format.js';
import type { CallSpec, ProduceRequest, V1Activity } from './types.js';
import { V1_FIELDS, V1_WITH_BUSINESS_ID } from './v1-fields.js';
import { createBusinessId } from '../market/ids.js';
import { keyMissing } from '../errors.js';
import { encryptV1Field } from '../signing/index.js';
import { V1_ENCRYPT_TYPE } from './v1-encrypt-type.js';

/** V1 request fields the platform sends AES-encrypted (docs/v1.md#the-encrypted-fields). */
const ENCRYPTED_FIELDS = ['mobilePhone', 'email'] as const;

/**
 * `mobilePhone` / `email` as the platform sends them: `IV + Base64(AES-CBC)` under the V1 Key, the
 * key size per the profile's `v1EncryptType`. Given in plain text; a `set` override goes out as is.
 */
function encryptContactFields(fields: Record<string, unknown>, ctx: BuildContext): void {
  for (const name of ENCRYPTED_FIELDS) {
    const value = fields[name];
    if (value === undefined) continue;
    if (ctx.v1Key === undefined) throw keyMissing('the V1 key', `V1 ${name} is sent AES-encrypted with it; pass it with --v1-key`);
    fields[name] = encryptV1Field({ key: ctx.v1Key, encryptType: V1_ENCRYPT_TYPE[ctx.profile.v1EncryptType], plaintext: String(value), random: ctx.random });
  }
}

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
 * Builds an unsigned V1 GET request. `timeStamp` and `authToken` are added by the signing step;
 * `mobilePhone` / `email` are encrypted here, so the authToken covers their ciphertext.
 * @example
 *   buildV1Request('instanceStatus', { activity: 'instanceStatus', url, fields: { instanceId: 'i', instanceStatus: 'FREEZE' } }, ctx);
 */
export function buildV1Request(activity: V1Activity, spec: CallSpec, ctx: BuildContext): ProduceRequest {
  const fields = readFields(activity, V1_FIELDS[activity], spec.fields ?? {}, toOrderTime);
  const raw: Record<string, unknown> = { activity, ...fields };
  encryptContactFields(raw, ctx);
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
