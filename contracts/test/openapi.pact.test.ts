import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, test } from 'vitest';
import { OPENAPI_PROVIDER, verifyOpenApiPacts } from '../../mock-server/app/pact.js';
import { createEmulator, type Emulator } from '../../mock-server/emulator.js';
import { AK, SK, writeSellerPact, writeUsagePushPact } from './support/seller-openapi-pact.js';

/*
 * The other direction: a seller's consumer pact for the order query (support/seller-openapi-pact.ts)
 * verified against koomock's emulation of KooGallery as the provider.
 */

const USAGE_KEY = 'pact-usage-key-0123456789';

const it = test.extend<{ dir: string; emulator: Emulator }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-openapi-pact-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  emulator: async ({}, use) => {
    const emulator = await createEmulator({ config: { seller: { ak: AK, sk: SK, keys: { basic: 'pact-basic-key', usage: USAGE_KEY } } } });
    await use(emulator);
    await emulator.close();
  },
});

const credentials = { ak: AK, sk: SK, usageKey: USAGE_KEY };

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

  it('verifies a usage push green: APIG and the body signature are signed again over the bytes forwarded', async ({ dir, emulator }) => {
    await writeUsagePushPact(dir, credentials.usageKey);
    const v = await verifyOpenApiPacts({ pacts: [dir], emulatorUrl: emulator.url, credentials, putInstance: (i) => emulator.store.putInstance(i) });
    expect(v.failures).toEqual([]);
    expect(v.results.map((r) => [r.description, r.result])).toEqual([['a usage push for an on-demand instance', 'OK']]);
    const pushed = await emulator.admin.listUsage();
    expect(pushed).toHaveLength(1);
  });

  it('rejects a provider state the emulation does not set up, listing the ones it does', async ({ dir, emulator }) => {
    await writeSellerPact(dir);
    const file = join(dir, `my-saas-${OPENAPI_PROVIDER}.json`);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('the debug orders exist', 'an order with a discount exists'));
    await expect(verifyOpenApiPacts({ pacts: [file], emulatorUrl: emulator.url, credentials })).rejects.toThrow(/provider state "an order with a discount exists" is not one koomock's emulation sets up; use one of: "the debug orders exist"/);
  });
});
