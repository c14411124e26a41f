import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { loadShippedScenarios } from '../../mock-server/app/scenario-files.js';
import { createEmulator } from '../../mock-server/emulator.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run` (in process through main(argv, io)) against the reference seller of examples/seller-express:
 * every shipped scenario passes, fast, and the reports are written.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-basic-key-0123456789', general: 'e2e-general-key-0123456789', kit: 'e2e-kit-key-0123456789' },
  ak: 'E2EREFERENCEAK000000',
  sk: 'e2eReferenceSecretAccessKey0000000000000',
};

const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

/** The reference seller, told where the emulator `koomock run --port <port>` starts will be. */
const it = test
  .extend('reference', { scope: 'file' }, async ({}, { onCleanup }) => {
    const port = await reserveFreePort();
    // Metering every 200 ms, so the on-demand scenario sees a usage push within its wait.
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, usageIntervalMs: 200 });
    onCleanup(() => seller.close());
    return { port, args: ['--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--seller-pushes-usage'] };
  })
  .extend('dir', async ({}, { onCleanup }) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-run-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });

describe('koomock run against the reference seller', () => {
  it('passes every shipped scenario (exit 0) in under 10 s, with progress, checklist and reports', async ({ reference, dir }) => {
    const shipped = loadShippedScenarios().map((s) => s.id);
    const run = await runCli(['run', ...reference.args, '--report', `json=${join(dir, 'r.json')}`, '--report', `junit=${join(dir, 'j.xml')}`, '--report', `html=${join(dir, 'r.html')}`], { timeoutMs: 30_000 });
    expect(run.stderr).not.toContain('✗');
    expect(run.code).toBe(0);
    const progress = linesOf(run.stderr).filter((l) => /^[✔–] \[\d+\/\d+\] /.test(l));
    expect(progress).toHaveLength(shipped.length);
    // Skipped, visibly and never counted as passed: without --fallback-port there is no second host to
    // fail over to, and this seller provisions synchronously, so asynchronous provisioning does not apply.
    expect(progress.filter((l) => l.startsWith('–')).map((l) => l.split(/\s+/)[2])).toEqual(['async-provisioning', 'order-query-failover']);
    expect(linesOf(run.stdout).at(-1)).toMatch(new RegExp(`^${shipped.length} scenarios: ${shipped.length - 2} passed, 2 skipped, 0 failed · \\d+ checks, 0 failed, 0 warnings$`));

    const json: unknown = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const valid = getSchemaRegistry().validate('report.schema.json', json);
    expect(valid.ok ? [] : valid.violations).toEqual([]);
    const report = json as { scenarios: { id: string; status: string; steps: { id: string; title: string }[] }[]; durationMs: number };
    expect(report.scenarios.map((s) => s.id)).toEqual(shipped);
    expect(report.scenarios.filter((s) => s.status !== 'passed').map((s) => [s.id, s.status])).toEqual([
      ['async-provisioning', 'skipped'],
      ['order-query-failover', 'skipped'],
    ]);
    expect(report.scenarios.find((s) => s.id === 'async-provisioning')?.steps.find((s) => s.id === 'create')?.title).toMatch(/not applicable: this seller provisions synchronously/);
    // The suite itself (retry windows included) in under 10 s of wall time; process start-up is not part of it.
    expect(report.durationMs).toBeLessThan(10_000);
    const junit = readFileSync(join(dir, 'j.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml/);
    expect(junit).toContain('<testsuite');
    expect(junit).not.toContain('<failure');
    expect(junit).toMatch(/<skipped message="step create was skipped: [^"]*not applicable: this seller provisions synchronously/);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html.match(/<details class="scenario skipped"/g)).toHaveLength(2);
    expect(html).toContain('<dd data-count="scenariosSkipped">2</dd>');
  });

  it('runs only the scenarios named by --only, with the checklist in Chinese', async ({ reference }) => {
    const run = await runCli(['run', ...reference.args, '--only', 'subscribe-monthly', '--only', 'renew,upgrade', '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^3 个场景：3 通过，0 失败/);
  });

  it('passes the opt-in test-hook group (scenarios-opt-in/hooks): the reference seller implements the hooks', async ({ reference }) => {
    const run = await runCli(['run', 'scenarios-opt-in/hooks', ...reference.args]);
    expect(run.stderr).not.toContain('✗');
    expect(run.code).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^2 scenarios: 2 passed, 0 failed · \d+ checks, 0 failed, 0 warnings$/);
  });

  it('exits 2 for an unknown --only id, listing the known ones', async ({ reference }) => {
    const run = await runCli(['run', ...reference.args, '--only', 'subscribe-monthy']);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^koomock: --only subscribe-monthy: no such scenario; known ids: .*subscribe-monthly/)]);
    expect(run.stdout).toBe('');
  });

  it('plays against a running emulator with --emulator-url and leaves the orders and the journal in it', async () => {
    const emulator = await createEmulator({ config: { seller: { ak: CREDS.ak, sk: CREDS.sk } } });
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: emulator.url });
    try {
      const run = await runCli(['run', '--seller-url', seller.produceUrl, ...keyArgs, '--emulator-url', emulator.url, '--only', 'subscribe-monthly,async-provisioning,retry-after-timeout']);
      expect(run.stderr).not.toContain('✗');
      expect(run.code).toBe(0);
      const orders = await emulator.admin.listOrders();
      expect(orders.map((o) => o.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
      expect((await emulator.admin.listInstances()).length).toBe(3);
      const outbound = await emulator.admin.listExchanges({ direction: 'outbound', limit: 1000 });
      expect(outbound.some((e) => e.operation === 'newInstance' && e.scenario === 'subscribe-monthly' && e.step === 'create')).toBe(true);
    } finally {
      await seller.close();
      await emulator.close();
    }
  });
});
