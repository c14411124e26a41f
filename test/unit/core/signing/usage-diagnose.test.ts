import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { UsageVerifyInput } from '../../../../mock-server/core/signing/usage/usage.js';
import { diagnoseUsageSignature } from '../../../../mock-server/core/signing/usage/diagnose.js';
import { USAGE_MISTAKES } from '../../../../mock-server/core/signing/usage/mistakes.js';
import { rowAt } from '../../../support/signing-vectors.js';
import { VECTORS } from './apig-fixtures.js';

const vector = rowAt(VECTORS.usage, 0);
const { key, ts, nonce } = vector;
const mac = (text: string, k: string | Uint8Array = key) => createHmac('sha256', k).update(text).digest();
const correct = (body: string, t = ts) => `ts=${t}&nonce=${nonce}&body=${body}`;

/** A push as received: `body` sent, `signature` computed the mistaken way. */
const push = (body: string, signature: string, t = ts): UsageVerifyInput => ({ key, ts: t, nonce, signature, body });

const UNSORTED = '{"usage_records":[{"usage_value":"99","instance_id":"i-1"}]}';
const SORTED = '{"usage_records":[{"instance_id":"i-1","usage_value":"99"}]}';
const seconds = ts.slice(0, -3);

const rows: readonly (readonly [string, UsageVerifyInput])[] = [
  ['ts-in-seconds', push(vector.body, mac(correct(vector.body, seconds)).toString('base64'), seconds)],
  ['hex-instead-of-base64', push(vector.body, mac(vector.message).toString('hex'))],
  ['signature-not-standard-base64', push(vector.body, mac(vector.message).toString('base64url'))],
  ['body-sorted', push(UNSORTED, mac(correct(SORTED)).toString('base64'))],
  ['body-with-spaces', push(SORTED, mac(correct('{"usage_records": [{"instance_id": "i-1", "usage_value": "99"}]}')).toString('base64'))],
  ['body-reserialised', push('{ "usage_records": [ ] }', mac(correct('{"usage_records":[]}')).toString('base64'))],
  ['body-not-signed', push(vector.body, mac(correct('')).toString('base64'))],
  ['wrong-separator', push(vector.body, mac(`ts=${ts}&nonce=${nonce}&${vector.body}`).toString('base64'))],
  ['wrong-field-order', push(vector.body, mac(`nonce=${nonce}&ts=${ts}&body=${vector.body}`).toString('base64'))],
  ['key-base64-decoded', push(vector.body, mac(vector.message, Buffer.from(key, 'base64')).toString('base64'))],
];

describe('diagnoseUsageSignature', () => {
  test.for(rows)('names %s, and nothing else, for a signature made that way', ([id, input]) => {
    expect(diagnoseUsageSignature(input).mistakes.map((m) => m.id)).toEqual([id]);
  });

  test('names ts-in-seconds when the seller signed seconds but sent milliseconds', () => {
    const input = push(vector.body, mac(correct(vector.body, seconds)).toString('base64'));
    expect(diagnoseUsageSignature(input).mistakes.map((m) => m.id)).toEqual(['ts-in-seconds']);
  });

  test('returns the signed text and the expected signature of the vector', () => {
    expect(diagnoseUsageSignature(push(vector.body, 'x'))).toMatchObject({ canonical: vector.message, expected: vector.signature });
  });

  test('names no mistake for a correct signature', () => {
    expect(diagnoseUsageSignature(push(vector.body, vector.signature)).mistakes).toEqual([]);
  });

  test('in canonical mode a signature over the sorted body is correct, not body-sorted', () => {
    const input = push(UNSORTED, mac(correct(SORTED)).toString('base64'));
    expect(diagnoseUsageSignature(input, { mode: 'canonical' }).mistakes).toEqual([]);
  });

  test('names no mistake for a signature no known mistake explains', () => {
    expect(diagnoseUsageSignature(push(vector.body, 'AAAA')).mistakes).toEqual([]);
  });

  test('every known mistake has a test row and en + zh advice', () => {
    expect(rows.map(([id]) => id).sort()).toEqual(USAGE_MISTAKES.map((m) => m.id).sort());
    for (const m of USAGE_MISTAKES) {
      expect(m.en.length, m.id).toBeGreaterThan(30);
      expect(m.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
