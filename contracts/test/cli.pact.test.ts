import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, test } from 'vitest';
import { computeV2Signature } from '../../mock-server/core/signing/index.js';
import { reserveFreePort, type SellerCredentials, startReferenceSeller } from '../../test/support/faulty-sellers.js';
import { linesOf, runCli, spawnCli } from '../../test/support/run-cli.js';
import { AK, SK, writeSellerPact } from './support/seller-openapi-pact.js';

/*
 * `koomock pact …` as a seller runs it, against the reference seller: in process through main()
 * (test/support/run-cli.ts), the built binary for one verification and for the long-running proxy.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const CREDS: SellerCredentials = {
  keys: { basic: 'cli-pact-basic-key-0123', general: 'cli-pact-general-key-0123', kit: 'cli-pact-kit-key-0123' },
  ak: 'CLIPACTAK00000000000',
  sk: 'cliPactSecretAccessKey000000000000000000',
};
const KEY_ARGS = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

const it = test.extend<{ reference: { args: string[]; produceUrl: string; port: number } }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures destructure their first argument.
  reference: async ({}, use) => {
    const port = await reserveFreePort();
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
    await use({ port, produceUrl: seller.produceUrl, args: ['--seller-url', seller.produceUrl, ...KEY_ARGS, '--port', String(port)] });
    await seller.close();
  },
});

/** A long-running `koomock pact resign-proxy`, resolved once it printed its address. */
function startProxyCli(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'koomock.js'), 'pact', 'resign-proxy', ...args], { cwd: ROOT, stdio: 'pipe' });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`resign-proxy did not start: ${out}`)), 20_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /resign-proxy: (http:\/\/\S+) ->/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolvePromise({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`resign-proxy exited with ${code}: ${out}`)));
  });
}

describe('koomock pact (CLI)', () => {
  it('verify (the built binary): the committed pacts pass against the reference seller (exit 0), one ✔ per interaction', async ({ reference }) => {
    const run = await spawnCli(['pact', 'verify', '--pact', 'contracts/pacts', ...reference.args], { timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines.filter((l) => l.startsWith('✔ '))).toHaveLength(20);
    expect(lines.at(-1)).toBe('20 interactions: 20 passed, 0 failed');
  });

  it('verify --no-resign: stale recorded signatures fail (exit 1), naming the interactions', async ({ reference }) => {
    const run = await runCli(['pact', 'verify', '--pact', 'contracts/pacts', '--no-resign', ...reference.args], { timeoutMs: 90_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ newInstance for a monthly PERIOD order line');
    expect(linesOf(run.stdout).at(-1)).toBe('20 interactions: 2 passed, 18 failed');
  });

  it('verify without pacts, with a pact file that does not exist, or with an unreachable seller, exits 2', async ({ reference }) => {
    const none = await runCli(['pact', 'verify', ...reference.args]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give the pacts to verify: --pact FILE|DIR');
    const missing = await runCli(['pact', 'verify', '--pact', 'nope.json', ...reference.args]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--pact nope.json: no such file or directory');
    const port = await reserveFreePort();
    const unreachable = await runCli(['pact', 'verify', '--pact', 'contracts/pacts', ...reference.args.map((a) => (a === reference.produceUrl ? `http://127.0.0.1:${port}/produce` : a))]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stdout).toBe('');
  });

  it('generate: writes the pact for a provider name and seller path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-cli-pact-'));
    try {
      const run = await runCli(['pact', 'generate', '--provider', 'my-saas', '--seller-path', '/saas/produce', '--out', dir, '--only', 'newInstance']);
      expect(run.code).toBe(0);
      expect(linesOf(run.stdout)).toEqual(['✔ newInstance', `1 interactions written to ${join(dir, 'koomock-koogallery-my-saas.json')}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resign-proxy: a call with a stale signature reaches the seller signed afresh; provider states are served', async ({ reference }) => {
    const { child, url } = await startProxyCli([...reference.args, '--listen-port', '0']);
    try {
      const state = await fetch(`${url}/_pactSetup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'an instance exists', action: 'setup', params: {} }) });
      const values = (await state.json()) as { instanceId?: string };
      expect(typeof values.instanceId).toBe('string');
      const body = JSON.stringify({ activity: 'queryInstance', instanceId: values.instanceId });
      const stale = String(Date.now() - 600_000);
      const signature = computeV2Signature({ key: CREDS.keys.basic, payload: body, timestamp: stale, nonce: 'n0nce0000000000000000000000000001' });
      const path = `/produce?signature=${signature}&timestamp=${stale}&nonce=n0nce0000000000000000000000000001`;
      const direct = await fetch(`${new URL(reference.produceUrl).origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json;charset=utf8' }, body });
      expect(((await direct.json()) as { resultCode: string }).resultCode).toBe('000001');
      const proxied = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json;charset=utf8' }, body });
      expect(await proxied.json()).toMatchObject({ resultCode: '000000', info: [{ instanceId: values.instanceId }] });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('verify-openapi: a sample seller pact passes (exit 0); one expecting a field the platform does not send fails naming it (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-cli-openapi-'));
    try {
      const file = await writeSellerPact(dir);
      const ok = await runCli(['pact', 'verify-openapi', '--pact', file, '--ak', AK, '--sk', SK, '--port', '0'], { timeoutMs: 60_000 });
      expect(ok.code).toBe(0);
      expect(linesOf(ok.stdout)).toContain('✔ an order query for MOCKPERIODYEARNEW');
      await writeSellerPact(dir, { discountAmount: MatchersV3.string('10.00') });
      const bad = await runCli(['pact', 'verify-openapi', '--pact', file, '--ak', AK, '--sk', SK, '--port', '0'], { timeoutMs: 60_000 });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('✗ an order query for MOCKPERIODYEARNEW: expects field orderInfo.discountAmount;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
