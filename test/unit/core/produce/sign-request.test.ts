import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { buildProduceRequest } from '../../../../mock-server/core/produce/activities.js';
import type { BuildContext } from '../../../../mock-server/core/produce/build-context.js';
import { signProduceRequest } from '../../../../mock-server/core/produce/sign-request.js';
import type { CallSpec, SellerKeys } from '../../../../mock-server/core/produce/types.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { toCanonicalJson } from '../../../../mock-server/core/signing/index.js';
import { createTestClock, createTestRandom, SELLER_URL, TEST_KEYS } from './support.js';

interface Vectors {
  v2: { name: string; key: string; payload: string; nonce: string; timestamp: string; signature: string }[];
  kit: { name: string; key: string; payload: string; nonce: string; timestamp: string; sign: string }[];
  v1AuthToken: { name: string; key: string; params: Record<string, string>; authToken: string }[];
}
const vectors = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/produce-signing-vectors.json'), 'utf8')) as Vectors;

const ctx = (overrides: Parameters<typeof withProfile>[0] = {}): BuildContext => ({
  profile: withProfile(overrides),
  clock: createTestClock(),
  random: createTestRandom(),
});

const hmacHex = (key: string, msg: string) => createHmac('sha256', key).update(msg).digest('hex');
/** Independent V2 reference: signature = hex HMAC(key, key + nonce + timestamp + lowerhex HMAC(key, payload)). */
const referenceV2 = (key: string, payload: string, timestamp: string, nonce: string) => hmacHex(key, key + nonce + timestamp + hmacHex(key, payload));

const sign = (spec: CallSpec, c: BuildContext = ctx(), keys: SellerKeys = TEST_KEYS) => signProduceRequest(buildProduceRequest(spec, c), keys, c, spec.signOverrides);

const ids = { orderId: 'CS2211181819B4LVS', orderLineId: 'CS2211181819B4LVS-000001' };

