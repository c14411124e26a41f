import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../../../mock-server/emulator.js';
import { MOCK_ORDER_QUERY, SELLER_CONFIG, signedFetch } from './support.js';

const STORES = [{ store: 'memory' as const }, { store: 'sqlite' as const }];

const journalIds = async (url: string): Promise<number[]> => {
  const res = await fetch(`${url}/_koomock/exchanges`);
  const body = (await res.json()) as { exchanges: { id: number }[] };
  return body.exchanges.map((e) => e.id);
};

describe.each(STORES)('journal retention in the background ($store store)', ({ store }) => {
  test('keeps only the newest journal.maxExchanges exchanges, pruned without being asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-retention-'));
    const emulator = await createEmulator({ store, dbPath: join(dir, 'k.db'), config: { ...SELLER_CONFIG, journal: { maxExchanges: 3, maxAge: 0 } } });
    try {
      for (let i = 0; i < 8; i++) {
        const res = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      // The pruner runs about once a second; give it a few rounds before giving up.
      let ids = await journalIds(emulator.url);
      for (let round = 0; round < 50 && ids.length > 3; round++) {
        await new Promise((r) => setTimeout(r, 100));
        ids = await journalIds(emulator.url);
      }
      expect(ids).toEqual([6, 7, 8]);
    } finally {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
