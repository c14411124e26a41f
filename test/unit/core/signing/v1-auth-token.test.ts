import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KoomockError } from '../../../../mock-server/core/errors.js';
import { computeV1AuthToken, diagnoseV1AuthToken, verifyV1AuthToken } from '../../../../mock-server/core/signing/v1/auth-token.js';
import vectors from '../../../fixtures/produce-signing-vectors.json' with { type: 'json' };

const [vector] = vectors.v1AuthToken;
if (vector === undefined) throw new Error('fixture has no V1 vector');

/** Form encoding as a browser or Java's URLEncoder writes it: space as `+`. */
const formEncode = (v: string): string => encodeURIComponent(v).replace(/%20/g, '+');
const toQuery = (pairs: readonly (readonly [string, string])[]): string => pairs.map(([k, v]) => `${k}=${v}`).join('&');
const token = (key: string, message: string): string => createHmac('sha256', key).update(message).digest('base64');

// A V1 newInstance with an encrypted mobilePhone (Base64 has + / =) and a value with a space.
const KEY = 'v1SellerKey-001';
const PARAMS: readonly (readonly [string, string])[] = [
  ['timeStamp', '20200727073711903'],
  ['activity', 'newInstance'],
  ['mobilePhone', 'abcdefghijklmnopk+z/0w=='],
  ['orderId', 'CS1906666666ABCDE'],
  ['userName', 'Zhang San'],
];
const sorted = [...PARAMS].sort(([a], [b]) => (a < b ? -1 : 1));
const MESSAGE = toQuery(sorted);
const TOKEN = token(`${KEY}20200727073711903`, MESSAGE);
const wire = (params: readonly (readonly [string, string])[], authToken: string): string =>
  `${toQuery(params.map(([k, v]) => [k, formEncode(v)]))}&authToken=${encodeURIComponent(authToken)}`;

describe('computeV1AuthToken', () => {
  test('signs the decoded values sorted by name with key + timeStamp', () => {
    expect(computeV1AuthToken({ key: KEY, params: Object.fromEntries(PARAMS) })).toBe(TOKEN);
  });

  test('leaves authToken itself out of the message', () => {
    expect(computeV1AuthToken({ key: KEY, params: { ...Object.fromEntries(PARAMS), authToken: 'x' } })).toBe(TOKEN);
  });

  test('throws INPUT_INVALID without a timeStamp', () => {
    expect(() => computeV1AuthToken({ key: KEY, params: { activity: 'newInstance' } })).toThrow(KoomockError);
  });
});

describe('verifyV1AuthToken', () => {
  test('accepts a query with + for spaces and %2B/%2F/%3D in values and token', () => {
    expect(verifyV1AuthToken({ key: KEY, query: `?${wire(PARAMS, TOKEN)}` })).toEqual({ ok: true, canonical: MESSAGE });
  });

  test('accepts parameters in any order on the wire', () => {
    expect(verifyV1AuthToken({ key: KEY, query: wire([...PARAMS].reverse(), TOKEN) }).ok).toBe(true);
  });

  const negatives: readonly { name: string; query: string; reason: string }[] = [
    { name: 'a missing authToken', query: toQuery(PARAMS.map(([k, v]) => [k, formEncode(v)])), reason: 'missing' },
    { name: 'an empty authToken', query: `${wire(PARAMS, TOKEN)}`.replace(/authToken=.*$/, 'authToken='), reason: 'missing' },
    { name: 'a missing timeStamp', query: wire(PARAMS.slice(1), TOKEN), reason: 'missing' },
    { name: 'a broken percent escape', query: `${wire(PARAMS, TOKEN)}&x=%E0%A4%A`, reason: 'malformed' },
    { name: 'one changed value', query: wire(PARAMS, TOKEN).replace('CS1906666666ABCDE', 'CS1906666666ABCDF'), reason: 'mismatch' },
    { name: 'an extra parameter', query: `${wire(PARAMS, TOKEN)}&testFlag=1`, reason: 'mismatch' },
    { name: 'a token made with another key', query: wire(PARAMS, token('other20200727073711903', MESSAGE)), reason: 'mismatch' },
  ];

  test.for(negatives)('rejects $name as $reason', ({ query, reason }) => {
    expect(verifyV1AuthToken({ key: KEY, query })).toMatchObject({ ok: false, reason });
  });

  test('names the likely mistake in a mismatch detail', () => {
    const verdict = verifyV1AuthToken({ key: KEY, query: wire(PARAMS, token(KEY, MESSAGE)) });
    expect(verdict.ok ? '' : verdict.detail).toMatch(/key-without-timestamp/);
  });
});

describe('diagnoseV1AuthToken', () => {
  const rawSorted = toQuery(sorted.map(([k, v]) => [k, formEncode(v)]));
  const mistaken: readonly (readonly [id: string, query: string])[] = [
    ['params-not-sorted', wire(PARAMS, token(`${KEY}20200727073711903`, toQuery(PARAMS)))],
    ['values-not-decoded', wire(PARAMS, token(`${KEY}20200727073711903`, rawSorted))],
    ['key-without-timestamp', wire(PARAMS, token(KEY, MESSAGE))],
    ['token-url-encoded', wire(PARAMS, encodeURIComponent(TOKEN))],
  ];

  test.for(mistaken)('names exactly %s for a token computed that way', ([id, query]) => {
    const diagnosis = diagnoseV1AuthToken({ key: KEY, query });
    expect(diagnosis.mistakes.map((m) => m.id)).toEqual([id]);
    expect(diagnosis.mistakes[0]?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  test('names no mistake for the correct token', () => {
    expect(diagnoseV1AuthToken({ key: KEY, query: wire(PARAMS, TOKEN) })).toEqual({ canonical: MESSAGE, expected: TOKEN, mistakes: [] });
  });

  test('reproduces the §6.4 vector message', () => {
    const query = wire(Object.entries(vector.params), vector.authToken);
    expect(diagnoseV1AuthToken({ key: vector.key, query })).toEqual({ canonical: vector.message, expected: vector.authToken, mistakes: [] });
  });
});

describe('untrusted input', () => {
  test('verify and diagnose never throw on an arbitrary query string', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        diagnoseV1AuthToken({ key: KEY, query });
        return typeof verifyV1AuthToken({ key: KEY, query }).ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});
