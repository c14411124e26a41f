import { describe, expect, test } from 'vitest';
import { createEmulator } from '../../mock-server/emulator.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials, type TestSellerServer } from '../support/faulty-sellers.js';
import { startForgivingKitSeller } from '../support/forgiving-kit-sellers.js';
import { startV1ReferenceSeller } from '../support/v1-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock send ACTIVITY --attack NAME` over real HTTP: the reference seller refuses each forged
 * call (exit 0, security.<attack> ✔) and its data is untouched; a seller that skips kit verification
 * fails the named check (exit 1); names are checked before anything is sent (exit 2).
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-sendatk-basic-0123456789', general: 'e2e-sendatk-general-0123456789', kit: 'e2e-sendatk-kit-0123456789' },
  ak: 'E2ESENDATKSELLERAK00',
  sk: 'e2eSendAttackSellerSecretAccessKey000000',
};

interface Seller {
  readonly args: readonly string[];
  readonly server: TestSellerServer & { readonly seller?: { readonly url: string } };
}

async function start(kind: 'reference' | 'kit-skip-signature'): Promise<Seller> {
  const port = await reserveFreePort();
  const options = { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` };
  const server = kind === 'reference' ? await startReferenceSeller(options) : await startForgivingKitSeller(kind, options);
  const args = ['--seller-url', server.produceUrl, '--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk, '--port', String(port)];
  return { args, server };
}

const it = test.extend('reference', { scope: 'file' }, async ({}, { onCleanup }) => {
  const seller = await start('reference');
  onCleanup(() => seller.server.close());
  return seller;
});

const tenant = (flag: number, name = 'ACME') => ['--set', 'instanceId=i-1', '--set', 'orderId=CS1', '--set', 'tenantId=t-atk', '--set', 'tenantCode=acme', '--set', `name=${name}`, '--set', 'domainName=https://acme.example.com', '--set', `flag:=${flag}`];

describe('koomock send --attack', () => {
  it('a forged kit call is refused by the reference seller: security.kit-wrong-key passes, the tenant stays (exit 0)', async ({ reference }) => {
    expect((await runCli(['send', 'tenantSync', ...tenant(1), ...reference.args])).code).toBe(0);
    const run = await runCli(['send', 'tenantSync', ...tenant(0), '--attack', 'kit-wrong-key', ...reference.args]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^→ POST http:\/\/127\.0\.0\.1:\d+\/produce\/produceAPI\/v2\/tenantSync$/m);
    expect(linesOf(run.stdout).some((l) => /✔ security\.kit-wrong-key/.test(l))).toBe(true);
    const state = (await (await fetch(new URL('/_seller/state', reference.server.produceUrl))).json()) as { tenants: { tenantId: string }[] };
    expect(state.tenants.map((t) => t.tenantId)).toContain('t-atk');
  });

  it.for([
    ['releaseInstance', ['--instance', 'i-none', '--set', 'orderId=CS1'], 'wrong-key'],
    ['newInstance', [], 'signature-missing'],
    ['tenantSync', tenant(2), 'kit-timestamp-stale'],
    ['tenantSync', tenant(2), 'kit-basic-key'],
  ] as const)('%s --attack %s … is refused with 000001 (exit 0)', async ([activity, extra, attack], { reference }) => {
    const run = await runCli(['send', activity, ...extra, '--attack', attack, ...reference.args]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✔ security.${attack}`);
  });

  it('kit-replay sends the valid call, then the same bytes: the reference seller refuses the repeat (exit 0)', async ({ reference }) => {
    const run = await runCli(['send', 'tenantSync', ...tenant(2, 'ACME Replay'), '--attack', 'kit-replay', ...reference.args]);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^→ POST .*\/produceAPI\/v2\/tenantSync$/gm)).toHaveLength(2);
    expect(run.stdout).toContain('✔ security.kit-replay');
  });

  test('a seller that skips kit verification fails security.kit-wrong-key, naming the forgery (exit 1)', async () => {
    const seller = await start('kit-skip-signature');
    try {
      const run = await runCli(['send', 'tenantSync', ...tenant(1), '--attack', 'kit-wrong-key', ...seller.args]);
      expect(run.code).toBe(1);
      const lines = linesOf(run.stdout);
      const at = lines.findIndex((l) => l.includes('✗ security.kit-wrong-key'));
      expect(at).toBeGreaterThan(-1);
      expect(lines.slice(at + 1, at + 4).join('\n')).toMatch(/the seller accepted a forged tenantSync \(x-sign computed with a key that is not the seller's\)/);
    } finally {
      await seller.server.close();
    }
  });

  test('V1: instanceStatus --attack v1-wrong-key is refused by the reference seller\'s V1 routes (exit 0)', async () => {
    const v1Key = 'e2e-sendatk-v1-key-0123456789';
    const seller = await startV1ReferenceSeller({ v1Key });
    try {
      const args = ['--seller-url', seller.produceUrl, '--key', `${v1Key}-basic`, '--v1-key', v1Key, '--profile', 'generation=v1', '--port', String(await reserveFreePort())];
      const run = await runCli(['send', 'instanceStatus', '--instance', 'i-1', '--set', 'instanceStatus=FREEZE', '--attack', 'v1-wrong-key', ...args]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^→ GET http:\/\/127\.0\.0\.1:\d+\/produce\?activity=instanceStatus&.*&authToken=/m);
      expect(run.stdout).toContain('✔ security.v1-wrong-key');
      const other = await runCli(['send', 'instanceStatus', '--instance', 'i-1', '--set', 'instanceStatus=FREEZE', '--attack', 'wrong-key', ...args]);
      expect(other.code).toBe(2);
      expect(linesOf(other.stderr)[0]).toContain('attack wrong-key is for V2 calls, not for instanceStatus (did you mean v1-wrong-key?)');
    } finally {
      await seller.close();
    }
  });

  it.for([
    ['tenantSync', 'kit-wrong-kye', /^koomock: unknown attack "kit-wrong-kye" \(did you mean kit-wrong-key\?\): attacks for tenantSync \(kit calls\): kit-wrong-key, kit-basic-key, kit-timestamp-stale, kit-replay/],
    ['tenantSync', 'wrong-key', /^koomock: attack wrong-key is for V2 calls, not for tenantSync \(did you mean kit-wrong-key\?\): attacks for tenantSync/],
    ['releaseInstance', 'kit-timestamp-stale', /^koomock: attack kit-timestamp-stale is for kit calls, not for releaseInstance \(did you mean timestamp-stale\?\): attacks for releaseInstance \(V2 calls\): body-changed-after-signing, /],
    ['releaseInstance', 'forge-everything', /^koomock: unknown attack "forge-everything": attacks for releaseInstance \(V2 calls\): /],
  ] as const)('%s --attack %s is refused before anything is sent (exit 2)', async ([activity, attack, message], { reference }) => {
    const run = await runCli(['send', activity, '--instance', 'i-1', '--attack', attack, ...reference.args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)[0]).toMatch(message);
  });

  it('says it in Chinese with --lang zh', async ({ reference }) => {
    const run = await runCli(['send', 'tenantSync', '--instance', 'i-1', '--attack', 'wrong-key', '--lang', 'zh', ...reference.args]);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)[0]).toBe('koomock：攻击 wrong-key 用于V2 调用，不适用于 tenantSync（是否想用 kit-wrong-key？）：tenantSync（联营调用）可用的攻击：kit-wrong-key, kit-basic-key, kit-timestamp-stale, kit-replay');
  });
});

