import { type BuildContext, testFlagValue } from './build-context.js';
import { readFields } from './field-spec.js';
import { KIT_FIELDS } from './kit-fields.js';
import { applyOverrides } from './overrides.js';
import { toEast8Millis } from '../market/time-format.js';
import type { CallSpec, KitOperation, ProduceRequest } from './types.js';

/** `https://seller.example/base/` + `tenantSync` -> `https://seller.example/base/produceAPI/v2/tenantSync`. */
export function toKitUrl(address: string, operation: KitOperation): string {
  const q = address.indexOf('?');
  const path = (q < 0 ? address : address.slice(0, q)).replace(/\/+$/, '');
  return `${path}/produceAPI/v2/${operation}${q < 0 ? '' : address.slice(q)}`;
}

/**
 * Builds an unsigned kit request: POST to `<address>/produceAPI/v2/<op>` with a compact body whose
 * fields are in the documented order (open-api.md §4 tables and examples), not sorted: the
 * signature is computed over the key-sorted form (signProduceRequest), so a seller that HMACs the
 * raw bytes fails here as it does on the platform (docs/fidelity.md#answer-rules-and-timing).
 * `testFlag` is an integer (always sent) and `timeStamp` East-8 digits of the wall clock (times
 * given as epoch ms are written the same way).
 * @example
 *   buildKitRequest('tenantSync', { activity: 'tenantSync', url, fields: { instanceId: 'i', tenantId: 't', ... } }, ctx);
 */
export function buildKitRequest(operation: KitOperation, spec: CallSpec, ctx: BuildContext): ProduceRequest {
  const fields = readFields(operation, KIT_FIELDS[operation], spec.fields ?? {}, toEast8Millis);
  const timeStamp = toEast8Millis(ctx.clock.wallNow());
  const body: Record<string, unknown> = {};
  for (const { name } of KIT_FIELDS[operation]) {
    // authSync's currentSyncTime defaults to the timeStamp, in its documented place.
    const value = name === 'currentSyncTime' && fields[name] === undefined ? timeStamp : fields[name];
    if (value !== undefined) body[name] = value;
  }
  body['testFlag'] = Number(testFlagValue(ctx.profile, spec.debugFlag === true, true));
  body['timeStamp'] = timeStamp;
  return {
    activity: operation,
    family: 'kit',
    method: 'POST',
    address: spec.url,
    url: toKitUrl(spec.url, operation),
    headers: { accept: 'application/json', 'content-type': 'application/json;charset=utf-8' },
    body: JSON.stringify(applyOverrides(body, spec.overrides)),
    keyCategory: 'kit',
  };
}
