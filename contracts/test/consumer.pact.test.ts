import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateProducePact, PRODUCE_CONSUMER } from '../../mock-server/app/pact.js';
import { PRODUCE_INTERACTIONS } from '../../mock-server/adapters/pact/produce-interactions.js';

/*
 * Consumer side of the produce contract: koomock's builders, signer and transport drive the Pact
 * mock server, and the pact that results must be the one committed under contracts/pacts/.
 */

const COMMITTED = join(import.meta.dirname, '..', 'pacts', `${PRODUCE_CONSUMER}-reference-seller.json`);

interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: { description: string; pending?: boolean; providerStates?: { name: string }[]; request: { path: string; query?: Record<string, string[]>; headers?: Record<string, string[]>; body?: { content: unknown }; generators?: unknown; matchingRules?: unknown }; response: { body?: { content: Record<string, unknown> }; matchingRules?: unknown } }[];
  metadata: unknown;
}

const readPact = (file: string): PactFile => JSON.parse(readFileSync(file, 'utf8')) as PactFile;

const it = test.extend<{ dir: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-pact-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('koomock pact generate (produce, consumer side)', () => {
  it('writes one interaction per activity and scene, equal to the committed pact (regenerate with npm run pact:generate)', async ({ dir }) => {
    const result = await generateProducePact({ provider: 'reference-seller', outDir: dir });
    expect(result.interactions.map((i) => i.id)).toEqual(PRODUCE_INTERACTIONS.map((i) => i.id));
    const fresh = readPact(result.file);
    const committed = readPact(COMMITTED);
    // The metadata names Pact's versions; everything the contract says must be identical.
    expect({ ...fresh, metadata: undefined }).toEqual({ ...committed, metadata: undefined });
  });

  it('states what must exist, injects ids from the provider state, matches signatures by shape and resultCode exactly', () => {
    const pact = readPact(COMMITTED);
    expect(pact.consumer.name).toBe('koomock-koogallery');
    const create = pact.interactions.find((i) => i.description === 'newInstance for a monthly PERIOD order line');
    expect(create?.providerStates).toEqual([{ name: 'a monthly PERIOD order line exists' }]);
    expect(create?.request.generators).toMatchObject({ body: { '$.orderId': { type: 'ProviderState', expression: '${orderId}' }, '$.orderLineId': { type: 'ProviderState', expression: '${orderLineId}' } } });
    expect(create?.request.matchingRules).toMatchObject({
      query: { signature: { matchers: [{ match: 'regex' }] }, timestamp: { matchers: [{ match: 'regex' }] }, nonce: { matchers: [{ match: 'regex' }] } },
      body: { '$.businessId': { matchers: [{ match: 'regex' }] } },
    });
    expect(create?.request.headers).toEqual({ 'Content-Type': ['application/json;charset=utf8'] });
    expect(create?.response.body?.content.resultCode).toBe('000000');
    expect(create?.response.matchingRules).toMatchObject({ body: { '$.instanceId': { matchers: [{ match: 'type' }] }, '$.resultMsg': { matchers: [{ match: 'type' }] } } });
    expect(JSON.stringify(create?.response.matchingRules)).not.toContain('resultCode');
    const forged = pact.interactions.find((i) => i.description === "releaseInstance signed with a key that is not the seller's");
    expect(forged?.providerStates?.map((s) => s.name)).toEqual(['an instance exists', "the call is signed with a key that is not the seller's"]);
    expect(forged?.response.body?.content.resultCode).toBe('000001');
    const kit = pact.interactions.find((i) => i.description === 'kit tenantSync adds a tenant');
    expect(kit?.request.path).toBe('/produce/produceAPI/v2/tenantSync');
    expect(Object.keys(kit?.request.headers ?? {}).sort()).toEqual(['Content-Type', 'x-nonce', 'x-sign', 'x-timestamp']);
    expect(pact.interactions.every((i) => i.pending === false)).toBe(true);
  });

  it('marks interactions added in the generating release pending, and only those', async ({ dir }) => {
    const first = PRODUCE_INTERACTIONS[0];
    if (first === undefined) throw new Error('the produce contract has no interaction');
    const added = { ...first, id: 'newInstance-next', description: 'newInstance added in the next release', since: '0.2.0' };
    const result = await generateProducePact({ provider: 'p', outDir: dir, version: '0.2.0', interactions: [first, added] });
    expect(result.interactions).toEqual([
      { id: 'newInstance', pending: false },
      { id: 'newInstance-next', pending: true },
    ]);
    const pending = readPact(result.file).interactions.map((i) => [i.description, i.pending]);
    expect(pending).toEqual(expect.arrayContaining([['newInstance for a monthly PERIOD order line', false], ['newInstance added in the next release', true]]));
  });

  it('builds the pact for the seller path it is given', async ({ dir }) => {
    const result = await generateProducePact({ provider: 'p', outDir: dir, sellerPath: '/api/koogallery', only: ['newInstance', 'tenantSync'] });
    expect(readPact(result.file).interactions.map((i) => i.request.path).sort()).toEqual(['/api/koogallery', '/api/koogallery/produceAPI/v2/tenantSync']);
  });
});
