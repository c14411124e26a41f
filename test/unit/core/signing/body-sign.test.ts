import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  diagnoseBodySign,
  parseBodySignHeader,
  toBodySignHeader,
  verifyBodySign,
} from '../../../../mock-server/core/signing/body-sign/body-sign.js';
import vectors from '../../../fixtures/produce-signing-vectors.json' with { type: 'json' };

const [vector] = vectors.bodySign;
if (vector === undefined) throw new Error('fixture has no Body-Sign vector');
const SIG = vector.signature;

describe('toBodySignHeader / parseBodySignHeader', () => {
  test('writes the documented form', () => {
    expect(toBodySignHeader(SIG)).toBe(`sign_type="HMAC-SHA256", signature= "${SIG}"`);
  });

  test.for([
    ['the documented form', `sign_type="HMAC-SHA256", signature= "${SIG}"`],
    ['no spaces', `sign_type="HMAC-SHA256",signature="${SIG}"`],
    ['spaces around = and ,', `sign_type = "HMAC-SHA256" ,  signature =  "${SIG}"`],
    ['signature first', `signature="${SIG}", sign_type="HMAC-SHA256"`],
  ] as const)('reads %s', ([, header]) => {
    expect(parseBodySignHeader(header)).toEqual({ signType: 'HMAC-SHA256', signature: SIG });
  });

  test.for([
    ['unquoted values', `sign_type=HMAC-SHA256, signature=${SIG}`],
    ['a missing signature field', 'sign_type="HMAC-SHA256"'],
    ['a repeated field', 'sign_type="HMAC-SHA256", sign_type="HMAC-SHA256"'],
    ['an unknown field', `sign_type="HMAC-SHA256", sig="${SIG}"`],
    ['a bare signature', SIG],
    ['an empty string', ''],
  ] as const)('rejects %s', ([, header]) => {
    expect(parseBodySignHeader(header)).toBeUndefined();
  });
});

describe('verifyBodySign', () => {
  const valid = { key: vector.key, body: vector.body, header: toBodySignHeader(SIG) };

  test('accepts the vector, as a string or as bytes', () => {
    expect(verifyBodySign(valid)).toEqual({ ok: true });
    expect(verifyBodySign({ ...valid, body: new TextEncoder().encode(vector.body) })).toEqual({ ok: true });
  });

  test.for([
    { name: 'a missing header', change: { header: undefined }, reason: 'missing' },
    { name: 'an empty header', change: { header: ' ' }, reason: 'missing' },
    { name: 'an unparsable header', change: { header: SIG }, reason: 'malformed' },
    { name: 'sign_type HMAC-SHA1', change: { header: `sign_type="HMAC-SHA1", signature="${SIG}"` }, reason: 'malformed' },
    { name: 'one changed byte of the body', change: { body: vector.body.replace('abc', 'abd') }, reason: 'mismatch' },
    { name: 'a trailing newline added to the body', change: { body: `${vector.body}\n` }, reason: 'mismatch' },
    { name: 'a wrong key', change: { key: 'otherKey' }, reason: 'mismatch' },
  ] as const)('rejects $name as $reason', ({ change, reason }) => {
    expect(verifyBodySign({ ...valid, ...change })).toMatchObject({ ok: false, reason });
  });
});

describe('diagnoseBodySign', () => {
  const KEY = 'v1SellerKey-001';
  const TIME_STAMP = '20200727073711903';
  const b64 = (key: string, body: string): string => createHmac('sha256', key).update(body).digest('base64');
  const COMPACT = '{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}';

  test.for([
    { id: 'key-with-timestamp', how: 'key + timeStamp', body: COMPACT, given: b64(KEY + TIME_STAMP, COMPACT) },
    { id: 'body-reserialised', how: 'the trimmed body', body: `${COMPACT}\n`, given: b64(KEY, COMPACT) },
    { id: 'body-reserialised', how: 'a compact object for a pretty body', body: JSON.stringify(JSON.parse(COMPACT), null, 2), given: b64(KEY, COMPACT) },
    { id: 'body-reserialised', how: 'an object with spaces', body: COMPACT, given: b64(KEY, '{"resultCode": "000000", "resultMsg": "success.", "instanceId": "abc"}') },
    { id: 'hex-instead-of-base64', how: 'a hex digest', body: COMPACT, given: createHmac('sha256', KEY).update(COMPACT).digest('hex') },
  ])('names exactly $id for $how', ({ id, body, given }) => {
    const diagnosis = diagnoseBodySign({ key: KEY, body, header: toBodySignHeader(given), timeStamp: TIME_STAMP });
    expect(diagnosis.mistakes.map((m) => m.id)).toEqual([id]);
  });

  test('names no mistake for a correct signature, given bare', () => {
    const expected = b64(KEY, COMPACT);
    expect(diagnoseBodySign({ key: KEY, body: COMPACT, header: expected, timeStamp: TIME_STAMP })).toEqual({ canonical: COMPACT, expected, mistakes: [] });
  });
});

describe('untrusted input', () => {
  test('parse, verify and diagnose never throw on an arbitrary header and body', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (header, body) => {
        parseBodySignHeader(header);
        diagnoseBodySign({ key: 'k', body, header });
        return typeof verifyBodySign({ key: 'k', body, header }).ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});
