import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decryptV1Field, deriveAesKey, encryptV1Field } from '../../../../mock-server/core/signing/v1/aes.js';
import { computeBodySign, toBodySignHeader, verifyBodySign } from '../../../../mock-server/core/signing/body-sign/body-sign.js';
import { computeKitSignature, verifyKitSignature } from '../../../../mock-server/core/signing/kit/kit.js';
import { createSha1Prng } from '../../../../mock-server/core/signing/v1/sha1prng.js';
import { computeV1AuthToken, toV1Message, verifyV1AuthToken } from '../../../../mock-server/core/signing/v1/auth-token.js';
import { computeV2Signature, verifyV2Signature } from '../../../../mock-server/core/signing/produce/v2.js';
import vectors from '../../../fixtures/produce-signing-vectors.json' with { type: 'json' };

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('V2 basic signature vectors (produce-api §6.1, open-api §5.3)', () => {
  test.for(vectors.v2)('$name: computes the signature', (v) => {
    expect(computeV2Signature(v)).toBe(v.signature.toLowerCase());
  });

  test.for(vectors.v2)('$name: the inner digest is lower-hex HMAC(key, payload)', (v) => {
    expect(createHmac('sha256', v.key).update(v.payload).digest('hex')).toBe(v.inner);
  });

  test.for(vectors.v2)('$name: verifies at its own timestamp', (v) => {
    const verdict = verifyV2Signature({ ...v, body: v.payload }, { now: Number(v.timestamp) });
    expect(verdict).toMatchObject({ ok: true, payload: v.payload, canonical: `{accessKey}${v.nonce}${v.timestamp}${v.inner}` });
  });
});

describe('kit x-sign vectors (produce-api §6.2, open-api §4.1)', () => {
  test.for(vectors.kit)('$name: computes x-sign', (v) => {
    expect(computeKitSignature(v)).toBe(v.sign.toLowerCase());
  });

  test.for(vectors.kit)('$name: verifies at its own timestamp', (v) => {
    expect(verifyKitSignature({ ...v, body: v.payload }, { now: Number(v.timestamp) }).ok).toBe(true);
  });
});

describe('V1 authToken vectors (produce-api §6.4)', () => {
  test.for(vectors.v1AuthToken)('$name: builds the sorted message', (v) => {
    expect(toV1Message(v.params)).toBe(v.message);
  });

  test.for(vectors.v1AuthToken)('$name: computes authToken with key + timeStamp', (v) => {
    expect(v.hmacKey).toBe(v.key + v.params.timeStamp);
    expect(computeV1AuthToken(v)).toBe(v.authToken);
  });

  test.for(vectors.v1AuthToken)('$name: verifies the URL-encoded query', (v) => {
    const query = `${Object.entries(v.params)
      .map(([k, x]) => `${k}=${encodeURIComponent(x)}`)
      .join('&')}&authToken=${encodeURIComponent(v.authToken)}`;
    expect(verifyV1AuthToken({ key: v.key, query })).toEqual({ ok: true, canonical: v.message });
  });
});

describe('Body-Sign vectors (produce-api §6.5)', () => {
  test.for(vectors.bodySign)('$name: computes the Base64 HMAC of the exact body', (v) => {
    expect(computeBodySign(v)).toBe(v.signature);
  });

  test.for(vectors.bodySign)('$name: verifies the documented header', (v) => {
    expect(verifyBodySign({ ...v, header: toBodySignHeader(v.signature) })).toEqual({ ok: true });
  });
});

describe('V1 AES vectors (produce-api §7)', () => {
  test.for(vectors.aesKeys)('$name: derives the AES-256 and AES-128 keys like Java SHA1PRNG', (v) => {
    expect(hex(deriveAesKey(v.accessKey, 256))).toBe(v.aes256);
    expect(hex(deriveAesKey(v.accessKey, 128))).toBe(v.aes128);
  });

  test.for(vectors.aesFields)('$name: encrypts to IV + Base64', (v) => {
    const encryptType = v.encryptType as '1' | '2';
    expect(encryptV1Field({ key: v.accessKey, encryptType, plaintext: v.plaintext, iv: v.iv })).toBe(v.value);
  });

  test.for(vectors.aesFields)('$name: decrypts back to the plaintext', (v) => {
    const encryptType = v.encryptType as '1' | '2';
    expect(decryptV1Field({ key: v.accessKey, encryptType, value: v.value })).toEqual({ ok: true, plaintext: v.plaintext });
  });

  test.for(vectors.sha1prng)('SHA1PRNG $name', (v) => {
    const prng = createSha1Prng(Buffer.from(v.seed, 'utf8'));
    expect(v.calls.map((n) => hex(prng.nextBytes(n)))).toEqual(v.hex);
  });
});
