import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KoomockError } from '../../../../mock-server/core/errors.js';
import { decryptV1Field, encryptV1Field } from '../../../../mock-server/core/signing/v1/aes.js';

const KEY = 'testAccessKey123';
const VALUE_256 = 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==';

/** A Random port that hands out the given bytes, in order, again and again. */
const bytesOf = (...values: number[]) => {
  let i = 0;
  return { bytes: (n: number) => Uint8Array.from({ length: n }, () => values[i++ % values.length] as number) };
};

describe('encryptV1Field', () => {
  test('defaults to encryptType 1 (AES-256)', () => {
    expect(encryptV1Field({ key: KEY, plaintext: 'Huawei12345', iv: 'abcdefghijklmnop' })).toBe(VALUE_256);
  });

  test('draws a 16-character alphanumeric IV from the random port', () => {
    const value = encryptV1Field({ key: KEY, plaintext: 'Huawei12345', random: bytesOf(0, 26, 61, 62) });
    expect(value.slice(0, 16)).toBe('Aa9AAa9AAa9AAa9A');
  });

  test('skips random bytes of 248 and above so every IV character is equally likely', () => {
    const value = encryptV1Field({ key: KEY, plaintext: 'x', random: bytesOf(255, 248, 1) });
    expect(value.slice(0, 16)).toBe('B'.repeat(16));
  });

  test('round-trips non-ASCII text with a random IV under both encrypt types', () => {
    for (const encryptType of ['1', '2'] as const) {
      const value = encryptV1Field({ key: KEY, encryptType, plaintext: '张三@例子.中国', random: bytesOf(7, 200, 33) });
      expect(decryptV1Field({ key: KEY, encryptType, value })).toEqual({ ok: true, plaintext: '张三@例子.中国' });
    }
  });

  test.for([
    ['neither an IV nor a random source', {}],
    ['an IV of 15 characters', { iv: 'abcdefghijklmno' }],
    ['an IV of 16 non-ASCII characters', { iv: 'ä'.repeat(16) }],
    ['encryptType 3', { iv: 'abcdefghijklmnop', encryptType: '3' }],
  ] as const)('throws INPUT_INVALID for %s', ([, extra]) => {
    expect(() => encryptV1Field({ key: KEY, plaintext: 'p', ...(extra as object) })).toThrow(KoomockError);
  });
});

describe('decryptV1Field', () => {
  test.for([
    ['a wrong key', { key: 'wrongAccessKey1', value: VALUE_256 }],
    ['the wrong encryptType', { encryptType: '2', value: VALUE_256 }],
    ['an unknown encryptType', { encryptType: 'toString', value: VALUE_256 }],
    ['a value shorter than the IV', { value: 'abcdef' }],
    ['an IV without ciphertext', { value: 'abcdefghijklmnop' }],
    ['ciphertext that is not Base64', { value: 'abcdefghijklmnop!!!!' }],
    ['ciphertext of 15 bytes', { value: `abcdefghijklmnop${Buffer.alloc(15).toString('base64')}` }],
    ['a changed first ciphertext character', { value: `abcdefghijklmnop2${VALUE_256.slice(17)}` }],
  ] as const)('returns ok:false (never throws) for %s', ([, change]) => {
    const result = decryptV1Field({ key: KEY, value: VALUE_256, ...(change as object) } as Parameters<typeof decryptV1Field>[0]);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.detail).not.toContain(KEY);
  });
});

describe('untrusted input', () => {
  test('decryptV1Field never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('1', '2') as fc.Arbitrary<'1' | '2'>, (value, encryptType) => {
        return typeof decryptV1Field({ key: KEY, encryptType, value }).ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});
