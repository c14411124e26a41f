import { describe, expect, test } from 'vitest';
import { signApigRequest, toApigAuthorization } from '../../../../mock-server/core/signing/apig/apig.js';
import { sha256Hex } from '../../../../mock-server/core/signing/apig/canonical.js';
import { verifyApigRequest } from '../../../../mock-server/core/signing/apig/verify.js';
import { rowAt } from '../../../support/signing-vectors.js';
import { receivedFromVector, signedAt, VECTORS } from './apig-fixtures.js';

const rows = VECTORS.apig.map((v) => [v.name, v] as const);

describe('APIG SDK-HMAC-SHA256 known-answer vectors (open-api.md §2.4)', () => {
  test('the fixture holds vectors 1, 2 and all three variants of vector 3', () => {
    expect(rows.map(([name]) => name.split(':')[0])).toEqual(['vector 1', 'vector 2', 'vector 3a', 'vector 3b', 'vector 3c']);
  });

  test.for(rows)('signing reproduces every intermediate value of %s', ([, v]) => {
    const signed = signApigRequest({
      method: v.request.method,
      url: v.request.url,
      headers: v.request.headers,
      body: v.request.body,
      ak: v.ak,
      sk: v.sk,
      ...(v.signedHeaders ? { signedHeaders: v.signedHeaders } : {}),
    });
    expect(sha256Hex(v.request.body)).toBe(v.bodySha256);
    expect(signed.canonicalRequest).toBe(v.canonicalRequest);
    expect(sha256Hex(signed.canonicalRequest)).toBe(v.canonicalRequestSha256);
    expect(signed.stringToSign).toBe(v.stringToSign);
    expect(signed.signature).toBe(v.signature);
    expect(signed.authorization).toBe(v.authorization);
  });

  test.for(rows)('verification accepts %s and rebuilds the same canonical request', ([, v]) => {
    const verdict = verifyApigRequest(receivedFromVector(v), { lookupSk: (ak) => (ak === v.ak ? v.sk : undefined), now: signedAt(v) });
    expect(verdict).toMatchObject({ ok: true, ak: v.ak, canonicalRequest: v.canonicalRequest });
  });

  test.for(rows)('verification rejects %s signed with another SK', ([, v]) => {
    const verdict = verifyApigRequest(receivedFromVector(v), { lookupSk: () => `${v.sk}x`, now: signedAt(v) });
    expect(verdict).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  test('vector 1 Authorization header is rendered exactly as the doc shows it', () => {
    const [, v] = rowAt(rows, 0);
    expect(toApigAuthorization({ ak: v.ak, signedHeaders: ['content-type', 'host', 'x-sdk-date'], signature: v.signature })).toBe(
      v.authorization,
    );
  });

  test('the published signatures are the ones of the spec', () => {
    expect(rows.map(([, v]) => v.signature.slice(0, 8))).toEqual(['7be66680', '77595ad6', '27312438', '8a997835', 'dda34c90']);
  });
});
