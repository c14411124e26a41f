import { describe, expect, test } from 'vitest';
import { resignProduceRequest } from '../../../../mock-server/adapters/pact/resign.js';
import { verifyKitSignature, verifyV2Signature } from '../../../../mock-server/core/signing/index.js';

const KEYS = { basic: 'basic-key-0123456789', general: 'general-key-0123456789', kit: 'kit-key-0123456789' };
const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);
const clock = { wallNow: () => NOW };

/** What Pact's proxy hands on: the body re-serialised (keys unsorted), the recorded stale signature. */
const replayed = (body: unknown, path = '/produce?nonce=old&signature=AB&timestamp=1') => ({
  pathAndQuery: path,
  headers: { 'content-type': 'application/json;charset=utf-8', host: '127.0.0.1:1' },
  body: Buffer.from(JSON.stringify(body)),
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a re-signed request');
  return value;
}

const query = (pathAndQuery: string) => new URL(pathAndQuery, 'http://x').searchParams;

describe('resignProduceRequest', () => {
  test('signs a V2 call again over the exact bytes forwarded, with a fresh timestamp and nonce', () => {
    const out = resignProduceRequest(replayed({ orderLineId: 'L', activity: 'newInstance', orderId: 'O' }), { keys: KEYS, clock });
    expect(out?.body.toString()).toBe('{"activity":"newInstance","orderId":"O","orderLineId":"L"}');
    expect(out?.setHeaders['content-length']).toBe(String(out?.body.length));
    expect(out?.setHeaders['content-type']).toBe('application/json;charset=utf8');
    const q = query(must(out).pathAndQuery);
    expect(q.get('timestamp')).toBe(String(NOW));
    expect(q.get('nonce')).not.toBe('old');
    expect(new URL(must(out).pathAndQuery, 'http://x').pathname).toBe('/produce');
    const verdict = verifyV2Signature({ key: KEYS.basic, body: must(out).body.toString(), signature: q.get('signature') ?? undefined, timestamp: q.get('timestamp') ?? undefined, nonce: q.get('nonce') ?? undefined }, { now: NOW });
    expect(verdict.ok).toBe(true);
  });

  test('signs orderNotify with the general key', () => {
    const out = resignProduceRequest(replayed({ activity: 'orderNotify', orderId: 'O', orderLineId: 'L' }), { keys: KEYS, clock });
    const q = query(must(out).pathAndQuery);
    const input = { body: must(out).body.toString(), signature: q.get('signature') ?? undefined, timestamp: q.get('timestamp') ?? undefined, nonce: q.get('nonce') ?? undefined };
    expect(verifyV2Signature({ ...input, key: KEYS.general }, { now: NOW }).ok).toBe(true);
    expect(verifyV2Signature({ ...input, key: KEYS.basic }, { now: NOW }).ok).toBe(false);
  });

  test('signs a kit call in the x-sign headers with the kit key', () => {
    const out = resignProduceRequest(replayed({ tenantId: 't', instanceId: 'i', flag: 1 }, '/produce/produceAPI/v2/tenantSync'), { keys: KEYS, clock });
    expect(out?.activity).toBe('tenantSync');
    expect(out?.pathAndQuery).toBe('/produce/produceAPI/v2/tenantSync');
    const h = must(out).setHeaders;
    expect(verifyKitSignature({ key: KEYS.kit, body: must(out).body.toString(), sign: h['x-sign'], timestamp: h['x-timestamp'], nonce: h['x-nonce'] }, { now: NOW }).ok).toBe(true);
  });

  test.for([
    ['wrong-key', 'mismatch'],
    ['stale-timestamp', 'stale'],
  ] as const)('mode %s makes a signature the seller must reject (%s)', ([mode, reason]) => {
    const out = resignProduceRequest(replayed({ activity: 'releaseInstance', instanceId: 'i' }), { keys: KEYS, clock }, mode);
    const q = query(must(out).pathAndQuery);
    const verdict = verifyV2Signature({ key: KEYS.basic, body: must(out).body.toString(), signature: q.get('signature') ?? undefined, timestamp: q.get('timestamp') ?? undefined, nonce: q.get('nonce') ?? undefined }, { now: NOW });
    expect(verdict.ok ? 'ok' : verdict.reason).toBe(reason);
  });

  test('leaves anything that is not a produce call alone', () => {
    expect(resignProduceRequest({ pathAndQuery: '/produce', headers: {}, body: Buffer.from('not json') }, { keys: KEYS })).toBeUndefined();
    expect(resignProduceRequest(replayed({ hello: 'world' }), { keys: KEYS })).toBeUndefined();
  });
});
