import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listProduceMistakeIds } from '../../../../mock-server/core/signing/produce/mistakes.js';
import {
  computeV2Signature,
  diagnoseV2Signature,
  type V2VerifyInput,
  verifyV2Signature,
} from '../../../../mock-server/core/signing/produce/v2.js';
import vectors from '../../../fixtures/produce-signing-vectors.json' with { type: 'json' };

const [vector] = vectors.v2;
if (vector === undefined) throw new Error('fixture has no V2 vector');
const TS = Number(vector.timestamp);
const valid: V2VerifyInput = {
  key: vector.key,
  body: vector.payload,
  signature: vector.signature.toUpperCase(),
  timestamp: vector.timestamp,
  nonce: vector.nonce,
};

describe('verifyV2Signature', () => {
  test('accepts the vector with an upper-case or lower-case signature', () => {
    expect(verifyV2Signature(valid, { now: TS }).ok).toBe(true);
    expect(verifyV2Signature({ ...valid, signature: vector.signature }, { now: TS }).ok).toBe(true);
  });

  test('accepts a body with unsorted keys and whitespace, because it re-serialises canonically like the demo', () => {
    const body = '{ "testFlag": "0", "orderLineId": "CS2211181819B4LVS-000001", "orderId": "CS2211181819B4LVS",\n "businessId": "87b94795-0603-4e24-8ae5-69420d60e3c8", "activity": "newInstance", "x": null }';
    expect(verifyV2Signature({ ...valid, body }, { now: TS })).toMatchObject({ ok: true, payload: vector.payload });
  });

  test('accepts a timestamp exactly 60 seconds old or ahead', () => {
    expect(verifyV2Signature(valid, { now: TS + 60_000 }).ok).toBe(true);
    expect(verifyV2Signature(valid, { now: TS - 60_000 }).ok).toBe(true);
  });

  test('never puts the key into the canonical string it returns', () => {
    const verdict = verifyV2Signature(valid, { now: TS });
    expect(verdict.canonical.startsWith('{accessKey}')).toBe(true);
    expect(verdict.canonical).not.toContain(vector.key);
  });

  const negatives: readonly { name: string; change: Partial<V2VerifyInput>; now?: number; seen?: boolean; reason: string }[] = [
    { name: 'one changed byte of the body', change: { body: vector.payload.replace('"testFlag":"0"', '"testFlag":"1"') }, reason: 'mismatch' },
    { name: 'a wrong key', change: { key: 'wrongAccessKey12' }, reason: 'mismatch' },
    { name: 'a missing nonce', change: { nonce: undefined }, reason: 'missing' },
    { name: 'an empty signature', change: { signature: '' }, reason: 'missing' },
    { name: 'a missing timestamp', change: { timestamp: undefined }, reason: 'missing' },
    { name: 'a timestamp 61 s old', change: {}, now: TS + 61_000, reason: 'stale' },
    { name: 'a timestamp 61 s in the future', change: {}, now: TS - 61_000, reason: 'future' },
    { name: 'a timestamp in seconds', change: { timestamp: vector.timestamp.slice(0, 10) }, reason: 'stale' },
    { name: 'a replayed nonce', change: {}, seen: true, reason: 'replayed' },
    { name: 'a signature of 63 hex characters', change: { signature: vector.signature.slice(1) }, reason: 'malformed' },
    { name: 'a signature with a non-hex character', change: { signature: `${vector.signature.slice(1)}g` }, reason: 'malformed' },
    { name: 'a timestamp with a letter', change: { timestamp: `${vector.timestamp.slice(1)}x` }, reason: 'malformed' },
    { name: 'a body that is a JSON array', change: { body: '[1,2]' }, reason: 'malformed' },
    { name: 'a body that is not JSON', change: { body: 'activity=newInstance' }, reason: 'malformed' },
  ];

  test.for(negatives)('rejects $name as $reason', (row) => {
    const verdict = verifyV2Signature({ ...valid, ...row.change }, { now: row.now ?? TS, seenNonce: () => row.seen === true });
    expect(verdict).toMatchObject({ ok: false, reason: row.reason });
  });

  test('says a 10-digit timestamp looks like seconds', () => {
    const verdict = verifyV2Signature({ ...valid, timestamp: vector.timestamp.slice(0, 10) }, { now: TS });
    expect(verdict.ok ? '' : verdict.detail).toMatch(/looks like seconds/);
  });

  test('asks the nonce cache only about a nonce whose signature is valid', () => {
    const asked: string[] = [];
    const seenNonce = (n: string) => {
      asked.push(n);
      return true;
    };
    verifyV2Signature({ ...valid, key: 'other' }, { now: TS, seenNonce });
    expect(asked).toEqual([]);
  });

  test('names the likely mistake in a mismatch detail, without the key', () => {
    const body = '{"orderId":"CS1","activity":"newInstance"}';
    const signature = sig(vector.key, body, vector.nonce, vector.timestamp);
    const verdict = verifyV2Signature({ ...valid, body, signature }, { now: TS });
    expect(verdict).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verdict.ok ? '' : verdict.detail).toMatch(/body-not-sorted/);
    expect(verdict.ok ? '' : verdict.detail).not.toContain(vector.key);
  });
});

