import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import { OPENAPI_PROVIDER } from '../../../mock-server/adapters/pact/verify-openapi.js';
import { signApigRequest } from '../../../mock-server/core/signing/index.js';

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
