import { describe, expect, test } from 'vitest';
import { checkOpenApiSignatures, type RefusedSignature } from '../../../../mock-server/core/checks/openapi-signature.js';

const SLASH = { id: 'missing-trailing-slash', en: 'The canonical URI must end with "/".', zh: '规范URI必须以"/"结尾。' };

const apig = (date: string, mistakes = [SLASH]): RefusedSignature => ({
  operation: 'order.query',
  status: 401,
  code: 'APIG.0301',
  diagnosis: { scheme: 'apig', canonical: `GET\n/api/mkp-openapi-public/global/v1/order/query/\norderId=X\nhost:h\nx-sdk-date:${date}\n\nhost;x-sdk-date\ne3b0`, mistakes },
});

describe('openapi.signature', () => {
  test('is silent when no call was refused', () => {
    expect(checkOpenApiSignatures([])).toEqual([]);
  });

  test('counts a retrying seller’s identical mistake once, though X-Sdk-Date changes the canonical request', () => {
    const checks = checkOpenApiSignatures([apig('20250101T000000Z'), apig('20250101T000001Z'), apig('20250101T000002Z')]);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'openapi.signature', ok: false, received: 'order.query refused (HTTP 401 APIG.0301) 3 times: the signature sent matches missing-trailing-slash' });
    expect(checks[0]?.hint).toBe(
      'likely mistake missing-trailing-slash: The canonical URI must end with "/". (规范URI必须以"/"结尾。); canonical request koomock built (line breaks shown as |): GET|/api/mkp-openapi-public/global/v1/order/query/|orderId=X|host:h|x-sdk-date:20250101T000000Z||host;x-sdk-date|e3b0',
    );
  });

  test('says when no known mistake reproduces the signature, and how to compare', () => {
    const [check] = checkOpenApiSignatures([apig('20250101T000000Z', [])]);
    expect(check?.received).toBe('order.query refused (HTTP 401 APIG.0301): no known mistake reproduces the signature sent');
    expect(check?.hint).toMatch(/^compare your canonical request with koomock's line by line/);
  });

  test('shows the text a usage push signs', () => {
    const [check] = checkOpenApiSignatures([
      { operation: 'usage.push', status: 400, code: 'MKT.0102', diagnosis: { scheme: 'usage', canonical: 'ts=1&nonce=n&body={}', mistakes: [{ id: 'hex-instead-of-base64', en: 'hex', zh: '十六进制' }] } },
    ]);
    expect(check).toMatchObject({ received: 'usage.push refused (HTTP 400 MKT.0102): the signature sent matches hex-instead-of-base64' });
    expect(check?.expected).toMatch(/^usage push signature = base64\(HMAC-SHA256/);
    expect(check?.hint).toContain('text koomock signed: ts=1&nonce=n&body={}');
  });
});