describe('POST /_koomock/exchanges/{id}/replay {"break"} on a kit call', () => {
  test('stale, wrong-key and replay send the kit attacks; tamper is refused (V2 only)', async () => {
    // Kit calls need no order query: the seller is started first, so koomock can be configured with its address.
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: 'http://127.0.0.1:9' });
    const emulator = await createEmulator({ config: { seller: { productionUrl: seller.produceUrl, ak: CREDS.ak, sk: CREDS.sk, keys: { basic: CREDS.keys.basic, general: CREDS.keys.general, kit: CREDS.keys.kit } } } });
    const post = async (path: string, body: unknown = {}) => {
      const res = await fetch(`${emulator.url}/_koomock${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    try {
      const fields = { instanceId: 'i-1', orderId: 'CS1', tenantId: 't-replay', tenantCode: 'acme', name: 'ACME', domainName: 'https://acme.example.com', flag: 1 };
      const sent = await post('/send', { activity: 'tenantSync', fields, sellerUrl: seller.produceUrl });
      expect(sent.body).toMatchObject({ status: 'passed' });
      const [id] = sent.body['exchangeIds'] as number[];
      for (const [how, attack] of [['stale', 'kit-timestamp-stale'], ['wrong-key', 'kit-wrong-key'], ['replay', 'kit-replay']] as const) {
        const replay = await post(`/exchanges/${id}/replay`, { break: how });
        expect(replay.status).toBe(200);
        const checks = ((replay.body['report'] as { scenarios: { checks: { id: string; ok: boolean }[] }[] }).scenarios[0]?.checks ?? []).filter((c) => c.id === `security.${attack}`);
        expect(checks.map((c) => c.ok), how).toEqual([true]);
      }
      const tamper = await post(`/exchanges/${id}/replay`, { break: 'tamper' });
      expect(tamper.status).toBe(400);
      expect(JSON.stringify(tamper.body)).toContain('break tamper is not defined for tenantSync: use one of stale, wrong-key, replay');
    } finally {
      await seller.close();
      await emulator.close();
    }
  });
});
