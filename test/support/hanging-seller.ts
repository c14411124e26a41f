import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { createTestSeller, type TestSeller } from './seller-server.js';

/** A seller that never answers, and a folder for the run's reports; both cleaned up after the test. */
export const hangingTest = test.extend('hanging', async ({}, { onCleanup }) => {
  const seller: TestSeller = await createTestSeller({ kind: 'hang' }, '/produce');
  const dir = mkdtempSync(join(tmpdir(), 'koomock-hang-'));
  onCleanup(async () => {
    await seller.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { seller, dir };
});

/** The part of the JSON report the hanging-seller tests read. */
export interface HangingRunReport {
  readonly scenarios: readonly { id: string; status: string; checks: readonly { id: string; ok: boolean; received?: string; hint?: string }[] }[];
}

/** The seller's basic key in those runs (the seller never gets far enough to check it). */
export const HANGING_KEY = ['--key', 'hangingSellerBasicKey0001'];
