import { describe, expect, test } from 'vitest';
import { deriveAesKey, decryptEitherType, decryptV1, encryptV1 } from '../../examples/seller-express/src/v1-aes.js';
import { computeV1AuthToken as sellerAuthToken, parseV1TimeStamp, toBodySign } from '../../examples/seller-express/src/verify-v1.js';
import { computeV1AuthToken, decryptV1Field, encryptV1Field, verifyBodySign } from '../../mock-server/core/signing/index.js';
import { toMillisTime } from '../../mock-server/core/market/time-format.js';
import { startV1ReferenceSeller, type V1TestSeller } from '../support/v1-sellers.js';

/*
 * The reference seller's V1 routes (GET on its production address) against V1 calls made here with
 * koomock's own signer and AES: authToken accepted and refused, Body-Sign over the exact answer,
 * mobilePhone/email decrypted with either key size, userName/password encrypted back, idempotency
 * by orderId and the instance lifecycle. The seller shares no code with koomock; its own functions
 * are checked against the spec's vectors.
 */

const V1_KEY = 'e2e-v1-reference-key-0123456789';

/** A V1 GET as the marketplace sends it: values URL-encoded, authToken over the decoded values. */
function v1Url(seller: V1TestSeller, fields: Record<string, string>, options: { key?: string; at?: number } = {}): string {
  const params = { ...fields, timeStamp: toMillisTime(options.at ?? Date.now()) };
  const authToken = computeV1AuthToken({ key: options.key ?? V1_KEY, params });
  const query = Object.keys(params).sort().map((k) => `${k}=${encodeURIComponent(params[k as keyof typeof params] as string)}`).join('&');
  return `${seller.produceUrl}?${query}&authToken=${encodeURIComponent(authToken)}`;
}

interface V1Answer {
  readonly value: Record<string, unknown>;
  readonly bodySignOk: boolean;
}

async function call(url: string): Promise<V1Answer> {
  const r = await fetch(url);
  expect(r.status).toBe(200);
  const body = Buffer.from(await r.arrayBuffer());
  const verdict = verifyBodySign({ key: V1_KEY, body, header: r.headers.get('body-sign') ?? undefined });
  return { value: JSON.parse(body.toString('utf8')) as Record<string, unknown>, bodySignOk: verdict.ok };
}

const it = test.extend<{ seller: V1TestSeller }>({
  seller: async ({}, use) => {
    const seller = await startV1ReferenceSeller({ v1Key: V1_KEY });
    await use(seller);
    await seller.close();
  },
});

const encrypt = (plaintext: string, encryptType: '1' | '2') => encryptV1Field({ key: V1_KEY, encryptType, plaintext, random: { bytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 200) } });

