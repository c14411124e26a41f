import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ApigSignInput, signApigRequest, toDebugCanonical } from '../../../../mock-server/core/signing/apig/apig.js';
import { toSdkDate } from '../../../../mock-server/core/signing/apig/sdk-date.js';
import { type ApigRequest, verifyApigRequest } from '../../../../mock-server/core/signing/apig/verify.js';
import { apigVector, signedAt, toReceived } from './apig-fixtures.js';

// Vectors 3a/3c (order query and usage push) as the starting point of every negative test.
const query = apigVector('vector 3a');
const push = apigVector('vector 3c');
const AK = query.ak;
const SK = query.sk;
const NOW = signedAt(query);
const MIN = 60_000;
const lookupSk = (ak: string) => (ak === AK ? SK : undefined);

const base: ApigSignInput = {
  method: query.request.method,
  url: query.request.url,
  headers: query.request.headers,
  ak: AK,
  sk: SK,
};

/** Signs `input` (base plus overrides), then lets `edit` break the received request. */
function received(overrides: Partial<ApigSignInput> = {}, edit: (r: ApigRequest) => ApigRequest = (r) => r): ApigRequest {
  const input = { ...base, ...overrides };
  const body = typeof input.body === 'string' ? input.body : '';
  return edit(toReceived(input.method, input.url, signApigRequest(input), body));
}

const withHeaders = (r: ApigRequest, headers: Record<string, string>): ApigRequest => ({ ...r, headers: { ...r.headers, ...headers } });
const without = (r: ApigRequest, name: string): ApigRequest => ({
  ...r,
  headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => k !== name)),
});
/** The Authorization header of a signed request (every request `received()` builds has one). */
const authorizationOf = (r: ApigRequest): string => {
  const value = r.headers['authorization'];
  if (value === undefined) throw new Error('the signed request has no Authorization header');
  return value;
};
const flipLastByte = (s: string): string => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0');

