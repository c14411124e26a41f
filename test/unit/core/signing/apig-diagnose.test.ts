import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { type ApigSignInput, signApigRequest } from '../../../../mock-server/core/signing/apig/apig.js';
import { APIG_MISTAKES, diagnoseApigSignature } from '../../../../mock-server/core/signing/apig/diagnose.js';
import type { ApigRequest } from '../../../../mock-server/core/signing/apig/verify.js';
import { rowAt } from '../../../support/signing-vectors.js';
import { apigVector, receivedFromVector, toReceived } from './apig-fixtures.js';

const v1 = apigVector('vector 1');
const v2 = apigVector('vector 2');
const v3 = apigVector('vector 3a');
const SK = v3.sk;
const DATE = '20241121T090846Z';
const QUERY_URL = v3.request.url;
const BASE_URL = 'https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1';
const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Sdk-Date': DATE };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmacHex = (key: string | Uint8Array, s: string) => createHmac('sha256', key).update(s).digest('hex');

/** How a seller's signer went wrong; every field defaults to the correct computation. */
interface Slip {
  readonly cr?: (canonicalRequest: string) => string;
  readonly stringToSign?: (canonicalRequest: string) => string;
  readonly key?: string | Uint8Array;
  readonly signature?: (hex: string) => string;
  readonly signedHeaders?: string;
}

/** A request whose signature was computed with `slip`, as the server receives it. */
function slipped(request: Partial<ApigSignInput>, slip: Slip): ApigRequest {
  const sk = SK;
  const input: ApigSignInput = { method: 'GET', url: QUERY_URL, headers: JSON_HEADERS, ak: 'AK', sk, ...request };
  const signed = signApigRequest(input);
  const date = signed.headers['X-Sdk-Date'] ?? '';
  const cr = slip.cr ? slip.cr(signed.canonicalRequest) : signed.canonicalRequest;
  const sts = slip.stringToSign ? slip.stringToSign(cr) : `SDK-HMAC-SHA256\n${date}\n${sha256(cr)}`;
  const hex = hmacHex(slip.key ?? sk, sts);
  const signature = slip.signature ? slip.signature(hex) : hex;
  let authorization = signed.authorization.replace(/Signature=\w+$/, `Signature=${signature}`);
  if (slip.signedHeaders) authorization = authorization.replace(/SignedHeaders=[^,]+/, `SignedHeaders=${slip.signedHeaders}`);
  const body = typeof input.body === 'string' ? input.body : '';
  return toReceived(input.method, input.url, { headers: signed.headers, authorization }, body);
}

const post = (body: string, headers: Record<string, string> = JSON_HEADERS): Partial<ApigSignInput> => ({
  method: 'POST',
  url: `${BASE_URL}/isv/usage-data`,
  headers,
  body,
});
const lastLine = (replacement: string) => (cr: string) => cr.replace(/[^\n]*$/, replacement);
const BODY = '{"usage_records":[{"instance_id":"i-1","usage_value":"99"}]}';

