import { constants, privateDecrypt, type KeyObject } from 'node:crypto';
import type { Handler } from '../context.js';
import { optionalString, readInteger, requireStrings } from '../params.js';
import { invalidParam, success } from '../result-codes.js';

/**
 * clientSecret arrives encrypted with the public key the seller registered (>= 3072 bits):
 * RSA-OAEP with SHA-256 and MGF1-SHA-256, base64 (docs/fidelity.md#d18).
 * @example
 *   decryptClientSecret(base64Ciphertext, privateKeyPem); // 'the-secret' or undefined
 */
export function decryptClientSecret(ciphertext: string, privateKey: string | KeyObject): string | undefined {
  try {
    const plain = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(ciphertext, 'base64'),
    );
    return plain.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * applicationSync (应用同步, open-api.md §4.3): the OAuth client of the tenant's application,
 * stored per tenantId + appId for the OAuth login (open-api.md §6). flag 1 add, 2 modify, 0 delete.
 */
export const applicationSync: Handler = async (body, ctx) => {
  const ids = requireStrings(body, { tenantId: 64, appId: 64 });
  if (!ids.ok) return invalidParam(ids.detail);
  const flag = readInteger(body, 'flag', [0, 1, 2]);
  if (!flag.ok) return invalidParam(flag.detail);
  const instanceId = optionalString(body, 'instanceId', 64);
  if (!instanceId.ok) return invalidParam(instanceId.detail);
  const { tenantId, appId } = ids.value;
  const key = ctx.kit.appKey(tenantId, appId);

  if (flag.value === 0) {
    ctx.kit.applications.delete(key);
    ctx.log(`applicationSync ${tenantId}/${appId}: deleted`);
    return success();
  }
  const p = requireStrings(body, { clientId: 256, clientSecret: 4096 });
  if (!p.ok) return invalidParam(p.detail);
  let clientSecret: string | undefined;
  if (ctx.options.kitPrivateKey !== undefined) {
    clientSecret = decryptClientSecret(p.value.clientSecret, ctx.options.kitPrivateKey);
    if (clientSecret === undefined) {
      return invalidParam('clientSecret: could not decrypt it with the configured private key (expected base64 RSA-OAEP SHA-256 ciphertext made with the matching public key)');
    }
  }
  ctx.kit.applications.set(key, { tenantId, appId, clientId: p.value.clientId, clientSecret, instanceId: instanceId.value ?? '' });
  ctx.log(`applicationSync ${tenantId}/${appId}: ${flag.value === 1 ? 'added' : 'modified'}${clientSecret === undefined ? ' (no private key configured: clientSecret not decrypted)' : ''}`);
  return success();
};
