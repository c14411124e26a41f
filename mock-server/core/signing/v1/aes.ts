import { createCipheriv, createDecipheriv } from 'node:crypto';
import { inputError } from '../../errors.js';
import type { Random } from '../../ports.js';
import { createSha1Prng } from './sha1prng.js';

/**
 * V1 sensitive-field encryption (produce-api.md §7, docs/fidelity.md#d19): AES-CBC-PKCS5Padding, key derived from the
 * access key with Java's SHA1PRNG, output `IV + Base64(ciphertext)` with a 16-character alphanumeric IV.
 * encryptType `1` = AES-256 (the default), `2` = AES-128.
 */
export type EncryptType = '1' | '2';

const IV_LENGTH = 16;
const IV_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const bitsOf = (encryptType: string | undefined): 128 | 256 | undefined =>
  encryptType === undefined || encryptType === '1' ? 256 : encryptType === '2' ? 128 : undefined;

/**
 * The AES key the official Java sample gets from `KeyGenerator("AES").init(bits, SHA1PRNG seeded with the key)`.
 * @example
 *   Buffer.from(deriveAesKey('testAccessKey123', 128)).toString('hex'); // '0413c5de84a4312c10f237cf102c14f9'
 */
export const deriveAesKey = (accessKey: string, bits: 128 | 256): Uint8Array =>
  createSha1Prng(Buffer.from(accessKey, 'utf8')).nextBytes(bits / 8);

function toBits(encryptType: string | undefined): 128 | 256 {
  const bits = bitsOf(encryptType);
  if (bits === undefined) throw inputError(`encryptType must be "1" (AES-256) or "2" (AES-128), got ${JSON.stringify(encryptType)}.`);
  return bits;
}

/** 16 alphanumerics from random bytes; bytes >= 248 are skipped so every character is equally likely. */
function toRandomIv(random: Pick<Random, 'bytes'>): string {
  let iv = '';
  while (iv.length < IV_LENGTH) {
    for (const b of random.bytes(IV_LENGTH)) {
      if (b < 248 && iv.length < IV_LENGTH) iv += IV_ALPHABET[b % IV_ALPHABET.length];
    }
  }
  return iv;
}

export interface EncryptV1FieldInput {
  /** The V1 access key (the derivation input, not the AES key itself). */
  readonly key: string;
  readonly encryptType?: EncryptType;
  readonly plaintext: string;
  /** 16 ASCII characters; when absent, drawn from `random`. */
  readonly iv?: string;
  readonly random?: Pick<Random, 'bytes'>;
}

/**
 * Encrypts a V1 field (userName, password, mobilePhone, email).
 * @example
 *   encryptV1Field({ key: 'testAccessKey123', encryptType: '1', plaintext: 'Huawei12345', iv: 'abcdefghijklmnop' });
 *   // 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ=='
 */
export function encryptV1Field(input: EncryptV1FieldInput): string {
  const bits = toBits(input.encryptType);
  let iv = input.iv;
  if (iv === undefined) {
    if (input.random === undefined) throw inputError('encryptV1Field needs an iv or a random source.');
    iv = toRandomIv(input.random);
  }
  if (Buffer.byteLength(iv, 'utf8') !== IV_LENGTH) throw inputError(`the IV must be 16 ASCII characters, got ${iv.length} characters.`);
  const cipher = createCipheriv(`aes-${bits}-cbc`, deriveAesKey(input.key, bits), Buffer.from(iv, 'utf8'));
  return iv + Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export type DecryptResult = { readonly ok: true; readonly plaintext: string } | { readonly ok: false; readonly detail: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})+$|^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/;

/**
 * Decrypts `IV + Base64(ciphertext)`; never throws on bad input.
 * @example
 *   decryptV1Field({ key: 'testAccessKey123', encryptType: '2', value: 'abcdefghijklmnophSViD56uRtzvT8vEfymQQw==' });
 *   // { ok: true, plaintext: 'Huawei12345' }
 */
export function decryptV1Field(input: { readonly key: string; readonly encryptType?: EncryptType; readonly value: string }): DecryptResult {
  const bits = bitsOf(input.encryptType);
  if (bits === undefined) return { ok: false, detail: `encryptType must be "1" (AES-256) or "2" (AES-128), got ${JSON.stringify(input.encryptType)}.` };
  const iv = Buffer.from(input.value.slice(0, IV_LENGTH), 'utf8');
  const body = input.value.slice(IV_LENGTH);
  if (iv.length !== IV_LENGTH || body === '') {
    return { ok: false, detail: `expected a 16-character IV followed by Base64 ciphertext, got ${input.value.length} characters.` };
  }
  if (!BASE64.test(body)) return { ok: false, detail: 'the text after the 16-character IV is not Base64.' };
  const ciphertext = Buffer.from(body, 'base64');
  if (ciphertext.length % 16 !== 0) return { ok: false, detail: `the ciphertext is ${ciphertext.length} bytes: AES-CBC ciphertext is a multiple of 16 bytes.` };
  try {
    const decipher = createDecipheriv(`aes-${bits}-cbc`, deriveAesKey(input.key, bits), iv);
    const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, detail: `decryption failed (bad padding or not UTF-8): check the access key and encryptType (${input.encryptType ?? '1'} = AES-${bits}).` };
  }
}
