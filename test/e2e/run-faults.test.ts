import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { startServe } from '../integration/http/serve-process.js';
import { MOCK_ORDER_QUERY, signedFetch } from '../integration/http/support.js';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { CLI_TEST_TIMEOUT, linesOf, runCli } from '../support/run-cli.js';
import { BUILD_TIMEOUT, waitForBuild } from '../support/built-cli.js';

/*
 * The shipped fault scenarios (scenarios/faults/) through the CLI (in process), against the reference
 * seller configured the way the docs ask: both Open API hosts, the primary first.
 */

const KEYS = { basic: 'faults-basic-key-0123456789', general: 'faults-general-key-012345', kit: 'faults-kit-key-0123456789' };
const AK = 'FAULTSAK000000000000';
const SK = 'faultsSecretAccessKey0000000000000000000';

const keyArgs = ['--key', KEYS.basic, '--general-key', KEYS.general, '--kit-key', KEYS.kit, '--ak', AK, '--sk', SK];

const it = test
  .extend('hosts', async ({}, { onCleanup }) => {
    const port = await reserveFreePort();
    const fallbackPort = await reserveFreePort();
    // The reference seller's Open API client: 3 attempts, then the next host when one cannot be reached.
    const seller = await startSeller({
      port: 0,
      keys: KEYS,
      ak: AK,
      sk: SK,
      orderApiUrls: [`http://127.0.0.1:${port}`, `http://127.0.0.1:${fallbackPort}`],
      openApi: { attempts: 3, backoffMs: [20], timeoutMs: 3_000 },
    });
    onCleanup(() => seller.close());
    return { port, fallbackPort, args: ['--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port)] };
  })
  .extend('dir', async ({}, { onCleanup }) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-faults-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });

interface ReportScenario {
  readonly id: string;
  readonly status: string;
  readonly steps: { readonly id: string; readonly status: string }[];
  readonly checks: { readonly id: string; readonly ok: boolean; readonly received?: string }[];
}

const scenariosOf = (file: string): ReportScenario[] => (JSON.parse(readFileSync(file, 'utf8')) as { scenarios: ReportScenario[] }).scenarios;

// These tests spawn the built binary: wait for dist/ (built in the background when stale).
beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('koomock run scenarios/faults', () => {
  it('with --fallback-port: the seller retries the failed order query and fails over to the fallback host', { timeout: CLI_TEST_TIMEOUT }, async ({ hosts, dir }) => {
    const file = join(dir, 'r.json');
    const run = await runCli(['run', 'scenarios/faults', ...hosts.args, '--fallback-port', String(hosts.fallbackPort), '--report', `json=${file}`]);
    expect(run.stderr).toContain(`mkt.myhuaweicloud.cn at http://127.0.0.1:${hosts.fallbackPort}`);
    expect(run.code).toBe(0);
    const scenarios = scenariosOf(file);
    expect(scenarios.map((s) => [s.id, s.status])).toEqual([
      ['order-query-failover', 'passed'],
      ['order-query-retry', 'passed'],
    ]);
    const openApi = scenarios.map((s) => s.checks.find((c) => c.id === 'expect.open-api'));
    expect(openApi[0]).toMatchObject({ ok: true, received: expect.stringMatching(/mkt\.myhuaweicloud\.com dropped, mkt\.myhuaweicloud\.cn 200 MKT\.0000$/) });
    expect(openApi[1]).toMatchObject({ ok: true, received: expect.stringMatching(/^2 request\(s\): \S+ 500 MKT\.0999, \S+ 200 MKT\.0000$/) });
  });

  it('without --fallback-port: the failover scenario is skipped, saying how to run it; the retry scenario still runs', { timeout: CLI_TEST_TIMEOUT }, async ({ hosts, dir }) => {
    const file = join(dir, 'r.json');
    const run = await runCli(['run', 'scenarios/faults', ...hosts.args, '--report', `json=${file}`]);
    expect(run.code).toBe(0);
    expect(linesOf(run.stdout).filter((l) => l.includes('(skipped: ') && l.includes('--fallback-port'))).toHaveLength(1);
    const scenarios = scenariosOf(file);
    expect(scenarios.map((s) => s.steps.map((st) => st.status))).toEqual([
      ['passed', 'skipped', 'skipped'],
      ['passed', 'passed', 'passed'],
    ]);
  });

  it('refuses --fallback-port together with --emulator-url (exit 2)', { timeout: CLI_TEST_TIMEOUT }, async ({ hosts }) => {
    const run = await runCli(['run', 'scenarios/faults', ...hosts.args, '--emulator-url', 'http://127.0.0.1:9', '--fallback-port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fallback-port');
  });
});

describe('koomock serve --fallback-port', () => {
  it('serves the fallback host on its own port, names it in the banner, and lists it in GET /_koomock/faults', { timeout: CLI_TEST_TIMEOUT }, async ({ dir }) => {
    const serve = await startServe(['--memory', '--port', '0', '--fallback-port', '0', '--ak', AK, '--sk', SK], { cwd: dir });
    try {
      const m = /^ {2}mkt\.myhuaweicloud\.cn\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/mkp-openapi-public\/global\/v1\/… {2}\(its own port, for failover tests\)$/m.exec(serve.stdout());
      const fallback = m?.[1];
      expect(fallback).toBeDefined();
      const list = (await (await fetch(`${serve.url}/_koomock/faults`)).json()) as { hosts: Record<string, string> };
      expect(list.hosts).toEqual({ 'mkt.myhuaweicloud.com': serve.url, 'mkt.myhuaweicloud.cn': fallback });
      const res = await signedFetch({ url: `${fallback ?? ''}${MOCK_ORDER_QUERY}`, ak: AK, sk: SK });
      expect(res.status).toBe(200);
      // The fallback port is a platform host: no admin API there.
      expect((await fetch(`${fallback ?? ''}/_koomock/faults`)).status).toBe(404);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});
