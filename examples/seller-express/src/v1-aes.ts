import { createCipheriv, createDecipheriv, createHash, randomInt } from 'node:crypto';

/**
 * V1 sensitive fields (SaaS Access Guide V1.0, "ISV Server对资源开通后的用户名和密码加密"): AES-CBC with
 * PKCS5 padding, written as `IV + Base64(ciphertext)` with a 16-character IV in clear. The AES key
 * is NOT the V1 Key itself: Huawei's Java sample seeds `SecureRandom.getInstance("SHA1PRNG")` with
 * the Key's UTF-8 bytes and lets `KeyGenerator("AES").init(bits, random)` draw it. That generator is
 * deterministic once seeded, so any language can derive the same key: this file does it in Node.
 * encryptType "1" = AES-256 (the default), "2" = AES-128.
 */
export type EncryptType = '1' | '2';

const sha1 = (data: Uint8Array): Buffer => createHash('sha1').update(data).digest();
const signed = (b: number): number => (b << 24) >> 24;

/**
 * The first `length` bytes of Java's SHA1PRNG after `setSeed(seed)` on a fresh instance. The state
 * update adds output + 1 byte by byte with Java's signed-byte carry (not plain unsigned addition).
 * @example deriveAesKey('testAccessKey123', '2').toString('hex'); // '0413c5de84a4312c10f237cf102c14f9'
 */
export function deriveAesKey(v1Key: string, encryptType: EncryptType): Buffer {
  const length = encryptType === '2' ? 16 : 32;
  const state = sha1(Buffer.from(v1Key, 'utf8'));
  const out: Buffer[] = [];
  let have = 0;
  while (have < length) {
    const output = sha1(state);
    let carry = 1;
    let changed = false;
    for (let i = 0; i < state.length; i++) {
      const v = signed(state[i] as number) + signed(output[i] as number) + carry;
      changed ||= state[i] !== (v & 0xff);
      state[i] = v & 0xff;
      carry = v >> 8;
    }
    if (!changed) state[0] = ((state[0] as number) + 1) & 0xff;
    out.push(output);
    have += output.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

const IV_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Encrypts appInfo.userName / appInfo.password for a V1 answer.
 * @example encryptV1('testAccessKey123', '1', 'Huawei12345', 'abcdefghijklmnop'); // 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ=='
 */
export function encryptV1(v1Key: string, encryptType: EncryptType, plaintext: string, iv?: string): string {
  const ivText = iv ?? Array.from({ length: 16 }, () => IV_CHARS[randomInt(IV_CHARS.length)]).join('');
  const cipher = createCipheriv(encryptType === '2' ? 'aes-128-cbc' : 'aes-256-cbc', deriveAesKey(v1Key, encryptType), Buffer.from(ivText, 'utf8'));
  return ivText + Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/**
 * Decrypts a V1 `mobilePhone` / `email` parameter (already URL-decoded); undefined when it does not
 * decrypt with this encryptType.
 * @example decryptV1('testAccessKey123', '2', 'abcdefghijklmnophSViD56uRtzvT8vEfymQQw=='); // 'Huawei12345'
 */
export function decryptV1(v1Key: string, encryptType: EncryptType, value: string): string | undefined {
  if (value.length <= 16 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value.slice(16))) return undefined;
  try {
    const decipher = createDecipheriv(encryptType === '2' ? 'aes-128-cbc' : 'aes-256-cbc', deriveAesKey(v1Key, encryptType), Buffer.from(value.slice(0, 16), 'utf8'));
    const plain = Buffer.concat([decipher.update(Buffer.from(value.slice(16), 'base64')), decipher.final()]);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return undefined;
  }
}

/**
 * A V1 request does not say which key size the marketplace used for `mobilePhone` / `email`, so
 * both are tried, AES-256 (the default) first. Returns the type that worked, to answer in kind.
 * @example decryptEitherType(key, field); // { plaintext: '13800000000', encryptType: '1' }
 */
export function decryptEitherType(v1Key: string, value: string): { plaintext: string; encryptType: EncryptType } | undefined {
  for (const encryptType of ['1', '2'] as const) {
    const plaintext = decryptV1(v1Key, encryptType, value);
    if (plaintext !== undefined) return { plaintext, encryptType };
  }
  return undefined;
}
