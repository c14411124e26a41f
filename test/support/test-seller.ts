import { test as base } from 'vitest';
import { createTestSeller, type TestSeller } from './seller-server.js';

export * from './seller-server.js';

/** vitest fixture: `sellerTest('…', async ({ seller }) => …)` with a seller that closes itself. */
export const sellerTest = base.extend<{ seller: TestSeller }>({
  seller: async ({}, use) => {
    const seller = await createTestSeller();
    await use(seller);
    await seller.close();
  },
});