describe('V2 URL signature', () => {
  test('reproduces the produce-api §6.1 vector when body, timestamp and nonce are pinned', () => {
    const v = vectors.v2.find((r) => r.name.includes('§6.1'));
    if (v === undefined) throw new Error('vector missing');
    const signed = sign(
      {
        activity: 'newInstance',
        url: SELLER_URL,
        fields: ids,
        overrides: { businessId: '87b94795-0603-4e24-8ae5-69420d60e3c8', testFlag: '0' },
        signOverrides: { timestamp: v.timestamp, nonce: v.nonce },
      },
      ctx(),
      { basic: v.key },
    );
    expect(signed.body).toBe(v.payload);
    expect(signed.url).toBe(`${SELLER_URL}?signature=${v.signature.toUpperCase()}&timestamp=${v.timestamp}&nonce=${v.nonce}`);
  });

  test('signs orderNotify with the general key (open-api §5.3 vector)', () => {
    const v = vectors.v2.find((r) => r.name.includes('orderNotify'));
    if (v === undefined) throw new Error('vector missing');
    const signed = sign(
      { activity: 'orderNotify', url: SELLER_URL, fields: ids, debugFlag: true, signOverrides: { timestamp: v.timestamp, nonce: v.nonce } },
      ctx(),
      { basic: 'not-this-one', general: v.key },
    );
    expect(signed.signing.signature).toBe(v.signature.toUpperCase());
  });

  test('uses the wall clock in ms, a 32-character alphanumeric nonce and upper-case hex by default', () => {
    const signed = sign({ activity: 'queryInstance', url: SELLER_URL, fields: { instanceId: 'i1' } });
    const q = new URL(signed.url).searchParams;
    expect(q.get('timestamp')).toBe('1680508066618');
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(q.get('signature')).toBe(referenceV2(TEST_KEYS.basic, signed.body as string, '1680508066618', q.get('nonce') as string).toUpperCase());
  });

  test('follows the profile: seconds (docs/fidelity.md#d3), 64 hex nonce (docs/fidelity.md#d4), lower-case hex (docs/fidelity.md#d5)', () => {
    const signed = sign({ activity: 'queryInstance', url: SELLER_URL, fields: { instanceId: 'i1' } }, ctx({ timestampUnit: 'seconds', nonce: 'hex64', signatureCase: 'lower' }));
    const q = new URL(signed.url).searchParams;
    expect(q.get('timestamp')).toBe('1680508066');
    expect(q.get('nonce')).toMatch(/^[0-9A-F]{64}$/);
    expect(q.get('signature')).toBe(referenceV2(TEST_KEYS.basic, signed.body as string, '1680508066', q.get('nonce') as string));
  });

  test('every signing draws a fresh nonce', () => {
    const c = ctx();
    const nonces = new Set(Array.from({ length: 20 }, () => sign({ activity: 'queryInstance', url: SELLER_URL, fields: { instanceId: 'i' } }, c).signing.nonce));
    expect(nonces.size).toBe(20);
  });

  test('appends to an address that already has a query string', () => {
    const signed = sign({ activity: 'queryInstance', url: `${SELLER_URL}?tenant=a`, fields: { instanceId: 'i' } });
    expect(signed.url).toMatch(/\/saasproduce\?tenant=a&signature=[0-9A-F]{64}&timestamp=\d+&nonce=/);
  });

  test.for([
    ['drops the signature', { signature: null }, /\?timestamp=\d+&nonce=\w+$/],
    ['replaces the signature', { signature: 'BAD' }, /\?signature=BAD&timestamp=/],
    ['drops the nonce', { nonce: null }, /\?signature=[0-9A-F]{64}&timestamp=\d+$/],
  ] as const)('a sign override %s', ([, signOverrides, pattern]) => {
    expect(sign({ activity: 'queryInstance', url: SELLER_URL, fields: { instanceId: 'i' }, signOverrides }).url).toMatch(pattern);
  });

  test('a stale timestamp override is still signed correctly', () => {
    const signed = sign({ activity: 'queryInstance', url: SELLER_URL, fields: { instanceId: 'i' }, signOverrides: { timestamp: '1000' } });
    const q = new URL(signed.url).searchParams;
    expect(q.get('signature')).toBe(referenceV2(TEST_KEYS.basic, signed.body as string, '1000', q.get('nonce') as string).toUpperCase());
  });
});

describe('kit header signature', () => {
  test('reproduces the open-api §4.1 tenantSync vector', () => {
    const v = vectors.kit.find((r) => r.name.includes('tenantSync'));
    if (v === undefined) throw new Error('vector missing');
    const signed = sign(
      {
        activity: 'tenantSync',
        url: 'https://seller.example',
        fields: { instanceId: 'huaiweitest123456', orderId: 'CS1906666666ABCDE', tenantId: '68cbc86abc2018ab880d92f36422fa0e', tenantCode: 'huawei', name: 'huaiweitest', domainName: 'https://example.tenantaccount.com', flag: 1 },
        overrides: { timeStamp: '20220413093539534' },
        signOverrides: { 'x-timestamp': v.timestamp, 'x-nonce': v.nonce },
      },
      ctx(),
      { basic: 'b', kit: v.key },
    );
    // Sent in the documented order of the open-api §4.2 example; signed over the key-sorted payload of the vector.
    expect(signed.body).toBe(
      '{"instanceId":"huaiweitest123456","orderId":"CS1906666666ABCDE","tenantId":"68cbc86abc2018ab880d92f36422fa0e","tenantCode":"huawei","name":"huaiweitest","domainName":"https://example.tenantaccount.com","flag":1,"testFlag":0,"timeStamp":"20220413093539534"}',
    );
    expect(toCanonicalJson(JSON.parse(signed.body ?? ''))).toBe(v.payload);
    expect(signed.url).toBe('https://seller.example/produceAPI/v2/tenantSync');
    expect(signed.headers).toMatchObject({ 'x-sign': v.sign.toUpperCase(), 'x-timestamp': v.timestamp, 'x-nonce': v.nonce });
  });

  test('x-timestamp is milliseconds even under timestampUnit seconds (docs/fidelity.md#d17)', () => {
    const signed = sign({ activity: 'singleOrgSync', url: SELLER_URL, fields: { instanceId: 'i', tenantId: 't', orgCode: 'o', orgName: 'n', flag: 1 } }, ctx({ timestampUnit: 'seconds' }));
    expect(signed.headers['x-timestamp']).toBe('1680508066618');
    const sorted = toCanonicalJson(JSON.parse(signed.body ?? ''));
    expect(signed.headers['x-sign']).toBe(hmacHex(TEST_KEYS.kit as string, `${TEST_KEYS.kit}${signed.headers['x-nonce']}1680508066618${sorted}`).toUpperCase());
    // A seller that HMACs the raw bytes gets another value, as on the platform.
    expect(signed.body).not.toBe(sorted);
    expect(hmacHex(TEST_KEYS.kit as string, `${TEST_KEYS.kit}${signed.headers['x-nonce']}1680508066618${signed.body}`).toUpperCase()).not.toBe(signed.headers['x-sign']);
  });
});

