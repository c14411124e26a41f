import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isFailure, type RunReport } from '../../mock-server/core/scenario/run/report.js';
import { KIT_ATTACK_NAMES } from '../../mock-server/core/checks/attack-names.js';
import { reserveFreePort, type SellerCredentials, startReferenceSeller, type TestSellerServer } from '../support/faulty-sellers.js';
import { type KitForgiveness, startForgivingKitSeller } from '../support/forgiving-kit-sellers.js';
import { englishRuns } from '../support/english-runs.js';
import { CLI_TEST_TIMEOUT, runCli } from '../support/run-cli.js';
import { failedIds, warnedIds } from '../support/report-ids.js';

/*
 * `koomock run --group kit-security` over real HTTP: the reference seller rejects every forged and
 * replayed kit call and keeps its data; a seller that accepts forged kit calls, one that verifies
 * them with the basic key and one that keeps the x-nonce of calls it rejected each fail named checks.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-kitsec-basic-0123456789', general: 'e2e-kitsec-general-0123456789', kit: 'e2e-kitsec-kit-0123456789' },
  ak: 'E2EKITSECSELLERAK000',
  sk: 'e2eKitSecSellerSecretAccessKey0000000000',
};

const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

type SellerKind = 'reference' | 'kit-verifies-with-basic-key' | KitForgiveness;

interface Outcome {
  readonly code: number;
  readonly stderr: string;
  readonly report: RunReport;
  /** The reference seller's own view of its kit data after the run (`GET /_seller/state`). */
  readonly state?: { tenants: { tenantId: string; name: string }[]; users: { userName: string; orgCode: string }[]; orgs: { orgCode: string; orgName: string }[] };
}

async function start(kind: SellerKind, emulatorUrl: string): Promise<TestSellerServer & { stateUrl?: string }> {
  const options = { ...CREDS, emulatorUrl };
  if (kind === 'reference') {
    const s = await startReferenceSeller(options);
    return { ...s, stateUrl: `${s.seller.url}/_seller/state` };
  }
  // The defect (a) of the kit suite: the seller checks x-sign with its basic key.
  if (kind === 'kit-verifies-with-basic-key') return startReferenceSeller({ ...options, keys: { ...CREDS.keys, kit: CREDS.keys.basic } });
  return startForgivingKitSeller(kind, options);
}