// Independent re-implementation for the mistaken variants: plain node:crypto, no koomock code.
const hmac = (key: string, msg: string): string => createHmac('sha256', key).update(msg).digest('hex');
const sig = (key: string, payload: string, nonce: string, ts: string, inner = hmac(key, payload)): string =>
  hmac(key, key + nonce + ts + inner);

const KEY = Buffer.from('secret-key-12345').toString('base64');
const NONCE = 'Of4lsV7H1qrzVDI52O5CFk2ofPcZRaA6';
const STAMP = '1729566664115';
const RAW = '{"orderId":"CS1","activity":"newInstance","extra":null,"productInfo":{"skuCode":"s1","amount":2}}';
const CANONICAL = '{"activity":"newInstance","orderId":"CS1","productInfo":{"skuCode":"s1","amount":2}}';

const mistaken: readonly (readonly [id: string, how: string, compute: () => string])[] = [
  ['body-not-sorted', 'the raw body', () => sig(KEY, RAW, NONCE, STAMP)],
  ['body-sorted-descending', 'keys Z to A', () => sig(KEY, '{"productInfo":{"skuCode":"s1","amount":2},"orderId":"CS1","activity":"newInstance"}', NONCE, STAMP)],
  ['body-with-spaces', 'Python json.dumps separators', () => sig(KEY, '{"activity": "newInstance", "orderId": "CS1", "productInfo": {"skuCode": "s1", "amount": 2}}', NONCE, STAMP)],
  ['body-with-spaces', 'pretty-printed with 2 spaces', () => sig(KEY, JSON.stringify(JSON.parse(CANONICAL), null, 2), NONCE, STAMP)],
  ['nested-sorted', 'productInfo sorted too', () => sig(KEY, '{"activity":"newInstance","orderId":"CS1","productInfo":{"amount":2,"skuCode":"s1"}}', NONCE, STAMP)],
  ['nulls-kept', 'extra:null kept', () => sig(KEY, '{"activity":"newInstance","extra":null,"orderId":"CS1","productInfo":{"skuCode":"s1","amount":2}}', NONCE, STAMP)],
  ['timestamp-in-seconds', 'ts/1000', () => sig(KEY, CANONICAL, NONCE, STAMP.slice(0, 10))],
  ['inner-without-key', 'inner = SHA-256', () => sig(KEY, CANONICAL, NONCE, STAMP, createHash('sha256').update(CANONICAL).digest('hex'))],
  ['inner-upper-case', 'inner in upper case', () => sig(KEY, CANONICAL, NONCE, STAMP, hmac(KEY, CANONICAL).toUpperCase())],
  ['key-base64-decoded', 'key decoded from Base64', () => sig('secret-key-12345', CANONICAL, NONCE, STAMP)],
  ['key-base64-encoded', 'key encoded to Base64', () => sig(Buffer.from(KEY).toString('base64'), CANONICAL, NONCE, STAMP)],
  ['nonce-timestamp-swapped', 'key+timestamp+nonce', () => hmac(KEY, KEY + STAMP + NONCE + hmac(KEY, CANONICAL))],
  ['no-inner-digest', 'kit formula', () => hmac(KEY, KEY + NONCE + STAMP + CANONICAL)],
];

describe('diagnoseV2Signature', () => {
  const input = { key: KEY, body: RAW, timestamp: STAMP, nonce: NONCE };

  test('has a test row for every mistake of the V2 catalogue', () => {
    expect([...new Set(mistaken.map(([id]) => id))].sort()).toEqual(listProduceMistakeIds('v2').sort());
  });

  test.for(mistaken)('names exactly %s for a signature computed with %s', ([id, , compute]) => {
    const diagnosis = diagnoseV2Signature({ ...input, signature: compute().toUpperCase() });
    expect(diagnosis.mistakes.map((m) => m.id)).toEqual([id]);
    expect(diagnosis.mistakes[0]?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  test('names no mistake for a correct signature and returns it as expected', () => {
    const correct = sig(KEY, CANONICAL, NONCE, STAMP);
    expect(computeV2Signature({ key: KEY, payload: CANONICAL, timestamp: STAMP, nonce: NONCE })).toBe(correct);
    expect(diagnoseV2Signature({ ...input, signature: correct })).toEqual({
      canonical: `{accessKey}${NONCE}${STAMP}${hmac(KEY, CANONICAL)}`,
      payload: CANONICAL,
      expected: correct,
      mistakes: [],
    });
  });

  test('names no mistake for an unrelated signature', () => {
    expect(diagnoseV2Signature({ ...input, signature: 'ab'.repeat(32) }).mistakes).toEqual([]);
  });
});

describe('untrusted input', () => {
  test('verify and diagnose never throw on arbitrary text', () => {
    const text = fc.option(fc.string(), { nil: undefined });
    fc.assert(
      fc.property(fc.string(), fc.string(), text, text, text, (key, body, signature, timestamp, nonce) => {
        const verdict = verifyV2Signature({ key, body, signature, timestamp, nonce }, { now: TS });
        diagnoseV2Signature({ key, body, signature: signature ?? '', timestamp: timestamp ?? '', nonce: nonce ?? '' });
        return typeof verdict.ok === 'boolean';
      }),
      { numRuns: 200 },
    );
  });
});
