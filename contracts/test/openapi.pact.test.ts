import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, test } from 'vitest';
import { OPENAPI_PROVIDER, verifyOpenApiPacts } from '../../mock-server/adapters/pact/verify-openapi.js';
import { signApigRequest } from '../../mock-server/core/signing/index.js';
import { createEmulator } from '../../mock-server/emulator.js';

/*
 * The other direction: a seller's consumer pact for the order query, written the way a seller
 * would (its client signs with APIG and calls the Pact mock server), verified against koomock's
 * emulation of KooGallery as the provider.
 */

const AK = 'PACTOPENAPIAK0000000';
const SK = 'pactOpenApiSecretAccessKey00000000000000';
const ORDER_QUERY = '/api/mkp-openapi-public/global/v1/order/query';

/** The seller's client: APIG-signed GET of one order. */
async function queryOrder(baseUrl: string, orderId: string): Promise<unknown> {
  const url = `${baseUrl}${ORDER_QUERY}?orderId=${orderId}`;
  const signed = signApigRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, ak: AK, sk: SK, now: Date.now() });
  const res = await fetch(url, { headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': signed.headers['X-Sdk-Date']!, Authorization: signed.authorization } });
  return res.json();
}

/** Writes the seller's consumer pact; `extra` adds expected orderInfo fields. */
async function writeSellerPact(dir: string, extra: Record<string, unknown> = {}, state = 'the debug orders exist'): Promise<void> {
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
}

const it = test.extend<{ dir: string; emulator: { url: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-openapi-pact-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  emulator: async ({}, use) => {
    const emulator = await createEmulator({ config: { seller: { ak: AK, sk: SK } } });
    await use(emulator);
    await emulator.close();
  },
});

const credentials = { ak: AK, sk: SK, usageKey: 'pact-usage-key' };

describe('koomock pact verify-openapi (the seller as consumer, koomock\'s emulation as provider)', () => {
  it('verifies a seller consumer pact for the order query of MOCKPERIODYEARNEW green, re-signing the APIG request', async ({ dir, emulator }) => {
    await writeSellerPact(dir);
    const v = await verifyOpenApiPacts({ pacts: [dir], emulatorUrl: emulator.url, credentials });
    expect(v.failures).toEqual([]);
    expect(v.results.map((r) => [r.description, r.result])).toEqual([['an order query for MOCKPERIODYEARNEW', 'OK']]);
    expect(v.ok).toBe(true);
  });

  it('fails a pact that expects a field the platform does not send, naming the field', async ({ dir, emulator }) => {
    await writeSellerPact(dir, { discountAmount: MatchersV3.string('10.00') });
    const v = await verifyOpenApiPacts({ pacts: [dir], emulatorUrl: emulator.url, credentials });
    expect(v.ok).toBe(false);
    expect(v.unmet).toEqual([expect.objectContaining({ interaction: 'an order query for MOCKPERIODYEARNEW', expectation: 'field orderInfo.discountAmount' })]);
    expect(v.unmet[0]?.detail).toContain('does not send orderInfo.discountAmount');
  });

  it('fails a pact that expects 200 for a request signed with a wrong secret key: the platform answers 401', async ({ dir, emulator }) => {
    await writeSellerPact(dir, {}, 'the request is signed with a wrong secret key');
    const v = await verifyOpenApiPacts({ pacts: [dir], emulatorUrl: emulator.url, credentials });
    expect(v.ok).toBe(false);
    expect(v.unmet).toContainEqual(expect.objectContaining({ expectation: 'HTTP 200', detail: 'the emulated platform answers HTTP 401 to this request' }));
  });

  it('rejects a provider state the emulation does not set up, listing the ones it does', async ({ dir, emulator }) => {
    await writeSellerPact(dir);
    const file = join(dir, `my-saas-${OPENAPI_PROVIDER}.json`);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('the debug orders exist', 'an order with a discount exists'));
    await expect(verifyOpenApiPacts({ pacts: [file], emulatorUrl: emulator.url, credentials })).rejects.toThrow(/provider state "an order with a discount exists" is not one koomock's emulation sets up; use one of: "the debug orders exist"/);
  });
});
