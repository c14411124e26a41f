import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunReport } from '../../mock-server/core/scenario/run/report.js';
import { V1_ATTACK_NAMES } from '../../mock-server/core/checks/attack-names.js';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { startV1ReferenceSeller, type V1TestSeller } from '../support/v1-sellers.js';
import { startForgivingV1Seller } from '../support/forgiving-v1-seller.js';
import { CLI_TEST_TIMEOUT, runCli } from '../support/run-cli.js';
import { failedIds, warnedIds } from '../support/report-ids.js';

/*
 * `koomock run --group v1-security` over real HTTP: the reference seller's V1 routes refuse the
 * forged and stale calls and keep the instance; a V1 seller that never checks authToken fails
 * security.v1-wrong-key, and the valid queryInstance after it shows the instance was released.
 */

const V1_KEY = 'e2e-v1-security-key-0123456789';

interface Outcome {
  readonly code: number;
  readonly report: RunReport;
}

async function runAgainst(seller: V1TestSeller, dir: string, name: string): Promise<Outcome> {
  try {
    const file = join(dir, `${name}.json`);
    const port = await reserveFreePort();
    const run = await runCli(['run', '--group', 'v1-security', '--seller-url', seller.produceUrl, '--key', `${V1_KEY}-basic`, '--v1-key', V1_KEY, '--port', String(port), '--report', `json=${file}`], { timeoutMs: 45_000 });
    return { code: run.code, report: JSON.parse(readFileSync(file, 'utf8')) as RunReport };
  } finally {
    await seller.close();
  }
}

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-v1-security-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

const checksOf = (report: RunReport) => report.scenarios.flatMap((s) => s.checks);

describe('koomock run --group v1-security', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('the reference seller refuses the forged and stale V1 calls and keeps the instance (exit 0)', async ({ dir }) => {
    const { code, report } = await runAgainst(await startV1ReferenceSeller({ v1Key: V1_KEY }), dir, 'reference');
    expect(failedIds(report)).toEqual([]);
    expect(code).toBe(0);
    expect(report.scenarios.map((s) => s.id)).toEqual(V1_ATTACK_NAMES.map((a) => `v1-security-${a.slice(3)}`).sort());
    for (const attack of ['v1-wrong-key', 'v1-timestamp-stale'] as const) {
      expect(checksOf(report).filter((c) => c.id === `security.${attack}`).map((c) => c.ok)).toEqual([true, true]);
    }
    // V1 has no nonce: the reference seller takes the same URL twice, which is only a warning (docs/fidelity.md#d47).
    expect(warnedIds(report)).toEqual(['security.v1-replay']);
  });

  it('a V1 seller that never checks authToken fails security.v1-wrong-key (exit 1)', async ({ dir }) => {
    const { code, report } = await runAgainst(await startForgivingV1Seller({ v1Key: V1_KEY }), dir, 'forgiving');
    expect(code).toBe(1);
    expect(failedIds(report).filter((id) => id.startsWith('security.'))).toEqual(['security.v1-wrong-key']);
    const forged = checksOf(report).find((c) => c.id === 'security.v1-wrong-key' && c.step === 'forged');
    expect(forged?.received).toMatch(/the seller accepted a forged releaseInstance \(authToken computed with a key that is not the seller's\)/);
    const after = checksOf(report).find((c) => c.id === 'security.v1-wrong-key' && c.step === 'still-there');
    expect(after).toMatchObject({ ok: false, received: expect.stringMatching(/^the valid queryInstance shows one: /) });
    // The stale release was accepted and acted on: only a warning, as accepting it is (docs/fidelity.md#d47).
    const stale = checksOf(report).find((c) => c.id === 'security.v1-timestamp-stale' && c.step === 'still-there');
    expect(stale).toMatchObject({ ok: false, severity: 'warn' });
    expect(warnedIds(report)).toEqual(['security.v1-replay', 'security.v1-timestamp-stale']);
  });
});