describe('V1 authToken', () => {
  test('reproduces the produce-api §6.4 vector and URL-encodes the token on the wire', () => {
    const v = vectors.v1AuthToken[0];
    if (v === undefined) throw new Error('vector missing');
    const { businessId, timeStamp, customerId, expireTime, orderId, productId } = v.params as Record<string, string>;
    const signed = sign(
      {
        activity: 'newInstance',
        url: 'https://isv.example/produce',
        generation: 'v1',
        debugFlag: true,
        fields: { customerId, expireTime, orderId, productId },
        overrides: { businessId },
        signOverrides: { timeStamp: timeStamp as string },
      },
      ctx(),
      { basic: 'b', v1: v.key },
    );
    expect(signed.signing.signature).toBe(v.authToken);
    expect(signed.url).toBe(
      `https://isv.example/produce?activity=newInstance&businessId=${businessId}&customerId=${customerId}&expireTime=${expireTime}&orderId=${orderId}&productId=${productId}&testFlag=1&timeStamp=${timeStamp}&authToken=${encodeURIComponent(v.authToken)}`,
    );
  });

  test('timeStamp is the wall clock as 17 UTC digits', () => {
    const signed = sign({ activity: 'instanceStatus', url: SELLER_URL, generation: 'v1', fields: { instanceId: 'i', instanceStatus: 'FREEZE' } });
    expect(new URL(signed.url).searchParams.get('timeStamp')).toBe('20230403074746618');
  });
});

describe('keys', () => {
  test.for([
    ['orderNotify', { activity: 'orderNotify', fields: ids }, '--general-key'],
    ['a kit call', { activity: 'allOrgSync', fields: { instanceId: 'i', tenantId: 't', orgInfoList: [] } }, '--kit-key'],
    ['a V1 call', { activity: 'queryInstance', generation: 'v1' as const, fields: { instanceId: 'i' } }, '--v1-key'],
    ['a V2 basic call', { activity: 'queryInstance', fields: { instanceId: 'i' } }, '--key'],
  ] as const)('%s without its key fails with KEY_MISSING naming %s', ([, partial, flag]) => {
    const c = ctx();
    const req = buildProduceRequest({ url: SELLER_URL, ...partial }, c);
    try {
      signProduceRequest(req, { basic: flag === '--key' ? '' : 'basic-only' }, c);
      throw new Error('expected KEY_MISSING');
    } catch (e) {
      expect(isKoomockError(e) && e.code).toBe('KEY_MISSING');
      expect((e as Error).message).toContain(`pass it with ${flag}`);
      expect((e as Error).message).not.toContain('basic-only');
    }
  });
});
