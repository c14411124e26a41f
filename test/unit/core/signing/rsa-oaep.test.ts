import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { decryptClientSecret, encryptClientSecret, OAEP_VARIANTS } from '../../../../mock-server/core/signing/kit/rsa-oaep.js';
import { rsaKeyPair } from '../../../support/rsa-keys.js';

const seller = rsaKeyPair(3072);
const small = rsaKeyPair(2048);
const ec = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const SECRET = 'cs-9f2b6d1e4a7c8b3f-密';

const inputErrorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return isKoomockError(e) ? `${e.code}: ${e.message}` : `not a KoomockError: ${String(e)}`;
  }
  return 'did not throw';
};

describe('encryptClientSecret / decryptClientSecret', () => {
  test.for(['sha256', 'sha1'] as const)('round-trips with OAEP %s', (hash) => {
    const ciphertext = encryptClientSecret({ publicKeyPem: seller.publicKey, plaintext: SECRET, hash });
    expect(Buffer.from(ciphertext, 'base64')).toHaveLength(384);
    expect(decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext, hash })).toEqual({ ok: true, plaintext: SECRET });
    // Independently of koomock's own decryption: what a seller's OAEP implementation reads.
    const plain = privateDecrypt({ key: seller.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, Buffer.from(ciphertext, 'base64'));
    expect(plain.toString('utf8')).toBe(SECRET);
  });

  test('SHA-256 / MGF1 SHA-1 round-trips and is neither of the variants node:crypto names', () => {
    const ciphertext = encryptClientSecret({ publicKeyPem: seller.publicKey, plaintext: SECRET, hash: 'sha256-mgf1-sha1' });
    expect(Buffer.from(ciphertext, 'base64')).toHaveLength(384);
    expect(decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext, hash: 'sha256-mgf1-sha1' })).toEqual({ ok: true, plaintext: SECRET });
    for (const oaepHash of ['sha256', 'sha1']) {
      expect(() => privateDecrypt({ key: seller.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, Buffer.from(ciphertext, 'base64'))).toThrow();
    }
  });

  test('decrypts the fixed ciphertext of a real Java RSA/ECB/OAEPWithSHA-256AndMGF1Padding cipher (test/fixtures/java)', () => {
    const java = readFileSync(join(import.meta.dirname, '../../../fixtures/java/sha256-mgf1-sha1.ciphertext.txt'), 'utf8');
    expect(decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext: java, hash: 'sha256-mgf1-sha1' })).toEqual({ ok: true, plaintext: 'cs-java-fixture-9f2b6d1e-密' });
    for (const hash of ['sha256', 'sha1'] as const) {
      const failed = decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext: java, hash });
      expect(failed.ok).toBe(false);
      // The failure names the other variants, the right one among them.
      expect(failed.ok ? '' : failed.detail).toContain('sha256-mgf1-sha1 = SHA-256/MGF1-SHA-1');
    }
  });

  test('each variant decrypts only with its own parameters', () => {
    for (const made of OAEP_VARIANTS) {
      const ciphertext = encryptClientSecret({ publicKeyPem: seller.publicKey, plaintext: SECRET, hash: made });
      const opened = OAEP_VARIANTS.filter((hash) => decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext, hash }).ok);
      expect(opened).toEqual([made]);
    }
  });

  test('rejects an unknown variant with INPUT_INVALID listing the three', () => {
    expect(inputErrorOf(() => encryptClientSecret({ publicKeyPem: seller.publicKey, plaintext: SECRET, hash: 'md5' as never }))).toMatch(/^INPUT_INVALID: .*"sha256", "sha256-mgf1-sha1", "sha1".*"md5"/);
  });

  test('uses SHA-256 by default (docs/joint-operation.md#the-oaep-variant)', () => {
    const ciphertext = encryptClientSecret({ publicKeyPem: seller.publicKey, plaintext: SECRET });
    expect(decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext, hash: 'sha256' }).ok).toBe(true);
    expect(decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext, hash: 'sha1' }).ok).toBe(false);
  });

  test('rejects a 2048-bit public key with INPUT_INVALID naming both sizes', () => {
    expect(inputErrorOf(() => encryptClientSecret({ publicKeyPem: small.publicKey, plaintext: SECRET }))).toMatch(/^INPUT_INVALID: .*2048 bits.*3072/);
  });

  test.for([
    ['text that is not PEM', 'not a key'],
    ['an EC key', ec.publicKey],
  ] as const)('rejects %s as a public key with INPUT_INVALID', ([, key]) => {
    expect(inputErrorOf(() => encryptClientSecret({ publicKeyPem: key, plaintext: SECRET }))).toMatch(/^INPUT_INVALID/);
  });

  const good = encryptClientSecret({ publicKeyPem: seller.publicKey, plaintext: SECRET });
  test.for([
    ['another private key', { privateKeyPem: small.privateKey }],
    ['the other OAEP hash', { hash: 'sha1' }],
    ['one changed byte', { ciphertext: Buffer.from(Buffer.from(good, 'base64').map((b, i) => (i === 10 ? b ^ 1 : b))).toString('base64') }],
    ['text that is not Base64', { ciphertext: '%%%' }],
    ['an empty ciphertext', { ciphertext: '' }],
  ] as const)('returns ok:false (never throws) for %s', ([, change]) => {
    const result = decryptClientSecret({ privateKeyPem: seller.privateKey, ciphertext: good, hash: 'sha256', ...change });
    expect(result.ok).toBe(false);
  });
});
