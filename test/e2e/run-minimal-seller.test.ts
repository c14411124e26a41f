import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadShippedScenarios } from '../../mock-server/app/scenario-files.js';
import type { RunReport } from '../../mock-server/core/scenario/run/report.js';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { startMinimalSeller } from '../support/minimal-seller/index.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run` (the built CLI) against a second, minimal correct seller (test/support/minimal-seller:
 * plain node:http, no koomock test hooks, written from the docs alone): the whole default suite
 * passes with exit 0. Synchronous and asynchronous provisioning both.
 */

const CREDS = { keys: { basic: 'minimal-basic-key-0123456789', general: 'minimal-general-key-0123456789' }, ak: 'MINIMALSELLERAK00000', sk: 'minimalSellerSecretAccessKey000000000000' };
const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--ak', CREDS.ak, '--sk', CREDS.sk];

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-minimal-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

async function runDefaultSuite(dir: string, async: boolean): Promise<{ code: number; stdout: string; stderr: string; report: RunReport; usagePushes: readonly string[] }> {
  const port = await reserveFreePort();
  const seller = await startMinimalSeller({ ...CREDS, orderHosts: [`http://127.0.0.1:${port}`], async, usageIntervalMs: 200 });
  try {
    const file = join(dir, 'report.json');
    const run = await runCli(['run', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--seller-pushes-usage', '--report', `json=${file}`], { timeoutMs: 60_000 });
    return { ...run, report: JSON.parse(readFileSync(file, 'utf8')) as RunReport, usagePushes: [...seller.usagePushes] };
  } finally {
    await seller.close();
  }
}

describe('koomock run against a minimal seller written from the docs', () => {
  it('passes the whole default suite with exit 0 (synchronous provisioning: async-provisioning is skipped, not passed)', async ({ dir }) => {
    const shipped = loadShippedScenarios().map((s) => s.id);
    const { code, stdout, stderr, report, usagePushes } = await runDefaultSuite(dir, false);
    expect(stderr).not.toContain('✗');
    expect(code).toBe(0);
    expect(report.scenarios.map((s) => s.id)).toEqual(shipped);
    expect(report.scenarios.filter((s) => s.status !== 'passed').map((s) => `${s.id} ${s.status}`)).toEqual(['async-provisioning skipped', 'order-query-failover skipped']);
    expect(report.summary).toMatchObject({ scenarios: shipped.length, scenariosFailed: 0, scenariosSkipped: 2, checksFailed: 0, warnings: 0 });
    // The seller pushed usage with its own (wall-clock) times while the suite ran, after the renewal
    // scenarios had moved koomock's virtual clock on by many months: accepted, never MKT.9004.
    expect(usagePushes).toContain('MKT.0000');
    expect(usagePushes).not.toContain('MKT.9004');
    expect(linesOf(stdout).at(-1)).toMatch(new RegExp(`^${shipped.length} scenarios: ${shipped.length - 2} passed, 2 skipped, 0 failed · \\d+ checks, 0 failed, 0 warnings$`));
  });

  it('passes it too when provisioning asynchronously (000004, then polling): async-provisioning then runs and passes', async ({ dir }) => {
    const { code, report } = await runDefaultSuite(dir, true);
    expect(code).toBe(0);
    expect(report.scenarios.find((s) => s.id === 'async-provisioning')?.status).toBe('passed');
    expect(report.summary).toMatchObject({ scenariosFailed: 0, scenariosSkipped: 1, checksFailed: 0, warnings: 0 });
  });
});
