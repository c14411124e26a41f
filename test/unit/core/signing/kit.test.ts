import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { computeKitSignature, diagnoseKitSignature, type KitVerifyInput, verifyKitSignature } from '../../../../mock-server/core/signing/kit/kit.js';
import { listProduceMistakeIds } from '../../../../mock-server/core/signing/produce/mistakes.js';
import vectors from '../../../fixtures/produce-signing-vectors.json' with { type: 'json' };

const vector = vectors.kit.find((v) => v.name.includes('tenantSync'));
if (vector === undefined) throw new Error('fixture has no tenantSync kit vector');
const TS = Number(vector.timestamp);
const valid: KitVerifyInput = { key: vector.key, body: vector.payload, sign: vector.sign, timestamp: vector.timestamp, nonce: vector.nonce };

describe('verifyKitSignature', () => {
  test('accepts the tenantSync vector in its documented (unsorted) field order', () => {
    const documented = '{"instanceId":"huaiweitest123456","orderId":"CS1906666666ABCDE","tenantId":"68cbc86abc2018ab880d92f36422fa0e","tenantCode":"huawei","name":"huaiweitest","domainName":"https://example.tenantaccount.com","flag":1,"testFlag":0,"timeStamp":"20220413093539534"}';
    expect(verifyKitSignature({ ...valid, body: documented }, { now: TS })).toMatchObject({ ok: true, payload: vector.payload });
  });

  test('accepts a lower-case x-sign', () => {
    expect(verifyKitSignature({ ...valid, sign: vector.sign.toLowerCase() }, { now: TS }).ok).toBe(true);
  });

  const negatives: readonly { name: string; change: Partial<KitVerifyInput>; now?: number; seen?: boolean; reason: string }[] = [
    { name: 'one changed byte of the body', change: { body: vector.payload.replace('"flag":1', '"flag":2') }, reason: 'mismatch' },
    { name: 'a wrong key', change: { key: 'testAccessKey123' }, reason: 'mismatch' },
    { name: 'a missing x-nonce', change: { nonce: undefined }, reason: 'missing' },
    { name: 'a missing x-sign', change: { sign: undefined }, reason: 'missing' },
    { name: 'an empty x-timestamp', change: { timestamp: '' }, reason: 'missing' },
    { name: 'an x-timestamp 61 s old', change: {}, now: TS + 61_000, reason: 'stale' },
    { name: 'an x-timestamp 61 s in the future', change: {}, now: TS - 61_000, reason: 'future' },
    { name: 'an x-timestamp in seconds', change: { timestamp: vector.timestamp.slice(0, 10) }, reason: 'stale' },
    { name: 'a replayed x-nonce', change: {}, seen: true, reason: 'replayed' },
    { name: 'an x-sign in Base64', change: { sign: Buffer.from(vector.sign, 'hex').toString('base64') }, reason: 'malformed' },
  ];

  test.for(negatives)('rejects $name as $reason', (row) => {
    const verdict = verifyKitSignature({ ...valid, ...row.change }, { now: row.now ?? TS, seenNonce: () => row.seen === true });
    expect(verdict).toMatchObject({ ok: false, reason: row.reason });
  });

  test('names the header in a missing detail', () => {
    const verdict = verifyKitSignature({ ...valid, nonce: undefined }, { now: TS });
    expect(verdict.ok ? '' : verdict.detail).toMatch(/header x-nonce/);
  });
});

const hmac = (key: string, msg: string): string => createHmac('sha256', key).update(msg).digest('hex');
const KEY = 'kitKey-Example-9';
const NONCE = 'b6c1f0e2a9d84c3e';
const STAMP = '1680508066618';
const RAW = '{"tenantId":"t1","flag":1,"testFlag":0,"orgInfo":{"orgName":"A","orgCode":"a"},"parentCode":null}';
const CANONICAL = '{"flag":1,"orgInfo":{"orgName":"A","orgCode":"a"},"tenantId":"t1","testFlag":0}';
const sign = (payload: string, key = KEY, ts = STAMP): string => hmac(key, key + NONCE + ts + payload);

const mistaken: readonly (readonly [id: string, compute: () => string])[] = [
  ['body-not-sorted', () => sign(RAW)],
  ['body-sorted-descending', () => sign('{"testFlag":0,"tenantId":"t1","orgInfo":{"orgName":"A","orgCode":"a"},"flag":1}')],
  ['body-with-spaces', () => sign('{"flag": 1, "orgInfo": {"orgName": "A", "orgCode": "a"}, "tenantId": "t1", "testFlag": 0}')],
  ['nested-sorted', () => sign('{"flag":1,"orgInfo":{"orgCode":"a","orgName":"A"},"tenantId":"t1","testFlag":0}')],
  ['nulls-kept', () => sign('{"flag":1,"orgInfo":{"orgName":"A","orgCode":"a"},"parentCode":null,"tenantId":"t1","testFlag":0}')],
  ['timestamp-in-seconds', () => sign(CANONICAL, KEY, STAMP.slice(0, 10))],
  ['key-base64-encoded', () => sign(CANONICAL, Buffer.from(KEY).toString('base64'))],
  ['nonce-timestamp-swapped', () => hmac(KEY, KEY + STAMP + NONCE + CANONICAL)],
  ['inner-digest-added', () => sign(hmac(KEY, CANONICAL))],
];

describe('diagnoseKitSignature', () => {
  const input = { key: KEY, body: RAW, timestamp: STAMP, nonce: NONCE };

  test('covers every kit mistake except key-base64-decoded (the key here is not Base64)', () => {
    expect([...mistaken.map(([id]) => id), 'key-base64-decoded'].sort()).toEqual(listProduceMistakeIds('kit').sort());
  });

  test.for(mistaken)('names exactly %s for an x-sign computed that way', ([id, compute]) => {
    expect(diagnoseKitSignature({ ...input, sign: compute() }).mistakes.map((m) => m.id)).toEqual([id]);
  });

  test('names key-base64-decoded when a Base64 key was decoded first', () => {
    const key = Buffer.from('kit-plain-key').toString('base64');
    const given = hmac('kit-plain-key', `kit-plain-key${NONCE}${STAMP}${CANONICAL}`);
    expect(diagnoseKitSignature({ ...input, key, sign: given }).mistakes.map((m) => m.id)).toEqual(['key-base64-decoded']);
  });

  test('names no mistake for a correct x-sign', () => {
    const correct = computeKitSignature({ key: KEY, payload: CANONICAL, timestamp: STAMP, nonce: NONCE });
    expect(correct).toBe(sign(CANONICAL));
    expect(diagnoseKitSignature({ ...input, sign: correct.toUpperCase() })).toMatchObject({ expected: correct, mistakes: [] });
  });
});
