import { describe, expect, test } from 'vitest';
import { checkResultCode } from '../../../../mock-server/core/checks/result-code.js';
import { withV1Hint } from '../../../../mock-server/core/checks/v1-result-hint.js';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { DEFAULT_CATALOG } from '../../../../mock-server/config/defaults.js';
import { createFollowOnOrder, toFollowedLine } from '../../../../mock-server/core/market/follow-on.js';
import { createOrder } from '../../../../mock-server/core/market/order.js';
import { buildProduceRequest } from '../../../../mock-server/core/produce/activities.js';
import type { BuildContext } from '../../../../mock-server/core/produce/build-context.js';
import { signProduceRequest } from '../../../../mock-server/core/produce/sign-request.js';
import { toV1OrderFields } from '../../../../mock-server/core/produce/v1-order-fields.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { decryptV1Field, verifyV1AuthToken } from '../../../../mock-server/core/signing/index.js';
import { createTestClock, createTestRandom, SELLER_URL } from './support.js';

const V1_KEY = 'unit-v1-key-0123456789';

const ctx = (v1EncryptType: 'aes256' | 'aes128' = 'aes256', options: { readonly withKey?: boolean } = {}): BuildContext => ({
  profile: withProfile({ generation: 'v1', v1EncryptType }),
  clock: createTestClock(),
  random: createTestRandom(),
  ...(options.withKey === false ? {} : { v1Key: V1_KEY }),
});

const buyer = { customerId: 'c1', orderId: 'CS1', productId: 'P1' };

describe('V1 newInstance sends mobilePhone and email AES-encrypted with the V1 Key', () => {
  test.for([
    { option: 'aes256' as const, encryptType: '1' as const },
    { option: 'aes128' as const, encryptType: '2' as const },
  ])('v1EncryptType $option: IV + Base64 that decrypts under encryptType $encryptType only', ({ option, encryptType }) => {
    const req = buildProduceRequest({ activity: 'newInstance', url: SELLER_URL, fields: { ...buyer, mobilePhone: '13800000000', email: 'buyer@example.com' } }, ctx(option));
    const { mobilePhone, email } = req.params ?? {};
    expect(mobilePhone).toMatch(/^[A-Za-z0-9]{16}[A-Za-z0-9+/]+={0,2}$/);
    expect(decryptV1Field({ key: V1_KEY, encryptType, value: mobilePhone as string })).toEqual({ ok: true, plaintext: '13800000000' });
    expect(decryptV1Field({ key: V1_KEY, encryptType, value: email as string })).toEqual({ ok: true, plaintext: 'buyer@example.com' });
    expect(decryptV1Field({ key: V1_KEY, encryptType: encryptType === '1' ? '2' : '1', value: mobilePhone as string }).ok).toBe(false);
  });

  test('the authToken covers the ciphertext, URL-decoded (a seller verifies before it decrypts)', () => {
    const c = ctx();
    const signed = signProduceRequest(buildProduceRequest({ activity: 'newInstance', url: SELLER_URL, fields: { ...buyer, mobilePhone: '13800000000' } }, c), { basic: 'b', v1: V1_KEY }, c);
    const query = new URL(signed.url).search.slice(1);
    expect(query).toMatch(/mobilePhone=[A-Za-z0-9]{16}[A-Za-z0-9%]+/);
    expect(verifyV1AuthToken({ key: V1_KEY, query }).ok).toBe(true);
  });

  test('a `set` override goes out as given (a plain value, to probe a seller)', () => {
    const req = buildProduceRequest({ activity: 'newInstance', url: SELLER_URL, fields: buyer, overrides: { mobilePhone: '13800000000' } }, ctx());
    expect(req.params?.['mobilePhone']).toBe('13800000000');
  });

  test('without a V1 key, a call carrying mobilePhone is refused (KEY_MISSING naming --v1-key); one without is built', () => {
    let error: unknown;
    try {
      buildProduceRequest({ activity: 'newInstance', url: SELLER_URL, fields: { ...buyer, email: 'a@b.c' } }, ctx('aes256', { withKey: false }));
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) && error.code).toBe('KEY_MISSING');
    expect(String((error as Error).message)).toContain('--v1-key');
    expect(buildProduceRequest({ activity: 'newInstance', url: SELLER_URL, fields: buyer }, ctx('aes256', { withKey: false })).params?.['customerId']).toBe('c1');
  });
});

