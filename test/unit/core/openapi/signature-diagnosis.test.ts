import { describe, expect, test } from 'vitest';
import type { ApiRequest } from '../../../../mock-server/core/http-types.js';
import { readSignatureDiagnosis } from '../../../../mock-server/core/signing/diagnosis-record.js';
import {
  computeApigSignature,
  diagnoseApigSignature,
  parseApigAuthorization,
  toApigStringToSign,
  toDebugCanonical,
} from '../../../../mock-server/core/signing/index.js';
import { addOrder, createHarness, type Harness, lastExchange, SELLER, signRequest, usageHeaders } from './harness.js';

const ORDER_PATH = '/api/mkp-openapi-public/global/v1/order/query';
const USAGE_PATH = '/api/mkp-openapi-public/global/v1/isv/usage-data';

/** An order query signed the way a seller that forgets the trailing slash signs it. */
function signedWithoutTrailingSlash(h: Harness): ApiRequest {
  const req = signRequest(h, { path: ORDER_PATH, query: 'orderId=MOCKPERIODYEARNEW' });
  const auth = parseApigAuthorization(req.headers.authorization ?? '');
  if (auth === undefined) throw new Error('the harness did not sign');
  const canonical = diagnoseApigSignature(req, SELLER.sk).canonical.replace('/order/query/\n', '/order/query\n');
  const wrong = computeApigSignature(toApigStringToSign(req.headers['x-sdk-date'] ?? '', canonical), SELLER.sk);
  return { ...req, headers: { ...req.headers, authorization: req.headers.authorization?.replace(auth.signature, wrong) ?? '' } };
}

describe('the journal keeps the signature diagnosis', () => {
  test('an APIG signature without the trailing slash: the journal names missing-trailing-slash and keeps the canonical request, the answer stays exact', async () => {
    const h = createHarness({ profile: { debug: false } });
    const req = signedWithoutTrailingSlash(h);
    const res = await h.send(req);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' });
    const diagnosis = readSignatureDiagnosis(lastExchange(h).verdicts.find((v) => v.id === 'apig.signature'));
    expect(diagnosis?.scheme).toBe('apig');
    expect(diagnosis?.mistakes.map((m) => m.id)).toEqual(['missing-trailing-slash']);
    expect(diagnosis?.canonical).toContain('\n/api/mkp-openapi-public/global/v1/order/query/\norderId=MOCKPERIODYEARNEW\n');
  });

  test('in debug mode the answer shows the canonical request and the mistake', async () => {
    const h = createHarness({ profile: { debug: true } });
    const res = await h.send(signedWithoutTrailingSlash(h));
    const message = (res.body as { error_msg: string }).error_msg;
    expect(message).toContain('likely mistake missing-trailing-slash');
    expect(message).toContain(`canonicalRequest:${toDebugCanonical(readSignatureDiagnosis(lastExchange(h).verdicts[0])?.canonical ?? '?')}`);
  });

  test('a usage push signed as hex: the journal names hex-instead-of-base64 with the signed text, even outside debug mode', async () => {
    const h = createHarness({ profile: { debug: false } });
    addOrder(h);
    const body = JSON.stringify({ usage_records: [] });
    const headers = usageHeaders(h, body);
    const hex = Buffer.from(headers.signature ?? '', 'base64').toString('hex');
    const res = await h.send(signRequest(h, { method: 'POST', path: USAGE_PATH, body, headers: { ...headers, signature: hex } }));
    expect(res.body).toMatchObject({ error_code: 'MKT.0102' });
    expect((res.body as { extra_info: string }).extra_info).not.toContain('string to sign');
    const diagnosis = readSignatureDiagnosis(lastExchange(h).verdicts.find((v) => v.id === 'usage.signature'));
    expect(diagnosis).toMatchObject({ scheme: 'usage', canonical: `ts=${headers.ts}&nonce=${headers.nonce}&body=${body}` });
    expect(diagnosis?.mistakes.map((m) => m.id)).toContain('hex-instead-of-base64');
  });

  test('in debug mode a usage push answer shows the string to sign', async () => {
    const h = createHarness({ profile: { debug: true } });
    const body = JSON.stringify({ usage_records: [] });
    const headers = usageHeaders(h, body, { key: 'not-the-usage-key' });
    const res = await h.send(signRequest(h, { method: 'POST', path: USAGE_PATH, body, headers }));
    expect((res.body as { extra_info: string }).extra_info).toContain(`string to sign: ts=${headers.ts}&nonce=${headers.nonce}&body=${body}`);
  });
});

describe('readSignatureDiagnosis', () => {
  test.for([
    { name: 'a verdict without a diagnosis', verdict: { id: 'apig.signature', ok: false } },
    { name: 'an unknown scheme', verdict: { diagnosis: { scheme: 'v2', canonical: 'x', mistakes: [] } } },
    { name: 'a canonical that is not text', verdict: { diagnosis: { scheme: 'apig', canonical: 1, mistakes: [] } } },
    { name: 'not an object', verdict: 'apig.signature' },
  ])('reads nothing from $name', ({ verdict }) => {
    expect(readSignatureDiagnosis(verdict)).toBeUndefined();
  });

  test('keeps only well-formed mistakes', () => {
    const d = readSignatureDiagnosis({ diagnosis: { scheme: 'apig', canonical: 'GET', mistakes: [{ id: 'a', en: 'e', zh: 'z' }, { id: 1 }] } });
    expect(d?.mistakes).toEqual([{ id: 'a', en: 'e', zh: 'z' }]);
  });
});
