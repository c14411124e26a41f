import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import { OPENAPI_PROVIDER } from '../../../mock-server/adapters/pact/verify-openapi.js';
import { computeUsageSignature, signApigRequest } from '../../../mock-server/core/signing/index.js';

/*
 * A seller's consumer pact for the order query, written the way a seller would: its client signs
 * with APIG and calls the Pact mock server.
 */

export const AK = 'PACTOPENAPIAK0000000';
export const SK = 'pactOpenApiSecretAccessKey00000000000000';
const ORDER_QUERY = '/api/mkp-openapi-public/global/v1/order/query';

/** The seller's client: APIG-signed GET of one order. */
async function queryOrder(baseUrl: string, orderId: string): Promise<unknown> {
  const url = `${baseUrl}${ORDER_QUERY}?orderId=${orderId}`;
  const signed = signApigRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, ak: AK, sk: SK, now: Date.now() });
  const res = await fetch(url, { headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': signed.headers['X-Sdk-Date'] ?? '', Authorization: signed.authorization } });
  return res.json();
}

/**
 * Writes `<dir>/my-saas-koomock-koogallery-openapi.json`; `extra` adds expected orderInfo fields.
 * @example await writeSellerPact(dir, { discountAmount: MatchersV3.string('10.00') });
 */
export async function writeSellerPact(dir: string, extra: Record<string, unknown> = {}, state = 'the debug orders exist'): Promise<string> {
  const { like, eachLike, regex, string } = MatchersV3;
  const pact = new PactV4({ consumer: 'my-saas', provider: OPENAPI_PROVIDER, dir, logLevel: 'error' });
  const body = {
    resultCode: 'MKT.0000',
    resultMsg: string('Success'),
    orderInfo: {
      orderId: 'MOCKPERIODYEARNEW',
      orderType: string('NEW'),
      orderLine: eachLike({
        orderLineId: string('MOCKPERIODYEARNEW-000001'),
        chargingMode: 'PERIOD',
        periodType: string('year'),
        expireTime: regex('^[0-9]{14}$', '20251121235959'),
        productInfo: eachLike({ productId: string('OFFI846204237451911168'), skuCode: string('0a4d1578-5295-46a7-92d4-7c803dccc51d'), linearValue: like(50) }),
      }),
      ...extra,
    },
  };
  await pact
    .addInteraction()
    .given(state)
    .uponReceiving('an order query for MOCKPERIODYEARNEW')
    .withRequest('GET', ORDER_QUERY, (b) =>
      b.query({ orderId: 'MOCKPERIODYEARNEW' }).headers({
        'X-Sdk-Date': regex('^[0-9]{8}T[0-9]{6}Z$', '20261207T000000Z'),
        Authorization: regex('^SDK-HMAC-SHA256 Access=[^,]+, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$', `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${'0'.repeat(64)}`),
      }),
    )
    .willRespondWith(200, (b) => b.jsonBody(body))
    .executeTest(async (server) => {
      const answer = (await queryOrder(server.url, 'MOCKPERIODYEARNEW')) as { resultCode?: string };
      expect(answer.resultCode).toBe('MKT.0000');
    });
  return `${dir}/my-saas-${OPENAPI_PROVIDER}.json`;
}

const USAGE_PUSH = '/api/mkp-openapi-public/global/v1/isv/usage-data';

/**
 * Writes the seller's consumer pact for one usage push of an on-demand instance (APIG and the body
 * signature with the usage key, both matched by shape).
 * @example await writeUsagePushPact(dir, 'usage-key');
 */
export async function writeUsagePushPact(dir: string, usageKey: string): Promise<string> {
  const { regex, fromProviderState, string } = MatchersV3;
  const pact = new PactV4({ consumer: 'my-saas-usage', provider: OPENAPI_PROVIDER, dir, logLevel: 'error' });
  const record = { instance_id: '6a5c2f0e-1b3d-4c5e-8f7a-9b0c1d2e3f40', metering_sn: 'sn-0001', record_time: '20261207T001000Z', begin_time: '20261207T000000Z', end_time: '20261207T001000Z', usage_value: '3' };
  await pact
    .addInteraction()
    .given('an ON_DEMAND instance exists')
    .uponReceiving('a usage push for an on-demand instance')
    .withRequest('POST', USAGE_PUSH, (b) =>
      b
        .headers({
          'X-Sdk-Date': regex('^[0-9]{8}T[0-9]{6}Z$', '20261207T000000Z'),
          Authorization: regex('^SDK-HMAC-SHA256 Access=[^,]+, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$', `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${'0'.repeat(64)}`),
          signature: regex('^[A-Za-z0-9+/=]{20,}$', 'c2lnbmF0dXJlLW9mLXRoZS1ib2R5LWV4YW1wbGU='),
          ts: regex('^[0-9]{13}$', '1796601600000'),
          nonce: regex('^[0-9A-Za-z]{8,64}$', '0123456789abcdef'),
        })
        .jsonBody({ usage_records: [{ ...record, instance_id: fromProviderState('${instanceId}', record.instance_id) }] }),
    )
    .willRespondWith(200, (b) => b.jsonBody({ error_code: 'MKT.0000', error_msg: string('success') }))
    .executeTest(async (server) => {
      const body = JSON.stringify({ usage_records: [record] });
      const url = `${server.url}${USAGE_PUSH}`;
      const ts = String(Date.now());
      const nonce = '0123456789abcdef';
      const signature = computeUsageSignature({ key: usageKey, ts, nonce, body });
      const signed = signApigRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body, ak: AK, sk: SK, now: Date.now() });
      const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': signed.headers['X-Sdk-Date'] ?? '', Authorization: signed.authorization, signature, ts, nonce } });
      expect(res.status).toBe(200);
    });
  return `${dir}/my-saas-usage-${OPENAPI_PROVIDER}.json`;
}
