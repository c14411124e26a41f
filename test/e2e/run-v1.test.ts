import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';
import { startV1FaultySeller, startV1ReferenceSeller, type V1Defect } from '../support/v1-sellers.js';

/*
 * `koomock run --group v1` (the legacy V1 scenarios, left out of a plain run) through real HTTP
 * against the reference seller's V1 routes, then against sellers with one V1 defect each, every
 * one failing a named check.
 */

const V1_KEY = 'e2e-v1run-key-0123456789';
const V1_IDS = ['v1-on-demand-status', 'v1-renew-expire-release', 'v1-subscribe', 'v1-subscribe-aes128', 'v1-trial-to-formal', 'v1-upgrade'];

const argsFor = (produceUrl: string, port: number) => ['--seller-url', produceUrl, '--v1-key', V1_KEY, '--key', 'e2e-v1run-basic-0123456789', '--ak', 'E2EV1RUNSELLERAK0000', '--sk', 'e2eV1RunSellerSecretAccessKey00000000000', '--port', String(port)];

/** The ids of the failed checks under a scenario's checklist. */
const failedChecks = (stdout: string): string[] => linesOf(stdout).flatMap((l) => /^ {4}✗ (\S+)/.exec(l)?.[1] ?? []);

const it = test.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-v1-run-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('koomock run --group v1', () => {
  it('the reference seller passes the six V1 scenarios (exit 0)', async ({ dir }) => {
    const seller = await startV1ReferenceSeller({ v1Key: V1_KEY });
    try {
      const run = await runCli(['run', '--group', 'v1', ...argsFor(seller.produceUrl, await reserveFreePort())], { cwd: dir, timeoutMs: 30_000 });
      expect(run.stdout).not.toContain('✗');
      expect(run.code).toBe(0);
      const progress = linesOf(run.stderr).filter((l) => /^✔ \[\d+\/\d+\] /.test(l)).map((l) => l.split(/\s+/)[2]);
      expect(progress.sort()).toEqual(V1_IDS);
      expect(linesOf(run.stdout).at(-1)).toMatch(/^6 scenarios: 6 passed, 0 failed · \d+ checks, 0 failed, 0 warnings$/);
    } finally {
      await seller.close();
    }
  });

  it('a plain run leaves the V1 group out', async ({ dir }) => {
    const run = await runCli(['run', '--list'], { cwd: dir });
    expect(run.stdout).not.toContain('v1-subscribe');
  });

  test.for([
    { name: 'verifies authToken with the Key alone (no timeStamp)', defect: 'v1-token-key-only' as V1Defect, only: 'v1-subscribe', failed: 'result.code', text: '"000001"' },
    { name: 'verifies authToken over the still URL-encoded values', defect: 'v1-token-encoded-values' as V1Defect, only: 'v1-subscribe', failed: 'result.code', text: '"000001"' },
    { name: 'answers without Body-Sign', defect: 'v1-no-body-sign' as V1Defect, only: 'v1-renew-expire-release', failed: 'response.body-sign', text: 'Body-Sign' },
    { name: 'signs its answers with Key + timeStamp', defect: 'v1-body-sign-with-timestamp' as V1Defect, only: 'v1-renew-expire-release', failed: 'response.body-sign', text: 'timeStamp' },
    { name: 'reads the encrypted mobilePhone as plain text', defect: 'v1-plain-fields' as V1Defect, only: 'v1-subscribe', failed: 'result.code', text: '"000101"' },
  ])('a seller that $name fails $failed (exit 1)', async ({ defect, only, failed, text }) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-v1-defect-'));
    const seller = await startV1FaultySeller(defect, { v1Key: V1_KEY });
    try {
      const run = await runCli(['run', '--only', only, ...argsFor(seller.produceUrl, await reserveFreePort())], { cwd: dir, timeoutMs: 30_000 });
      expect(run.code).toBe(1);
      // The defect is the first failed check; what follows from it (the order failing) comes after.
      expect(failedChecks(run.stdout)[0]).toBe(failed);
      expect(run.stdout).toContain(text);
    } finally {
      await seller.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in Chinese: a passing V1 run, a refused authToken and unread contact fields read as Chinese', async ({ dir }) => {
    const seller = await startV1ReferenceSeller({ v1Key: V1_KEY });
    const faulty = await startV1FaultySeller('v1-token-key-only', { v1Key: V1_KEY });
    const plain = await startV1FaultySeller('v1-plain-fields', { v1Key: V1_KEY });
    try {
      const ok = await runCli(['run', '--group', 'v1', '--lang', 'zh', ...argsFor(seller.produceUrl, await reserveFreePort())], { cwd: dir, timeoutMs: 30_000 });
      expect(ok.code).toBe(0);
      expect(englishRuns(ok.stdout)).toEqual([]);
      expect(englishRuns(ok.stderr)).toEqual([]);
      const refused = await runCli(['run', '--only', 'v1-subscribe', '--lang', 'zh', ...argsFor(faulty.produceUrl, await reserveFreePort())], { cwd: dir, timeoutMs: 30_000 });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('卖家服务拒绝了 koomock 的 authToken');
      expect(englishRuns(refused.stdout)).toEqual([]);
      const unread = await runCli(['run', '--only', 'v1-subscribe', '--lang', 'zh', ...argsFor(plain.produceUrl, await reserveFreePort())], { cwd: dir, timeoutMs: 30_000 });
      expect(unread.stdout).toContain('如果卖家服务读不出 mobilePhone 或 email');
      expect(englishRuns(unread.stdout)).toEqual([]);
    } finally {
      await seller.close();
      await faulty.close();
      await plain.close();
    }
  });

  it('koomock send newInstance under V1 sends the order it is given and the contact field encrypted (exit 0)', async ({ dir }) => {
    const seller = await startV1ReferenceSeller({ v1Key: V1_KEY });
    try {
      const run = await runCli(['send', 'newInstance', '--order', 'MOCKPERIODYEARNEW', '--profile', 'generation=v1', '--set', 'mobilePhone=13800000000', '--v1-key', V1_KEY, '--seller-url', seller.produceUrl], { cwd: dir, timeoutMs: 30_000 });
      expect(run.code).toBe(0);
      const sent = /→ GET (\S+)/.exec(run.stdout)?.[1] ?? '';
      const query = new URL(sent).searchParams;
      expect(query.get('customerId')).toMatch(/^[0-9a-f]{32}$/);
      expect(query.get('periodType')).toBe('year');
      expect(query.get('mobilePhone')).not.toBe('13800000000');
      expect(query.get('mobilePhone')).toMatch(/^[A-Za-z0-9]{16}[A-Za-z0-9+/]+={0,2}$/);
    } finally {
      await seller.close();
    }
  });
});