const rows: readonly (readonly [string, () => ApigRequest])[] = [
  ['missing-trailing-slash', () => slipped({}, { cr: (cr) => cr.replace('/order/query/\n', '/order/query\n') })],
  ['path-encoded-twice', () => slipped({ url: `${BASE_URL}/a%20b` }, { cr: (cr) => cr.replace('/a%20b/', '/a%2520b/') })],
  ['path-not-encoded', () => slipped({ url: `${BASE_URL}/a%20b` }, { cr: (cr) => cr.replace('/a%20b/', '/a b/') })],
  ['encoding-not-rfc3986', () => slipped({ url: `${BASE_URL}/q?q=a%28b%29%20c` }, { cr: (cr) => cr.replace('q=a%28b%29%20c', 'q=a(b)%20c') })],
  [
    'query-not-sorted',
    () =>
      slipped({}, { cr: (cr) => cr.replace(/\norderId=[^\n]*/, '\norderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW') }),
  ],
  ['query-sorted-before-encoding', () => slipped({ url: `${BASE_URL}/q?%C3%A9=1&z=2` }, { cr: (cr) => cr.replace('%C3%A9=1&z=2', 'z=2&%C3%A9=1') })],
  ['query-not-encoded', () => slipped({ url: `${BASE_URL}/q?q=a%2Cb` }, { cr: (cr) => cr.replace('q=a%2Cb', 'q=a,b') })],
  ['query-encoded-plus', () => slipped({ url: `${BASE_URL}/q?q=a%20b` }, { cr: (cr) => cr.replace('q=a%20b', 'q=a+b') })],
  ['method-not-uppercased', () => slipped({}, { cr: (cr) => cr.replace(/^GET/, 'get') })],
  [
    'header-not-trimmed',
    () =>
      slipped(
        { headers: { ...JSON_HEADERS, 'Content-Type': ' application/json ' } },
        { cr: (cr) => cr.replace('content-type:application/json', 'content-type: application/json ') },
      ),
  ],
  [
    'header-name-not-lowercased',
    () =>
      slipped(
        {},
        { cr: (cr) => cr.replace('content-type:', 'Content-Type:').replace('host:', 'Host:').replace('x-sdk-date:', 'X-Sdk-Date:') },
      ),
  ],
  [
    'signed-headers-not-sorted',
    () =>
      slipped(
        {},
        {
          signedHeaders: 'x-sdk-date;host;content-type',
          cr: (cr) =>
            cr
              .replace(/content-type:.*\nhost:.*\nx-sdk-date:.*\n/, `x-sdk-date:${DATE}\nhost:mkt.myhuaweicloud.com\ncontent-type:application/json\n`)
              .replace('\ncontent-type;host;x-sdk-date\n', '\nx-sdk-date;host;content-type\n'),
        },
      ),
  ],
  [
    'signed-header-missing-value',
    () =>
      slipped(
        { method: 'POST', url: v2.request.url, headers: v2.request.headers },
        { cr: (cr) => cr.replace('x-stage:RELEASE', 'x-stage:') },
      ),
  ],
  [
    'host-mismatch',
    () =>
      slipped(
        { url: QUERY_URL.replace('https://mkt.myhuaweicloud.com', 'http://127.0.0.1:8080') },
        { cr: (cr) => cr.replace('host:127.0.0.1:8080', 'host:mkt.myhuaweicloud.com') },
      ),
  ],
  [
    'unsigned-payload-expected',
    () => slipped(post(BODY, { ...JSON_HEADERS, 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' }), { cr: lastLine(sha256(BODY)) }),
  ],
  ['unsigned-payload-not-sent', () => slipped(post(BODY), { cr: lastLine('UNSIGNED-PAYLOAD') })],
  ['body-hash-of-empty', () => slipped(post(BODY), { cr: lastLine(sha256('')) })],
  ['body-hashed-after-reserialising', () => slipped(post(JSON.stringify(JSON.parse(BODY), null, 2)), { cr: lastLine(sha256(BODY)) })],
  ['payload-hash-upper-case', () => slipped(post(BODY), { cr: lastLine(sha256(BODY).toUpperCase()) })],
  [
    'date-mismatch',
    () =>
      slipped(
        {},
        {
          cr: (cr) => cr.replace(`x-sdk-date:${DATE}`, 'x-sdk-date:20241121T090847Z'),
          stringToSign: (cr) => `SDK-HMAC-SHA256\n20241121T090847Z\n${sha256(cr)}`,
        },
      ),
  ],
  ['sk-base64', () => slipped({}, { key: Buffer.from(SK, 'base64') })],
  [
    'aws-sigv4-scope',
    () => slipped({}, { stringToSign: (cr) => `SDK-HMAC-SHA256\n${DATE}\n20241121/cn-north-4/mkt/sdk_request\n${sha256(cr)}` }),
  ],
  ['signature-upper-case', () => slipped({}, { signature: (hex) => hex.toUpperCase() })],
];

describe('diagnoseApigSignature', () => {
  test('names missing-trailing-slash, and nothing else, for vector 1 signed without the trailing slash', () => {
    const cr = v1.canonicalRequest.replace('/vpcs/\n', '/vpcs\n');
    const signature = hmacHex(v1.sk, `SDK-HMAC-SHA256\n20191115T033655Z\n${sha256(cr)}`);
    const req = receivedFromVector({ ...v1, authorization: v1.authorization.replace(v1.signature, signature) });
    const diagnosis = diagnoseApigSignature(req, v1.sk);
    expect(diagnosis.mistakes.map((m) => m.id)).toEqual(['missing-trailing-slash']);
    expect(diagnosis).toMatchObject({ canonical: v1.canonicalRequest, expected: v1.signature });
  });

  test.for(rows)('names %s, and nothing else, for a signature made that way', ([id, build]) => {
    expect(diagnoseApigSignature(build(), SK).mistakes.map((m) => m.id)).toEqual([id]);
  });

  test('recognises an AWS SigV4 signer with a derived key and no trailing slash', () => {
    const req = slipped(
      { url: v1.request.url, headers: v1.request.headers },
      {
        cr: (cr) => cr.replace('/vpcs/\n', '/vpcs\n'),
        stringToSign: (cr) => `AWS4-HMAC-SHA256\n20191115T033655Z\n20191115/region/service/aws4_request\n${sha256(cr)}`,
        key: ['20191115', 'region', 'service', 'aws4_request'].reduce<string | Uint8Array>(
          (k, part) => createHmac('sha256', k).update(part).digest(),
          `AWS4${SK}`,
        ),
      },
    );
    expect(diagnoseApigSignature(req, SK).mistakes.map((m) => m.id)).toEqual(['aws-sigv4-scope']);
  });

  test('names no mistake for a correct signature', () => {
    expect(diagnoseApigSignature(slipped({}, {}), SK)).toMatchObject({ mistakes: [], expected: v3.signature });
  });

  test('names no mistake for a signature no known mistake explains', () => {
    expect(diagnoseApigSignature(slipped({}, { signature: () => '0'.repeat(64) }), SK).mistakes).toEqual([]);
  });

  test('signs every header when the Authorization header does not parse', () => {
    const req = receivedFromVector({ ...v3, authorization: 'Bearer x' });
    expect(diagnoseApigSignature(req, SK)).toMatchObject({ canonical: v3.canonicalRequest, mistakes: [] });
  });

  test('every known mistake has a test row and en + zh advice', () => {
    expect(rows.map(([id]) => id).sort()).toEqual(APIG_MISTAKES.map((m) => m.id).sort());
    for (const m of APIG_MISTAKES) {
      expect(m.en.length, m.id).toBeGreaterThan(30);
      expect(m.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('returns plain data (no functions) so adapters can serialise it', () => {
    const diagnosis = diagnoseApigSignature(rowAt(rows, 0)[1](), SK);
    expect(JSON.parse(JSON.stringify(diagnosis))).toEqual(diagnosis);
  });
});
