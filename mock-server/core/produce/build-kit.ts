import { keyMissing } from '../errors.js';
import { encryptClientSecret } from '../signing/index.js';
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
 * `applicationSync.clientSecret` as the platform sends it: RSA-OAEP under the seller's registered
 * public key with the profile's variant, Base64 (docs/joint-operation.md#the-oaep-variant). The
 * platform never sends it in plain text, so a missing public key is an error, not a fallback.
 */
function encryptedSecret(plaintext: unknown, ctx: BuildContext): string {
  if (ctx.kitPublicKey === undefined) {
    throw keyMissing(
      "the seller's kit public key (联营 clientSecret 加密公钥)",
      'applicationSync sends clientSecret encrypted with it; set seller.kitPublicKeyFile (or seller.kitPublicKey) in koomock.config.yaml; `koomock init --kit` makes a demo key pair',
    );
  }
  return encryptClientSecret({ publicKeyPem: ctx.kitPublicKey, plaintext: String(plaintext), hash: ctx.profile.oaepHash });
}

/**
 * Builds an unsigned kit request: POST to `<address>/produceAPI/v2/<op>` with a compact body whose
 * fields are in the documented order (open-api.md §4 tables and examples), not sorted: the
 * signature is computed over the key-sorted form (signProduceRequest), so a seller that HMACs the
 * raw bytes fails here as it does on the platform (docs/fidelity.md#answer-rules-and-timing).
 * `testFlag` is an integer (always sent) and `timeStamp` East-8 digits of the wall clock (times
 * given as epoch ms are written the same way); applicationSync's `clientSecret` is given in plain
 * text and sent encrypted.
 * @example
 *   buildKitRequest('tenantSync', { activity: 'tenantSync', url, fields: { instanceId: 'i', tenantId: 't', ... } }, ctx);
 */
export function buildKitRequest(operation: KitOperation, spec: CallSpec, ctx: BuildContext): ProduceRequest {
  const fields = readFields(operation, KIT_FIELDS[operation], spec.fields ?? {}, toEast8Millis);
  const timeStamp = toEast8Millis(ctx.clock.wallNow());
  const body: Record<string, unknown> = {};
  // A clientSecret given as an override goes out exactly as written: nothing to encrypt, no key needed.
  const secretOverridden = spec.overrides !== undefined && Object.hasOwn(spec.overrides, 'clientSecret');
  for (const { name } of KIT_FIELDS[operation]) {
    // authSync's currentSyncTime defaults to the timeStamp, in its documented place.
    const given = name === 'currentSyncTime' && fields[name] === undefined ? timeStamp : fields[name];
    const value = name === 'clientSecret' && operation === 'applicationSync' && given !== undefined && !secretOverridden ? encryptedSecret(given, ctx) : given;
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
