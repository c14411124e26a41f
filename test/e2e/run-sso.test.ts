import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../../mock-server/emulator.js';
import { englishRuns } from '../support/english-runs.js';
import { rsaKeyPair } from '../support/rsa-keys.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run --only kit-sso`: koomock plays the buyer's browser through the reference seller's
 * single sign-on over real HTTP on 127.0.0.1, then against sellers with one SSO defect each, every
 * one failing one named check.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-sso-basic-0123456789', general: 'e2e-sso-general-0123456789', kit: 'e2e-sso-kit-0123456789' },
  ak: 'E2ESSOSELLERAK000000',
  sk: 'e2eSsoSellerSecretAccessKey0000000000000',
};
const rsa = rsaKeyPair(3072);

/** A folder with the kit public key and a config pointing at the seller's SSO addresses. */
function configDir(sellerUrl: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-sso-run-'));
  writeFileSync(join(dir, 'kit-public.pem'), rsa.publicKey);
  const sso = sellerUrl === undefined ? '' : `  loginUrl: ${sellerUrl}/sso/login\n  logoutUrl: ${sellerUrl}/sso/logout\n`;
  writeFileSync(join(dir, 'koomock.config.yaml'), `seller:\n  kitPublicKeyFile: kit-public.pem\n${sso}`);
  return dir;
}

const argsFor = (produceUrl: string, port: number) => ['--seller-url', produceUrl, '--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk, '--port', String(port)];

/** The ids of the failed checks under a scenario's checklist. */
const failedChecks = (stdout: string): string[] => linesOf(stdout).flatMap((l) => /^ {4}✗ (\S+)/.exec(l)?.[1] ?? []);

async function runSso(defect: 'skip-code-exchange' | 'ignore-token-errors' | undefined, extra: readonly string[] = [], withLogin = true) {
  const port = await reserveFreePort();
  const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: rsa.privateKey, ...(defect === undefined ? {} : { ssoDefect: defect }) });
  const dir = configDir(withLogin ? seller.seller.url : undefined);
  try {
    const run = await runCli(['run', '--only', 'kit-sso', '--report', 'json=report.json', ...extra, ...argsFor(seller.produceUrl, port)], { cwd: dir, timeoutMs: 30_000 });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { scenarios: { checks: { id: string; ok: boolean }[] }[] };
    return { ...run, passed: report.scenarios.flatMap((s) => s.checks.filter((c) => c.ok).map((c) => c.id)) };
  } finally {
    await seller.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('koomock run --only kit-sso', () => {
  test('the reference seller signs the buyer in: every oauth.* check passes (exit 0)', async () => {
    const run = await runSso(undefined);
    expect(run.stderr).not.toContain('✗');
    expect(run.code).toBe(0);
    expect(run.passed).toEqual(expect.arrayContaining(['oauth.login-redirect', 'oauth.authorize', 'oauth.code-exchanged', 'oauth.userinfo', 'oauth.session', 'oauth.code-reuse', 'oauth.logout']));
    expect(linesOf(run.stdout).at(-1)).toMatch(/^1 scenario: 1 passed, 0 failed · \d+ checks, 0 failed, 0 warnings$/);
  });

  test('(e) a seller that never exchanges the code fails oauth.code-exchanged, and only it (exit 1)', async () => {
    const run = await runSso('skip-code-exchange');
    expect(run.code).toBe(1);
    expect(failedChecks(run.stdout)).toEqual(['oauth.code-exchanged']);
    expect(run.stdout).toContain('the seller never called the token endpoint with the code');
  });

  test('(f) a seller that signs in although the token endpoint refused the code fails oauth.code-reuse, and only it (exit 1)', async () => {
    const run = await runSso('ignore-token-errors');
    expect(run.code).toBe(1);
    expect(failedChecks(run.stdout)).toEqual(['oauth.code-reuse']);
    expect(run.stdout).toContain('the seller exchanged the spent code again and koomock answered invalid_grant');
  });

  test('without seller.loginUrl the scenario is skipped, never passed (exit 2: nothing ran)', async () => {
    const run = await runSso(undefined, [], false);
    // Nothing ran: never exit 0.
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('seller.loginUrl');
    expect(linesOf(run.stdout).at(-1)).toMatch(/^1 scenario: 0 passed, 1 skipped, 0 failed/);
  });

  test('in Chinese, the failed SSO check and its hint read as Chinese', async () => {
    const run = await runSso('ignore-token-errors', ['--lang', 'zh']);
    expect(run.code).toBe(1);
    expect(englishRuns(run.stdout)).toEqual([]);
    expect(englishRuns(run.stderr)).toEqual([]);
  });

  test('against a running emulator (--emulator-url) the client is registered over the admin API, and the SSO passes', async () => {
    const port = await reserveFreePort();
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: rsa.privateKey });
    const emulator = await createEmulator({ port, config: { seller: { ak: CREDS.ak, sk: CREDS.sk, keys: { ...CREDS.keys }, productionUrl: seller.produceUrl } } });
    const dir = configDir(seller.seller.url);
    try {
      const args = ['--seller-url', seller.produceUrl, '--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk, '--emulator-url', emulator.url];
      const run = await runCli(['run', '--only', 'kit-sso', ...args], { cwd: dir, timeoutMs: 30_000 });
      expect(run.stdout).not.toContain('✗');
      expect(run.code).toBe(0);
      const clients = (await (await fetch(`${emulator.url}/_koomock/oauth/clients`)).json()) as { clients: { clientId: string }[] };
      expect(clients.clients.map((c) => c.clientId)).toContain('kit-client-sso');
    } finally {
      await seller.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