async function runAgainst(kind: SellerKind, dir: string): Promise<Outcome> {
  const port = await reserveFreePort();
  const seller = await start(kind, `http://127.0.0.1:${port}`);
  try {
    const file = join(dir, `${kind}.json`);
    const run = await runCli(['run', '--group', 'kit-security', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--report', `json=${file}`], { timeoutMs: 45_000 });
    const state = seller.stateUrl === undefined ? undefined : ((await (await fetch(seller.stateUrl)).json()) as Outcome['state']);
    return { code: run.code, stderr: run.stderr, report: JSON.parse(readFileSync(file, 'utf8')) as RunReport, ...(state === undefined ? {} : { state }) };
  } finally {
    await seller.close();
  }
}

const it = test.extend('runs', { scope: 'file' }, async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-kit-security-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const runs = new Map<SellerKind, Promise<Outcome>>();
  return (kind: SellerKind): Promise<Outcome> => {
    const run = runs.get(kind) ?? runAgainst(kind, dir);
    runs.set(kind, run);
    return run;
  };
});


describe('koomock run --group kit-security', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('the reference seller rejects every kit attack with 000001 and keeps its data (exit 0)', async ({ runs }) => {
    const { code, stderr, report, state } = await runs('reference');
    expect(stderr).not.toContain('✗');
    expect(code).toBe(0);
    expect(report.scenarios.map((s) => s.id)).toEqual(KIT_ATTACK_NAMES.map((a) => `kit-security-${a.slice(4)}`).sort());
    expect(failedIds(report)).toEqual([]);
    expect(warnedIds(report)).toEqual([]);
    for (const attack of KIT_ATTACK_NAMES) {
      const checks = report.scenarios.flatMap((s) => s.checks).filter((c) => c.id === `security.${attack}`);
      // Once for the answer to the attack, once for the valid call after it.
      expect(checks.map((c) => c.ok)).toEqual([true, true]);
    }
    // What koomock cannot see, the seller's own state confirms: the forged delete and revoke changed nothing.
    expect(state?.tenants.find((t) => t.tenantId === 'kit-sec-tenant-1')?.name).toBe('ACME Group');
    expect(state?.users.find((u) => u.userName === 'zhangsan')?.orgCode).toBe('RD002');
    expect(state?.orgs.find((o) => o.orgCode === 'RD001')?.orgName).toBe('Research');
  });

  it('a seller that accepts forged kit calls fails security.kit-wrong-key, -basic-key and -timestamp-stale (exit 1)', async ({ runs }) => {
    const { code, report } = await runs('kit-skip-signature');
    expect(code).toBe(1);
    expect(failedIds(report)).toEqual(['security.kit-basic-key', 'security.kit-timestamp-stale', 'security.kit-wrong-key']);
    expect(warnedIds(report)).toEqual(['security.kit-replay']);
    const wrongKey = report.scenarios.flatMap((s) => s.checks).find((c) => c.id === 'security.kit-wrong-key' && !c.ok);
    expect(wrongKey?.received).toMatch(/^"000000"(, resultMsg "[^"]*")?: the seller accepted a forged tenantSync \(x-sign computed with a key that is not the seller's\)$/);
    expect(wrongKey?.hint).toContain('verify x-sign with your kit key');
  });

  it('a seller that verifies kit calls with the basic key fails security.kit-basic-key', async ({ runs }) => {
    const { code, report } = await runs('kit-verifies-with-basic-key');
    expect(code).toBe(1);
    const onForged = report.scenarios.flatMap((s) => s.checks).filter((c) => c.step === 'forged' && c.id.startsWith('security.'));
    // The basic-key forgery is accepted; the others are refused (its valid calls fail too: result.code).
    expect(onForged.filter(isFailure).map((c) => c.id)).toEqual(['security.kit-basic-key']);
    expect(onForged.find((c) => c.id === 'security.kit-basic-key')?.received).toContain('the seller accepted a forged authSync (x-sign computed with the seller\'s basic (基础接口) key instead of the kit key)');
    expect(failedIds(report)).toContain('result.code');
  });

  it('a seller that keeps the x-nonce of a call it rejected fails on the valid call after it', async ({ runs }) => {
    const { code, report } = await runs('kit-nonce-before-verify');
    expect(code).toBe(1);
    // Each forged call is refused; the valid call after it is refused too (result.code, and the step's expected success).
    expect(failedIds(report)).toEqual(['expect.outcome', 'result.code', 'security.kit-basic-key', 'security.kit-timestamp-stale', 'security.kit-wrong-key']);
    expect(report.scenarios.flatMap((s) => s.checks).filter((c) => c.step === 'forged' && c.id.startsWith('security.')).every((c) => c.ok)).toBe(true);
    const trace = report.scenarios.flatMap((s) => s.checks).find((c) => c.id === 'security.kit-wrong-key' && !c.ok);
    expect(trace).toMatchObject({ step: 'still-there', expected: 'no trace of the forged tenantSync (step forged) in a valid tenantSync' });
    expect(trace?.received).toContain('"000001"');
  });

  test('in Chinese, a seller that accepts forged kit calls reads every failure and hint in Chinese', async () => {
    const port = await reserveFreePort();
    const seller = await startForgivingKitSeller('kit-skip-signature', { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
    try {
      const run = await runCli(['run', '--group', 'kit-security', '--lang', 'zh', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port)], { timeoutMs: 45_000 });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('卖家服务接受了伪造的 tenantSync（x-sign 由非卖家的密钥计算）');
      expect(englishRuns(run.stdout)).toEqual([]);
      expect(englishRuns(run.stderr)).toEqual([]);
    } finally {
      await seller.close();
    }
  });
});
