import { constants, createPrivateKey, createPublicKey, type KeyObject, privateDecrypt, publicEncrypt } from 'node:crypto';
import { inputError } from '../../errors.js';

/**
 * Kit `applicationSync.clientSecret` encryption (open-api.md §4.3, docs/fidelity.md#d18): RSA-OAEP with the seller's
 * public key (>= 3072 bits), Base64. `sha256` = OAEP SHA-256 with MGF1 SHA-256 (default); `sha1` = SHA-1 / MGF1 SHA-1.
 */
export type OaepHash = 'sha256' | 'sha1';

export const MIN_RSA_BITS = 3072;

function checkHash(hash: string): OaepHash {
  if (hash !== 'sha256' && hash !== 'sha1') throw inputError(`OAEP hash must be "sha256" or "sha1", got ${JSON.stringify(hash)}.`);
  return hash;
}

function toRsaKey(pem: string, which: 'public' | 'private'): KeyObject {
  let key: KeyObject;
  try {
    key = which === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
  } catch (cause) {
    throw inputError(`the seller ${which} key is not a readable PEM key: expected a "-----BEGIN ${which === 'public' ? 'PUBLIC' : 'PRIVATE'} KEY-----" block.`, {}, cause);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw inputError(`the seller ${which} key is ${key.asymmetricKeyType ?? 'not asymmetric'}: expected an RSA key.`);
  }
  return key;
}

/**
 * Encrypts a clientSecret for the seller; rejects keys under 3072 bits (KoomockError INPUT_INVALID).
 * @example
 *   encryptClientSecret({ publicKeyPem, plaintext: 'client-secret', hash: 'sha256' }); // 'kQ3…' (Base64, 384 bytes for RSA-3072)
 */
export function encryptClientSecret(input: { readonly publicKeyPem: string; readonly plaintext: string; readonly hash?: OaepHash }): string {
  const hash = checkHash(input.hash ?? 'sha256');
  const key = toRsaKey(input.publicKeyPem, 'public');
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw inputError(`the seller public key has ${bits} bits: KooGallery requires an RSA public key of at least ${MIN_RSA_BITS} bits; generate a new one (e.g. openssl genrsa 3072).`, { bits });
  }
  try {
    return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, Buffer.from(input.plaintext, 'utf8')).toString('base64');
  } catch (cause) {
    throw inputError(`the clientSecret is too long for RSA-OAEP with a ${bits}-bit key.`, { bits }, cause);
  }
}

export type ClientSecretResult = { readonly ok: true; readonly plaintext: string } | { readonly ok: false; readonly detail: string };

/**
 * Decrypts a Base64 clientSecret with the seller's private key; never throws on a bad ciphertext
 * (a bad key or hash argument is the caller's input error).
 * @example
 *   decryptClientSecret({ privateKeyPem, ciphertext, hash: 'sha256' }); // { ok: true, plaintext: 'client-secret' }
 */
export function decryptClientSecret(input: { readonly privateKeyPem: string; readonly ciphertext: string; readonly hash?: OaepHash }): ClientSecretResult {
  const hash = checkHash(input.hash ?? 'sha256');
  const key = toRsaKey(input.privateKeyPem, 'private');
  const text = input.ciphertext.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return { ok: false, detail: 'the clientSecret is not Base64 text.' };
  try {
    const plain = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, Buffer.from(text, 'base64'));
    return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, detail: `RSA-OAEP (${hash}) decryption failed: check that the ciphertext was made with this key pair's public key and OAEP ${hash === 'sha256' ? 'SHA-256 / MGF1 SHA-256' : 'SHA-1 / MGF1 SHA-1'}.` };
  }
}
