import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PRODUCE_CONSUMER, verifyProducePacts } from '../../mock-server/app/pact.js';
import { PRODUCE_INTERACTIONS } from '../../mock-server/adapters/pact/produce-interactions.js';
import { createEmulator } from '../../mock-server/emulator.js';
import { type SellerCredentials, startFaultySeller, startReferenceSeller, type TestSellerServer } from '../../test/support/faulty-sellers.js';
import { type PactSellerDefect, startPactFaultySeller } from '../../test/support/pact-sellers.js';

/*
 * Provider side of the produce contract: the committed pacts replayed against the reference seller
 * (examples/seller-express, signature checks on) with koomock setting up the provider states and
 * re-signing every request, and against sellers with one defect each.
 */

const PACT = join(import.meta.dirname, '..', 'pacts', `${PRODUCE_CONSUMER}-reference-seller.json`);
const CREDS: SellerCredentials = {
  keys: { basic: 'pact-basic-key-0123456789', general: 'pact-general-key-0123456789', kit: 'pact-kit-key-0123456789' },
  ak: 'PACTREFERENCEAK00000',
  sk: 'pactReferenceSecretAccessKey000000000000',
};

interface Outcome {
  readonly ok: boolean;
  /** Interaction descriptions with their result. */
  readonly results: Readonly<Record<string, string>>;
  /** Failed interaction descriptions with their mismatches as text. */
  readonly failures: Readonly<Record<string, string>>;
}

async function verify(seller: TestSellerServer, emulatorUrl: string, resign = true): Promise<Outcome> {
  const outcome = await verifyProducePacts({ sellerUrl: seller.produceUrl, keys: CREDS.keys, emulatorUrl, pacts: [PACT], resign, env: {} });
  return {
    ok: outcome.ok,
    results: Object.fromEntries(outcome.results.map((r) => [r.description, r.result])),
    failures: Object.fromEntries(outcome.failures.map((f) => [f.interaction, JSON.stringify(f.mismatches) + (f.error ?? '')])),
  };
}

const it = test.extend<{ emulatorUrl: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  emulatorUrl: async ({}, use) => {
    const emulator = await createEmulator({ config: { seller: { ak: CREDS.ak, sk: CREDS.sk } } });
    await use(emulator.url);
    await emulator.close();
  },
});

async function withSeller<T>(start: () => Promise<TestSellerServer>, use: (seller: TestSellerServer) => Promise<T>): Promise<T> {
  const seller = await start();
  try {
    return await use(seller);
  } finally {
    await seller.close();
  }
}

const ALL = PRODUCE_INTERACTIONS.map((i) => i.description).sort();

describe('koomock pact verify (produce, provider side)', () => {
  it('verifies every committed interaction green against the reference seller, signatures checked', async ({ emulatorUrl }) => {
    const outcome = await withSeller(() => startReferenceSeller({ ...CREDS, emulatorUrl }), (s) => verify(s, emulatorUrl));
    expect(outcome.failures).toEqual({});
    expect(Object.keys(outcome.results).sort()).toEqual(ALL);
    expect(Object.values(outcome.results).every((r) => r === 'OK')).toBe(true);
    expect(outcome.ok).toBe(true);
  });

  it('fails on the signature without re-signing: the recorded signatures are stale', async ({ emulatorUrl }) => {
    const outcome = await withSeller(() => startReferenceSeller({ ...CREDS, emulatorUrl }), (s) => verify(s, emulatorUrl, false));
    expect(outcome.ok).toBe(false);
    // The two forged-call interactions expect a rejection, and get one; every other call is rejected with 000001.
    const forged = PRODUCE_INTERACTIONS.filter((i) => i.answer.resultCode === '000001').map((i) => i.description);
    expect(Object.keys(outcome.failures).sort()).toEqual(ALL.filter((d) => !forged.includes(d)));
    for (const text of Object.values(outcome.failures)) expect(text).toContain("Expected '000001'");
  });

  test.for([
    ['ignores-order-line', 'newInstance naming an order line the order does not have', "Expected '000000' to match"],
    ['no-signature-check', "releaseInstance signed with a key that is not the seller's", "Expected '000000' (String) to be equal to '000001'"],
  ] as const)('a seller with defect %s fails on "%s"', async ([defect, interaction, mismatch]) => {
    const emulator = await createEmulator({ config: { seller: { ak: CREDS.ak, sk: CREDS.sk } } });
    try {
      const outcome = await withSeller(() => startPactFaultySeller(defect as PactSellerDefect, { ...CREDS, emulatorUrl: emulator.url }), (s) => verify(s, emulator.url));
      expect(outcome.ok).toBe(false);
      expect(outcome.failures[interaction]).toContain(mismatch);
      if (defect === 'ignores-order-line') expect(Object.keys(outcome.failures)).toEqual([interaction]);
      if (defect === 'no-signature-check') expect(Object.keys(outcome.failures).sort()).toEqual([interaction, 'newInstance signed 10 minutes ago'].sort());
    } finally {
      await emulator.close();
    }
  });

  it('a seller that answers newInstance without instanceId fails on "newInstance for a monthly PERIOD order line"', async ({ emulatorUrl }) => {
    const outcome = await withSeller(() => startFaultySeller('missing-instance-id', { ...CREDS, emulatorUrl }), (s) => verify(s, emulatorUrl));
    expect(outcome.ok).toBe(false);
    expect(outcome.failures['newInstance for a monthly PERIOD order line']).toMatch(/\$\.instanceId|instanceId/);
  });
});
