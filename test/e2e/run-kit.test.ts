import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rsaKeyPair } from '../support/rsa-keys.js';
import { reserveFreePort, startFaultySeller, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run --group kit` (the joint-operation scenarios, left out of a plain run) against the
 * reference seller holding the clientSecret private key, then against sellers with one kit defect
 * each, every one failing a named check.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-kitrun-basic-0123456789', general: 'e2e-kitrun-general-0123456789', kit: 'e2e-kitrun-kit-0123456789' },
  ak: 'E2EKITRUNSELLERAK000',
  sk: 'e2eKitRunSellerSecretAccessKey0000000000',
};
const rsa = rsaKeyPair(3072);
const KIT_IDS = ['kit-application', 'kit-departments', 'kit-sso', 'kit-tenant', 'kit-users'];

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-kit-run-'));
  writeFileSync(join(dir, 'kit-public.pem'), rsa.publicKey);
  writeFileSync(join(dir, 'koomock.config.yaml'), 'seller:\n  kitPublicKeyFile: kit-public.pem\n');
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

const argsFor = (produceUrl: string, port: number) => ['--seller-url', produceUrl, '--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk, '--port', String(port)];

/** The ids of the failed checks under a scenario's checklist. */
const failedChecks = (stdout: string): string[] => linesOf(stdout).flatMap((l) => /^ {4}✗ (\S+)/.exec(l)?.[1] ?? []);

describe('koomock run --group kit', () => {
  it('the reference seller passes the five kit scenarios, single sign-on included (exit 0)', async ({ dir }) => {
    const port = await reserveFreePort();
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: rsa.privateKey });
    writeFileSync(join(dir, 'koomock.config.yaml'), `seller:\n  kitPublicKeyFile: kit-public.pem\n  loginUrl: ${seller.seller.url}/sso/login\n  logoutUrl: ${seller.seller.url}/sso/logout\n`);
    try {
      const run = await runCli(['run', '--group', 'kit', ...argsFor(seller.produceUrl, port)], { cwd: dir, timeoutMs: 30_000 });
      expect(run.stderr).not.toContain('✗');
      expect(run.code).toBe(0);
      const progress = linesOf(run.stderr).filter((l) => /^✔ \[\d+\/\d+\] /.test(l)).map((l) => l.split(/\s+/)[2]);
      expect(progress.sort()).toEqual(KIT_IDS);
      expect(linesOf(run.stdout).at(-1)).toMatch(/^5 scenarios: 5 passed, 0 failed · \d+ checks, 0 failed, 0 warnings$/);
    } finally {
      await seller.close();
    }
  });

  test.for([
    {
      name: '(a) verifies x-sign with the basic key',
      start: async (port: number) => startReferenceSeller({ ...CREDS, keys: { ...CREDS.keys, kit: CREDS.keys.basic }, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: rsa.privateKey }),
      only: 'kit-tenant',
      extra: [] as string[],
      failed: 'result.code',
      text: '"000001"',
    },
    {
      name: '(b) fails on a repeated delete',
      start: async (port: number) => startFaultySeller('kit-repeated-delete', { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` }),
      only: 'kit-tenant',
      extra: [] as string[],
      failed: 'result.code',
      text: 'delete-again',
    },
    {
      name: '(c) decrypts clientSecret with another OAEP variant',
      start: async (port: number) => startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: rsa.privateKey }),
      only: 'kit-application',
      // The reference seller reads SHA-256/MGF1-SHA-256: koomock sending the Java default variant is the same mismatch.
      extra: ['--profile', 'oaepHash=sha256-mgf1-sha1'],
      failed: 'result.code',
      text: 'sha1 = SHA-1/MGF1-SHA-1',
    },
  ])('a seller that $name fails $failed (exit 1)', async ({ start, only, extra, failed, text }) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-kit-defect-'));
    writeFileSync(join(dir, 'kit-public.pem'), rsa.publicKey);
    writeFileSync(join(dir, 'koomock.config.yaml'), 'seller:\n  kitPublicKeyFile: kit-public.pem\n');
    const port = await reserveFreePort();
    const seller = await start(port);
    try {
      const run = await runCli(['run', '--only', only, ...extra, ...argsFor(seller.produceUrl, port)], { cwd: dir, timeoutMs: 30_000 });
      expect(run.code).toBe(1);
      expect(failedChecks(run.stdout)).toContain(failed);
      expect(run.stdout).toContain(text);
    } finally {
      await seller.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