describe('toV1OrderFields: the order a V1 call carries', () => {
  const random = createTestRandom();
  const period = DEFAULT_CATALOG.find((p) => p.chargingMode === 'PERIOD' && p.linear !== undefined) ?? DEFAULT_CATALOG[0];
  const onDemand = DEFAULT_CATALOG.find((p) => p.chargingMode === 'ON_DEMAND');
  if (period === undefined || onDemand === undefined) throw new Error('the default catalog has a period and an on-demand product');
  const now = Date.UTC(2026, 0, 10);
  const order = createOrder({ sellerId: 's', products: [period], periodType: 'month', periodNumber: 1, buyer: { mobilePhone: '13800000000', email: null }, now, random });
  const line = order.orderInfo.orderLine[0];

  test('newInstance: the buyer (mobilePhone in plain text, null ones left out), product, period, expiry and amount', () => {
    const buyerInfo = order.orderInfo.buyerInfo;
    expect(toV1OrderFields('newInstance', order)).toEqual({
      customerId: buyerInfo?.customerId,
      customerName: buyerInfo?.customerName,
      mobilePhone: '13800000000',
      productId: period.productId,
      skuCode: period.skuCode,
      expireTime: line?.expireTime,
      chargingMode: '1',
      periodType: 'month',
      periodNumber: '1',
      orderAmount: line?.currencyAfterDiscount,
      ...(period.linear === undefined ? {} : { amount: String(period.linear.default) }),
    });
  });

  test('newInstance of a trial sends trialFlag 1; of an on-demand product no chargingMode (its V1 digit is undocumented)', () => {
    const trial = createOrder({ sellerId: 's', products: [period], orderType: 'TRIAL', periodType: 'month', now, random });
    expect(toV1OrderFields('newInstance', trial)['trialFlag']).toBe('1');
    const fields = toV1OrderFields('newInstance', createOrder({ sellerId: 's', products: [onDemand], now, random }));
    expect(fields['chargingMode']).toBeUndefined();
    expect(fields['periodType']).toBeUndefined();
  });

  test('refreshInstance of a TRIAL_TO_FORMAL order sends trialToFormal 1 and the new expiry; upgrade of a CHANGE order the new amount', () => {
    const trial = createOrder({ sellerId: 's', products: [period], orderType: 'TRIAL', periodType: 'month', now, random });
    const formal = createFollowOnOrder({ followed: toFollowedLine(trial, `${trial.orderInfo.orderId}-000001`, []), orderType: 'TRIAL_TO_FORMAL', now: now + 86_400_000, random });
    expect(toV1OrderFields('refreshInstance', formal)).toMatchObject({ trialToFormal: '1', expireTime: formal.orderInfo.orderLine[0]?.expireTime, productId: period.productId });
    expect(formal.orderInfo.buyerInfo).toEqual(trial.orderInfo.buyerInfo);
    if (period.linear !== undefined) {
      const change = createFollowOnOrder({ followed: toFollowedLine(order, `${order.orderInfo.orderId}-000001`, []), orderType: 'CHANGE', linearValue: period.linear.default + 1, now: now + 86_400_000, random });
      expect(toV1OrderFields('upgrade', change)).toEqual({ skuCode: period.skuCode, productId: period.productId, amount: String(period.linear.default + 1) });
    }
    expect(toV1OrderFields('expireInstance', order)).toEqual({});
  });
});

describe('withV1Hint: a failed V1 result.code explains V1', () => {
  const call = { activity: 'newInstance', contactSent: true, encryptType: '2' as const };

  test('000001 explains the authToken instead of the V2 body HMAC', () => {
    const hint = withV1Hint(checkResultCode('expireInstance', { resultCode: '000001', resultMsg: 'bad token' }), { ...call, activity: 'expireInstance' }).hint;
    expect(hint).toContain('V1 Key + timeStamp');
    expect(hint).not.toContain('inner HMAC');
  });

  test.for(['000002', '000101', '000102'])('%s on a newInstance that carried mobilePhone/email names the encryption, then the usual advice', (resultCode) => {
    const hint = withV1Hint(checkResultCode('newInstance', { resultCode }), call).hint ?? '';
    expect(hint).toMatch(/^If the seller could not read mobilePhone or email: .*AES-128-CBC\) \(encryptType 2/);
    expect(hint).toContain(' Otherwise: ');
  });

  test('a passed check, or a refusal without contact fields, is left as it is', () => {
    const ok = checkResultCode('newInstance', { resultCode: '000000' });
    expect(withV1Hint(ok, call)).toBe(ok);
    const refused = checkResultCode('newInstance', { resultCode: '000101' });
    expect(withV1Hint(refused, { ...call, contactSent: false })).toBe(refused);
  });
});