describe('verifyApigRequest', () => {
  test('accepts a valid request and reports the AK and signed headers', () => {
    expect(verifyApigRequest(received(), { lookupSk, now: NOW })).toMatchObject({
      ok: true,
      ak: AK,
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
    });
  });

  test('accepts Go-SDK style signing where content-type is not signed', () => {
    const r = received({ signedHeaders: ['host', 'x-sdk-date'] });
    expect(verifyApigRequest(r, { lookupSk, now: NOW })).toMatchObject({ ok: true, signedHeaders: ['host', 'x-sdk-date'] });
  });

  test('ignores a change to a header that was not signed', () => {
    const r = received({ signedHeaders: ['host', 'x-sdk-date'] }, (x) => withHeaders(x, { 'content-type': 'text/plain' }));
    expect(verifyApigRequest(r, { lookupSk, now: NOW }).ok).toBe(true);
  });

  test('accepts a POST body hashed as sent (vector 3c)', () => {
    const r = received({ method: 'POST', url: push.request.url, headers: push.request.headers, body: push.request.body });
    expect(verifyApigRequest(r, { lookupSk, now: signedAt(push) }).ok).toBe(true);
  });

  test.for([
    ['exactly 15 minutes old', -15 * MIN],
    ['exactly 15 minutes ahead', 15 * MIN],
  ] as const)('accepts an X-Sdk-Date %s', ([, offset]) => {
    const r = received({ date: toSdkDate(NOW + offset) });
    expect(verifyApigRequest(r, { lookupSk, now: NOW }).ok).toBe(true);
  });

  const mismatch = 'mismatch';
  test.for([
    ['no Authorization header', () => without(received(), 'authorization'), 'missing'],
    ['no X-Sdk-Date header', () => without(received(), 'x-sdk-date'), 'missing'],
    [
      'a malformed Authorization header',
      () => received({}, (r) => withHeaders(r, { authorization: authorizationOf(r).replace('Access=', 'Credential=') })),
      'malformed',
    ],
    [
      'an AWS-style Authorization header',
      () => received({}, (r) => withHeaders(r, { authorization: authorizationOf(r).replace('SDK-HMAC-SHA256', 'AWS4-HMAC-SHA256') })),
      'malformed',
    ],
    ['SignedHeaders without host', () => received({ signedHeaders: ['content-type', 'x-sdk-date'] }), 'malformed'],
    ['SignedHeaders without x-sdk-date', () => received({ signedHeaders: ['content-type', 'host'] }), 'malformed'],
    ['an X-Sdk-Date in extended ISO format', () => received({ date: '2024-11-21T09:08:46Z' }), 'malformed'],
    ['an X-Sdk-Date 16 minutes old', () => received({ date: toSdkDate(NOW - 16 * MIN) }), 'stale'],
    ['an X-Sdk-Date 16 minutes ahead', () => received({ date: toSdkDate(NOW + 16 * MIN) }), 'future'],
    [
      'one changed signature byte',
      () => received({}, (r) => withHeaders(r, { authorization: flipLastByte(authorizationOf(r)) })),
      mismatch,
    ],
    [
      'the signature in upper case',
      () => received({}, (r) => withHeaders(r, { authorization: authorizationOf(r).replace(/Signature=(\w+)/, (_, s: string) => `Signature=${s.toUpperCase()}`) })),
      mismatch,
    ],
    ['an unknown AK', () => received({ ak: 'UNKNOWNAK00000000000' }), mismatch],
    ['a changed query', () => received({}, (r) => ({ ...r, query: r.query.replace('000001', '000002') })), mismatch],
    ['a changed path', () => received({}, (r) => ({ ...r, path: `${r.path}x` })), mismatch],
    ['a changed method', () => received({}, (r) => ({ ...r, method: 'POST' })), mismatch],
    ['a changed signed header', () => received({}, (r) => withHeaders(r, { 'content-type': 'text/plain' })), mismatch],
    [
      'a changed body',
      () => received({ body: '{"a":1}' }, (r) => ({ ...r, rawBody: Buffer.from('{"a":2}') })),
      mismatch,
    ],
  ] as const)('rejects %s', ([, build, reason]) => {
    expect(verifyApigRequest(build(), { lookupSk, now: NOW })).toMatchObject({ ok: false, reason });
  });

  test('answers an unknown AK exactly like a wrong signature (docs/fidelity.md#d22)', () => {
    const unknown = verifyApigRequest(received(), { lookupSk: () => undefined, now: NOW });
    const wrong = verifyApigRequest(received(), { lookupSk: () => 'another-sk', now: NOW });
    expect(unknown).toEqual(wrong);
    expect(unknown.ok ? '' : unknown.detail).not.toContain(SK);
  });

  test('returns the canonical request on failure, printable APIG-style with | for newlines (docs/fidelity.md#d21)', () => {
    const verdict = verifyApigRequest(received(), { lookupSk: () => 'another-sk', now: NOW });
    expect(verdict.canonicalRequest).toBe(query.canonicalRequest);
    expect(toDebugCanonical(verdict.canonicalRequest ?? '')).toBe(
      'GET|/api/mkp-openapi-public/global/v1/order/query/|orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001|' +
        'content-type:application/json|host:mkt.myhuaweicloud.com|x-sdk-date:20241121T090846Z||content-type;host;x-sdk-date|' +
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  test('names a signed header the request does not carry', () => {
    const r = received({ headers: { ...base.headers, 'X-Extra': '1' } }, (x) => without(x, 'x-extra'));
    const verdict = verifyApigRequest(r, { lookupSk, now: NOW });
    expect(verdict).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verdict.ok ? '' : verdict.detail).toContain('x-extra');
  });

  test.for([
    ['SignedHeaders naming inherited properties', 'SDK-HMAC-SHA256 Access=A, SignedHeaders=__proto__;constructor;host;x-sdk-date, Signature=00'],
    ['an empty SignedHeaders entry', 'SDK-HMAC-SHA256 Access=A, SignedHeaders=host;;x-sdk-date, Signature=00'],
    ['a 100 kB header', `SDK-HMAC-SHA256 Access=${'A'.repeat(100_000)}, SignedHeaders=host;x-sdk-date, Signature=00`],
  ] as const)('does not throw on %s', ([, authorization]) => {
    const r = received({}, (x) => ({ ...withHeaders(x, { authorization }), path: '/%E4%BA/100%' }));
    expect(verifyApigRequest(r, { lookupSk: () => SK, now: NOW }).ok).toBe(false);
  });
});

describe('verifyApigRequest on untrusted input', () => {
  test('never throws, whatever the path, query, headers and body', () => {
    const header = fc.oneof(
      fc.string(),
      fc.constant(query.authorization),
      fc.constant('SDK-HMAC-SHA256 Access=A, SignedHeaders=constructor;host;x-sdk-date, Signature=00'),
    );
    fc.assert(
      fc.property(
        fc.record({
          method: fc.string(),
          path: fc.string(),
          query: fc.string(),
          authorization: header,
          date: fc.oneof(fc.string(), fc.constant('20241121T090846Z')),
          extra: fc.dictionary(fc.string(), fc.string()),
          rawBody: fc.uint8Array(),
        }),
        (r) => {
          const headers = { ...r.extra, host: 'h', authorization: r.authorization, 'x-sdk-date': r.date };
          const req = { method: r.method, path: r.path, query: r.query, headers, rawBody: r.rawBody };
          expect(typeof verifyApigRequest(req, { lookupSk, now: NOW }).ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
