import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../../mock-server/emulator.js';
import { rsaKeyPair } from '../support/rsa-keys.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock send applicationSync` against the reference seller holding the private key: the
 * clientSecret goes out encrypted with the configured public key (seller.kitPublicKeyFile) and the
 * profile's OAEP variant; a variant the seller does not use fails result.code with a hint that
 * names the other variants.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-kit-basic-0123456789', general: 'e2e-kit-general-0123456789', kit: 'e2e-kit-kit-0123456789' },
  ak: 'E2EKITSELLERAK000000',
  sk: 'e2eKitSellerSecretAccessKey0000000000000',
};
const rsa = rsaKeyPair(3072);

const it = test.extend('reference', { scope: 'file' }, async ({}, { onCleanup }) => {
  const port = await reserveFreePort();
  const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: rsa.privateKey });
  const dir = mkdtempSync(join(tmpdir(), 'koomock-kit-send-'));
  writeFileSync(join(dir, 'kit-public.pem'), rsa.publicKey);
  writeFileSync(join(dir, 'koomock.config.yaml'), 'seller:\n  kitPublicKeyFile: kit-public.pem\n');
  onCleanup(async () => {
    await seller.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const args = ['--seller-url', seller.produceUrl, '--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk, '--port', String(port)];
  const state = async () => (await (await fetch(new URL('/_seller/state', seller.produceUrl))).json()) as { applications: Record<string, unknown>[] };
  return { dir, args, state };
});

const app = (appId: string) => ['--set', 'instanceId=i-1', '--set', 'tenantId=t-1', '--set', `appId=${appId}`, '--set', 'clientId=client-1', '--set', 'clientSecret=plain-secret-1', '--set', 'flag:=1'];

describe('koomock send applicationSync', () => {
  it('encrypts clientSecret with the configured public key; the seller decrypts it (exit 0)', async ({ reference }) => {
    const run = await runCli(['send', 'applicationSync', ...app('app-ok'), ...reference.args], { cwd: reference.dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^→ POST http:\/\/127\.0\.0\.1:\d+\/produce\/produceAPI\/v2\/applicationSync$/m);
    expect(run.stdout).not.toContain('plain-secret-1');
    expect((await reference.state()).applications).toContainEqual(expect.objectContaining({ appId: 'app-ok', clientSecretDecrypted: true }));
  });

  it('fails result.code with a hint naming the other OAEP variants when the seller uses another one (exit 1)', async ({ reference }) => {
    const run = await runCli(['send', 'applicationSync', ...app('app-sha1'), '--profile', 'oaepHash=sha1', ...reference.args], { cwd: reference.dir });
    expect(run.code).toBe(1);
    const failed = linesOf(run.stdout).findIndex((l) => /^ {4}✗ result\.code/.test(l));
    expect(failed).toBeGreaterThan(-1);
    const detail = linesOf(run.stdout).slice(failed).join('\n');
    expect(detail).toContain('oaepHash sha1');
    expect(detail).toContain('sha256 = SHA-256/MGF1-SHA-256');
    expect(detail).toContain('sha256-mgf1-sha1 = SHA-256/MGF1-SHA-1');
    expect((await reference.state()).applications).not.toContainEqual(expect.objectContaining({ appId: 'app-sha1' }));
  });

  it('refuses to send clientSecret in plain text when no public key is configured (exit 2)', async ({ reference }) => {
    const run = await runCli(['send', 'applicationSync', ...app('app-none'), ...reference.args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kitPublicKeyFile.*koomock init --kit/);
  });
});

describe('failed kit calls: GET /_koomock/kit/failed and the manual retry', () => {
  test('lists a failed applicationSync with its replay and send line; the journal keeps only the ciphertext; a replay re-sends it', async () => {
    const token = 'test-admin-token-kit-01';
    const emulator = await createEmulator({
      config: {
        server: { adminToken: token },
        seller: { ak: CREDS.ak, sk: CREDS.sk, keys: { basic: CREDS.keys.basic, general: CREDS.keys.general, kit: CREDS.keys.kit }, kitPublicKey: rsa.publicKey },
        profile: { oaepHash: 'sha256-mgf1-sha1' },
      },
    });
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: emulator.url, kitPrivateKey: rsa.privateKey });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${emulator.url}/_koomock${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as Record<string, unknown>;
    };
    try {
      const fields = { instanceId: 'i-9', tenantId: 't-9', appId: 'app-9', clientId: 'client-9', clientSecret: 'plain-secret-9', flag: 1 };
      // The reference seller decrypts with SHA-256/MGF1-SHA-256 only: this variant fails there.
      const sent = await call('POST', '/send', { activity: 'applicationSync', fields, sellerUrl: seller.produceUrl });
      expect(sent).toMatchObject({ status: 'failed' });
      const [id] = sent['exchangeIds'] as number[];
      const { failed } = (await call('GET', '/kit/failed')) as { failed: Record<string, unknown>[] };
      expect(failed).toEqual([
        {
          id,
          operation: 'applicationSync',
          startedAt: expect.any(Number),
          failedCheck: expect.stringMatching(/^result\.code: "000002"/),
          replay: `POST /_koomock/exchanges/${id}/replay`,
          replayCommand: `koomock replay ${id}`,
          send: 'koomock send applicationSync --set instanceId=i-9 --set tenantId=t-9 --set appId=app-9 --set clientId=client-9 --set clientSecret=YOUR_PLAIN_CLIENT_SECRET --set flag:=1',
        },
      ]);
      const journaled = JSON.stringify(await emulator.admin.getExchange(id as number));
      expect(journaled).not.toContain('plain-secret-9');
      const replay = await call('POST', `/exchanges/${id}/replay`);
      expect(replay).toMatchObject({ replayOf: id, status: 'failed' });
      const [again] = replay['exchangeIds'] as number[];
      const bodyOf = async (n: number) => JSON.parse(String((await emulator.admin.getExchange(n)).request['body'])) as Record<string, unknown>;
      // A manual restart re-sends the same message: the same ciphertext, a fresh signature.
      expect((await bodyOf(again as number))['clientSecret']).toBe((await bodyOf(id as number))['clientSecret']);
      expect(((await call('GET', '/kit/failed')) as { failed: unknown[] }).failed).toHaveLength(2);
    } finally {
      await seller.close();
      await emulator.close();
    }
  });
});