describe('reference seller: V1 crypto against the spec vectors', () => {
  test('derives the SHA1PRNG AES keys of produce-api.md §7', () => {
    expect(deriveAesKey('testAccessKey123', '1').toString('hex')).toBe('0413c5de84a4312c10f237cf102c14f909635c067f68c442f5d9aa865fb0d176');
    expect(deriveAesKey('testAccessKey123', '2').toString('hex')).toBe('0413c5de84a4312c10f237cf102c14f9');
    expect(deriveAesKey('ebf72724-bacc-414b-a86b-fda5bcc8153c', '1').toString('hex')).toBe('9dae850c6750255efbf285046f83df9fbb0733d6cada35a5c9a8918e5213371d');
  });

  test.for([
    { encryptType: '1' as const, cipher: 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==' },
    { encryptType: '2' as const, cipher: 'abcdefghijklmnophSViD56uRtzvT8vEfymQQw==' },
  ])('encrypts and decrypts the fixed vector of encryptType $encryptType both ways', ({ encryptType, cipher }) => {
    expect(encryptV1('testAccessKey123', encryptType, 'Huawei12345', 'abcdefghijklmnop')).toBe(cipher);
    expect(decryptV1('testAccessKey123', encryptType, cipher)).toBe('Huawei12345');
    expect(decryptEitherType('testAccessKey123', cipher)).toEqual({ plaintext: 'Huawei12345', encryptType });
    expect(decryptV1Field({ key: 'testAccessKey123', encryptType, value: encryptV1('testAccessKey123', encryptType, 'Huawei12345') })).toEqual({ ok: true, plaintext: 'Huawei12345' });
    expect(decryptV1('another-key', encryptType, cipher)).toBeUndefined();
  });

  test('computes the authToken and Body-Sign vectors of produce-api.md §6.4 and §6.5', () => {
    const params = { activity: 'newInstance', businessId: '61e834ba-7b97-4418-b8f7-e5345137278c', customerId: '68cbc86abc2018ab880d92f36422fa0e', expireTime: '20200727153156', orderId: 'CS1906666666ABCDE', productId: '00301-666666-0--0', testFlag: '1', timeStamp: '20200727073711903' };
    expect(sellerAuthToken('testAccessKey123', params)).toBe('IzyXxySagieGHt354yIOhnCrv0vphQN0e9NuWT2MKNY=');
    expect(toBodySign('testAccessKey123', '{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}')).toBe('sign_type="HMAC-SHA256", signature= "T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00="');
    expect(parseV1TimeStamp('20200727073711903')).toBe(Date.UTC(2020, 6, 27, 7, 37, 11, 903));
    expect(parseV1TimeStamp('20201327073711903')).toBeUndefined();
  });
});

describe('reference seller: V1 calls over HTTP', () => {
  const order = (orderId: string, businessId: string) => ({ activity: 'newInstance', orderId, businessId, customerId: '68cbc86abc2018ab880d92f36422fa0e', customerName: 'buyer', productId: '00301-666666-0--0', chargingMode: '1', periodType: 'month', periodNumber: '1', expireTime: '20300101000000' });

  it.for([{ encryptType: '1' as const }, { encryptType: '2' as const }])(
    'newInstance with mobilePhone/email encrypted by encryptType $encryptType: signed answer, userName/password encrypted the same way',
    async ({ encryptType }, { seller }) => {
      const answer = await call(v1Url(seller, { ...order(`CS-E${encryptType}`, `b-${encryptType}`), mobilePhone: encrypt('13800000000', encryptType), email: encrypt('buyer@example.com', encryptType) }));
      expect(answer.bodySignOk).toBe(true);
      expect(answer.value).toMatchObject({ resultCode: '000000', encryptType, instanceId: `b-${encryptType}` });
      const appInfo = answer.value['appInfo'] as Record<string, string>;
      expect(appInfo.frontEndUrl).toMatch(/^https:\/\//);
      for (const field of ['userName', 'password']) expect(decryptV1Field({ key: V1_KEY, encryptType, value: appInfo[field] as string }).ok).toBe(true);
    },
  );

  it('keeps one instance per orderId across re-sends with new businessIds', async ({ seller }) => {
    const first = await call(v1Url(seller, order('CS-IDEM', 'b-first')));
    const again = await call(v1Url(seller, order('CS-IDEM', 'b-second')));
    expect(first.value['instanceId']).toBe('b-first');
    expect(again.value['instanceId']).toBe('b-first');
  });

  it.for([
    { name: 'a token made with another key', url: (s: V1TestSeller) => v1Url(s, order('CS-A', 'b-a'), { key: 'not-the-v1-key' }) },
    { name: 'a timeStamp 10 minutes old', url: (s: V1TestSeller) => v1Url(s, order('CS-B', 'b-b'), { at: Date.now() - 600_000 }) },
    { name: 'no authToken', url: (s: V1TestSeller) => v1Url(s, order('CS-C', 'b-c')).replace(/&authToken=[^&]*/, '') },
    { name: 'a parameter changed after signing', url: (s: V1TestSeller) => v1Url(s, order('CS-D', 'b-d')).replace('orderId=CS-D', 'orderId=CS-X') },
  ])('refuses $name with 000001, still signed', async ({ url }, { seller }) => {
    const answer = await call(url(seller));
    expect(answer.value['resultCode']).toBe('000001');
    expect(answer.bodySignOk).toBe(true);
  });

  it('refuses a mobilePhone that is not ciphertext (000002) and one that decrypts to no phone number (000101)', async ({ seller }) => {
    expect((await call(v1Url(seller, { ...order('CS-P', 'b-p'), mobilePhone: '13800000000' }))).value['resultCode']).toBe('000002');
    expect((await call(v1Url(seller, { ...order('CS-Q', 'b-q'), mobilePhone: encrypt('call me', '1') }))).value['resultCode']).toBe('000101');
  });

  it('plays the lifecycle: renew, expire, status, upgrade, query, release twice, then 000003', async ({ seller }) => {
    const created = await call(v1Url(seller, order('CS-LIFE', 'b-life')));
    const instanceId = created.value['instanceId'] as string;
    const steps: [Record<string, string>, string][] = [
      [{ activity: 'refreshInstance', orderId: 'CS-RENEW', instanceId, expireTime: '20310101000000', periodType: 'month', periodNumber: '1' }, '000000'],
      [{ activity: 'expireInstance', orderId: 'CS-LIFE', instanceId }, '000000'],
      [{ activity: 'expireInstance', orderId: 'CS-LIFE', instanceId }, '000000'],
      [{ activity: 'instanceStatus', instanceId, instanceStatus: 'NORMAL' }, '000000'],
      [{ activity: 'upgrade', orderId: 'CS-UP', instanceId, skuCode: 'sku-2', productId: 'prod-2' }, '000000'],
      [{ activity: 'queryInstance', instanceId: `${instanceId},unknown-id` }, '000000'],
      [{ activity: 'releaseInstance', orderId: 'CS-LIFE', instanceId }, '000000'],
      [{ activity: 'releaseInstance', orderId: 'CS-LIFE', instanceId }, '000000'],
      [{ activity: 'refreshInstance', orderId: 'CS-RENEW2', instanceId, expireTime: '20320101000000' }, '000003'],
    ];
    for (const [fields, code] of steps) {
      const answer = await call(v1Url(seller, fields));
      expect({ activity: fields['activity'], code: answer.value['resultCode'], signed: answer.bodySignOk }).toEqual({ activity: fields['activity'], code, signed: true });
      if (fields['activity'] === 'queryInstance') expect((answer.value['info'] as { instanceId: string }[]).map((i) => i.instanceId)).toEqual([instanceId]);
    }
  });
});
