import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toCanonicalJson } from '../../../../mock-server/core/signing/canonical-json.js';
import {
  computeUsageSignature,
  toUsageSigningBytes,
  type UsageVerifyInput,
  type UsageVerifyOptions,
  verifyUsageSignature,
} from '../../../../mock-server/core/signing/usage/usage.js';
import { rowAt } from '../../../support/signing-vectors.js';
import { VECTORS } from './apig-fixtures.js';

const vector = rowAt(VECTORS.usage, 0);
const NOW = Number(vector.ts);
const valid: UsageVerifyInput = { key: vector.key, ts: vector.ts, nonce: vector.nonce, signature: vector.signature, body: vector.body };
const verify = (input: Partial<UsageVerifyInput> = {}, options: Partial<UsageVerifyOptions> = {}) =>
  verifyUsageSignature({ ...valid, ...input }, { now: NOW, ...options });
const sign = (body: string, ts = vector.ts, nonce = vector.nonce) => computeUsageSignature({ key: vector.key, ts, nonce, body });

describe('usage push signature known-answer vectors (open-api.md §3.3.1)', () => {
  test.for(VECTORS.usage.map((v) => [v.name, v] as const))('computes %s', ([, v]) => {
    expect(toUsageSigningBytes(v).toString('utf8')).toBe(v.message);
    expect(computeUsageSignature(v)).toBe(v.signature);
    expect(computeUsageSignature({ ...v, body: Buffer.from(v.body), ts: Number(v.ts) })).toBe(v.signature);
  });

  test.for(VECTORS.usage.map((v) => [v.name, v] as const))('verifies %s in raw and canonical mode', ([, v]) => {
    const input = { key: v.key, ts: v.ts, nonce: v.nonce, signature: v.signature, body: Buffer.from(v.body) };
    expect(verifyUsageSignature(input, { now: Number(v.ts) })).toEqual({ ok: true, variant: 'raw' });
    expect(verifyUsageSignature(input, { now: Number(v.ts), mode: 'canonical' })).toEqual({ ok: true, variant: 'raw' });
  });
});

describe('verifyUsageSignature', () => {
  const unsorted = '{"usage_records":[{"usage_value":"99","instance_id":"i-1"}]}';
  const sortedSignature = sign(toCanonicalJson(JSON.parse(unsorted), { recursive: true }));

  test('canonical mode accepts a signature over the recursively key-sorted body and names that variant', () => {
    expect(verify({ body: unsorted, signature: sortedSignature }, { mode: 'canonical' })).toEqual({ ok: true, variant: 'canonical' });
  });

  test('raw mode (the default) rejects a signature over a re-sorted body', () => {
    expect(verify({ body: unsorted, signature: sortedSignature })).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  test.for([
    ['exactly 60 s old', -60_000],
    ['exactly 60 s ahead', 60_000],
  ] as const)('accepts a ts %s', ([, offset]) => {
    const ts = String(NOW + offset);
    expect(verify({ ts, signature: sign(vector.body, ts) }).ok).toBe(true);
  });

  const old = String(NOW - 61_000);
  const ahead = String(NOW + 61_000);
  const seconds = String(Math.floor(NOW / 1000));
  test.for([
    ['no signature header', { signature: undefined }, {}, 'missing'],
    ['no ts header', { ts: undefined }, {}, 'missing'],
    ['an empty nonce', { nonce: '' }, {}, 'missing'],
    ['a ts with letters', { ts: '17321805OOOOO' }, {}, 'malformed'],
    ['a 21-digit ts', { ts: '1'.repeat(21) }, {}, 'malformed'],
    ['a 65-character nonce', { nonce: 'n'.repeat(65) }, {}, 'malformed'],
    ['a signature that is not base64', { signature: 'not base64!' }, {}, 'malformed'],
    ['an unpadded base64 signature', { signature: vector.signature.replace(/=$/, '') }, {}, 'malformed'],
    ['a ts 61 s old', { ts: old, signature: sign(vector.body, old) }, {}, 'stale'],
    ['a ts 61 s ahead', { ts: ahead, signature: sign(vector.body, ahead) }, {}, 'future'],
    ['a ts in seconds', { ts: seconds, signature: sign(vector.body, seconds) }, {}, 'stale'],
    ['a changed body', { body: vector.body.replace('"99"', '"98"') }, {}, 'mismatch'],
    ['another key', { key: 'anotherKey' }, {}, 'mismatch'],
    ['another nonce', { nonce: 'ffffffffffffffff' }, {}, 'mismatch'],
    ['a hex signature', { signature: createHmac('sha256', vector.key).update(vector.message).digest('hex') }, {}, 'mismatch'],
    ['a nonce already used', {}, { seenNonce: (n: string) => n === vector.nonce }, 'replayed'],
  ] as const)('rejects %s', ([, input, options, reason]) => {
    expect(verify(input, options)).toMatchObject({ ok: false, reason });
  });

  test('tells a seller sending ts in seconds to send milliseconds', () => {
    const verdict = verify({ ts: seconds, signature: sign(vector.body, seconds) });
    expect(verdict.ok ? '' : verdict.detail).toContain('milliseconds');
  });

  test('asks the nonce store only once the signature is good, so a forged push cannot burn a nonce', () => {
    const asked: string[] = [];
    const seenNonce = (n: string) => {
      asked.push(n);
      return false;
    };
    verify({ key: 'anotherKey' }, { seenNonce });
    expect(asked).toEqual([]);
    expect(verify({}, { seenNonce })).toEqual({ ok: true, variant: 'raw' });
    expect(asked).toEqual([vector.nonce]);
  });

  test('never puts the key in a failure detail', () => {
    const verdict = verify({ signature: sign('{}') });
    expect(verdict.ok ? '' : verdict.detail).not.toContain(vector.key);
  });

  test('throws a KEY_MISSING error when koomock has no usage key to check with', () => {
    expect(() => verify({ key: '' })).toThrow(expect.objectContaining({ code: 'KEY_MISSING' }));
  });

  test('does not throw on a body that is not UTF-8 or not JSON in canonical mode', () => {
    expect(verify({ body: new Uint8Array([0xff, 0xfe, 0x7b]) }, { mode: 'canonical' })).toMatchObject({ reason: 'mismatch' });
  });
});

describe('verifyUsageSignature on untrusted input', () => {
  test('never throws, whatever the headers and body', () => {
    const optional = fc.option(fc.string(), { nil: undefined });
    fc.assert(
      fc.property(optional, optional, optional, fc.oneof(fc.string(), fc.uint8Array()), (ts, nonce, signature, body) => {
        const verdict = verifyUsageSignature({ key: 'k', ts, nonce, signature, body }, { now: NOW, mode: 'canonical' });
        expect(typeof verdict.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
