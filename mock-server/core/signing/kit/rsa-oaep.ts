import { constants, createPrivateKey, createPublicKey, type KeyObject, privateDecrypt, publicEncrypt } from 'node:crypto';
import { inputError } from '../../errors.js';
import { type Digest, oaepDecode, oaepEncode } from './oaep-encoding.js';

/**
 * Kit `applicationSync.clientSecret` encryption (docs/joint-operation.md#the-oaep-variant): RSA-OAEP
 * with the seller's public key (>= 3072 bits), Base64. Three variants:
 * - `sha256`: OAEP SHA-256 with MGF1 SHA-256 (the default),
 * - `sha256-mgf1-sha1`: OAEP SHA-256 with MGF1 SHA-1 (Java's `OAEPWithSHA-256AndMGF1Padding` defaults),
 * - `sha1`: OAEP SHA-1 with MGF1 SHA-1.
 */
export type OaepHash = 'sha256' | 'sha256-mgf1-sha1' | 'sha1';

export const OAEP_VARIANTS: readonly OaepHash[] = ['sha256', 'sha256-mgf1-sha1', 'sha1'];

/** The variant in words (the Java and node:crypto names are in docs/joint-operation.md#the-oaep-variant). */
export const OAEP_VARIANT_TEXT: Readonly<Record<OaepHash, string>> = {
  sha256: 'SHA-256/MGF1-SHA-256',
  'sha256-mgf1-sha1': "SHA-256/MGF1-SHA-1 (Java's OAEPWithSHA-256AndMGF1Padding defaults)",
  sha1: 'SHA-1/MGF1-SHA-1',
};

export const MIN_RSA_BITS = 3072;

const DIGESTS: Readonly<Record<OaepHash, readonly [Digest, Digest]>> = {
  sha256: ['sha256', 'sha256'],
  'sha256-mgf1-sha1': ['sha256', 'sha1'],
  sha1: ['sha1', 'sha1'],
};

function checkHash(hash: string): OaepHash {
  if (!(OAEP_VARIANTS as readonly string[]).includes(hash)) {
    throw inputError(`OAEP variant must be one of ${OAEP_VARIANTS.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(hash)}.`);
  }
  return hash as OaepHash;
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

const modulusBytes = (key: KeyObject): number => Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);

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
  const [digest, mgf] = DIGESTS[hash];
  const message = Buffer.from(input.plaintext, 'utf8');
  try {
    if (digest === mgf) return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: digest }, message).toString('base64');
    return publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, oaepEncode(message, modulusBytes(key), digest, mgf)).toString('base64');
  } catch (cause) {
    throw inputError(`the clientSecret is too long for RSA-OAEP with a ${bits}-bit key.`, { bits }, cause);
  }
}

export type ClientSecretResult = { readonly ok: true; readonly plaintext: string } | { readonly ok: false; readonly detail: string };

function decryptRaw(key: KeyObject, data: Buffer, hash: OaepHash): Buffer | undefined {
  const [digest, mgf] = DIGESTS[hash];
  try {
    if (digest === mgf) return privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: digest }, data);
    if (data.length !== modulusBytes(key)) return undefined;
    return oaepDecode(privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, data), digest, mgf);
  } catch {
    return undefined;
  }
}

/**
 * Decrypts a Base64 clientSecret with the seller's private key; never throws on a bad ciphertext
 * (a bad key or variant argument is the caller's input error). A failure names the other variants.
 * @example
 *   decryptClientSecret({ privateKeyPem, ciphertext, hash: 'sha256' }); // { ok: true, plaintext: 'client-secret' }
 */
export function decryptClientSecret(input: { readonly privateKeyPem: string; readonly ciphertext: string; readonly hash?: OaepHash }): ClientSecretResult {
  const hash = checkHash(input.hash ?? 'sha256');
  const key = toRsaKey(input.privateKeyPem, 'private');
  const text = input.ciphertext.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return { ok: false, detail: 'the clientSecret is not Base64 text.' };
  const plain = decryptRaw(key, Buffer.from(text, 'base64'), hash);
  if (plain !== undefined) {
    try {
      return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
    } catch {
      return { ok: false, detail: 'the decrypted clientSecret is not UTF-8 text.' };
    }
  }
  return { ok: false, detail: `RSA-OAEP ${OAEP_VARIANT_TEXT[hash]} decryption failed: check that the ciphertext was made with this key pair's public key; if it was, ${otherVariantsHint(hash)}` };
}

/**
 * The sentence that names the variants other than `hash`, for a seller whose decryption failed.
 * @example
 *   otherVariantsHint('sha1'); // 'the other OAEP variants are sha256 = SHA-256/MGF1-SHA-256, sha256-mgf1-sha1 = … (profile option oaepHash; …).'
 */
export function otherVariantsHint(hash: OaepHash): string {
  const others = OAEP_VARIANTS.filter((v) => v !== hash).map((v) => `${v} = ${OAEP_VARIANT_TEXT[v]}`);
  return `the other OAEP variants are ${others.join(', ')} (profile option oaepHash; see docs/joint-operation.md#the-oaep-variant).`;
}
