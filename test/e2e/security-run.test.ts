import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunReport } from '../../mock-server/core/scenario/run/report.js';
import { ATTACK_NAMES } from '../../mock-server/core/checks/attack-names.js';
import { reserveFreePort, type SellerCredentials, startReferenceSeller, type TestSellerServer } from '../support/faulty-sellers.js';
import { type Forgiveness, startForgivingSeller } from '../support/forgiving-sellers.js';
import { CLI_TEST_TIMEOUT, linesOf, runCli } from '../support/run-cli.js';
import { failedIds, warnedIds } from '../support/report-ids.js';

/*
 * `koomock run scenarios/security` (in process through main(argv, io)): the reference seller rejects every
 * forged call and passes; a seller with one forgiveness in its signature check fails exactly the
 * security checks that forgiveness lets through, and the checklist says why.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-security-basic-0123456789', general: 'e2e-security-general-0123456789', kit: 'e2e-security-kit-0123456789' },
  ak: 'E2ESECURITYSELLERAK0',
  sk: 'e2eSecuritySellerSecretAccessKey00000000',
};

const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

const SIGNATURE_ATTACKS = ATTACK_NAMES.filter((a) => a !== 'replay').map((a) => `security.${a}`);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly report: RunReport;
}

type SellerKind = 'reference' | Forgiveness;

async function runAgainst(kind: SellerKind, dir: string, args: readonly string[] = ['scenarios/security']): Promise<Outcome> {
  const port = await reserveFreePort();
  const options = { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` };
  const seller: TestSellerServer = kind === 'reference' ? await startReferenceSeller(options) : await startForgivingSeller(kind, options);
  try {
    const file = join(dir, `${kind}-${args.join('_').replace(/\W+/g, '-')}.json`);
    const run = await runCli(['run', ...args, '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--report', `json=${file}`], { timeoutMs: 45_000 });
    return { code: run.code, stdout: run.stdout, stderr: run.stderr, report: JSON.parse(readFileSync(file, 'utf8')) as RunReport };
  } finally {
    await seller.close();
  }
}

/** One run per seller for the whole file (several tests read the same run). */
const it = test.extend('runs', { scope: 'file' }, async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-security-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const runs = new Map<SellerKind, Promise<Outcome>>();
  return (kind: SellerKind): Promise<Outcome> => {
    const run = runs.get(kind) ?? runAgainst(kind, dir);
    runs.set(kind, run);
    return run;
  };
});


describe('koomock run scenarios/security', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('passes every security scenario against the reference seller (exit 0), each attack checked twice', async ({ runs }) => {
    const { code, stdout, stderr, report } = await runs('reference');
    expect(stderr).not.toContain('✗');
    expect(code).toBe(0);
    expect(report.scenarios.map((s) => s.id)).toEqual(ATTACK_NAMES.map((a) => `security-${a}`).sort());
    expect(failedIds(report)).toEqual([]);
    expect(warnedIds(report)).toEqual([]);
    for (const attack of ATTACK_NAMES) {
      const checks = report.scenarios.flatMap((s) => s.checks).filter((c) => c.id === `security.${attack}`);
      // The forged call rejected, and the valid follow-up without a trace of it.
      expect(checks.map((c) => c.ok)).toEqual([true, true]);
    }
    expect(linesOf(stdout).at(-1)).toMatch(/^9 scenarios: 9 passed, 0 failed · \d+ checks, 0 failed, 0 warnings$/);
  });

  it.for([
    { name: 'skip-signature', kind: 'skip-signature', failed: SIGNATURE_ATTACKS, warned: ['security.replay'] },
    { name: 'ignore-window', kind: 'ignore-window', failed: ['security.timestamp-in-seconds', 'security.timestamp-stale'], warned: [] },
    { name: 'verify-only-when-present', kind: 'verify-only-when-present', failed: ['security.signature-missing'], warned: [] },
  ] as const)('a seller that does $name exits 1 and fails exactly the attacks it lets through', async ({ kind, failed, warned }, { runs }) => {
    const { code, report } = await runs(kind);
    expect(code).toBe(1);
    // An accepted forged release also leaves a trace the valid follow-up shows (expect.field).
    expect(failedIds(report).filter((id) => id.startsWith('security.'))).toEqual([...failed].sort());
    expect(warnedIds(report)).toEqual([...warned]);
  });

  it('says which forgery was accepted and what the seller must verify', async ({ runs }) => {
    const { stdout } = await runs('verify-only-when-present');
    const lines = linesOf(stdout);
    const at = lines.findIndex((l) => l.includes('✗ security.signature-missing'));
    expect(at).toBeGreaterThan(-1);
    const detail = lines.slice(at + 1, at + 4).join('\n');
    expect(detail).toMatch(/expected\s+the forged newInstance rejected with resultCode "000001"/);
    expect(detail).toMatch(/received\s+"000000".*: the seller accepted a forged newInstance \(no signature parameter; timestamp and nonce present\)/);
    expect(detail).toMatch(/hint\s+The seller accepted a request without the `signature` URL parameter.*require `signature` on every call/);
    // The valid newInstance after it got the instance the forged call created.
    expect(stdout).toMatch(/the forged call created the instance/);
  });

  it('says a stale timestamp went through, in Chinese too', async ({ runs }) => {
    const { report } = await runs('ignore-window');
    const stale = report.scenarios.find((s) => s.id === 'security-timestamp-stale');
    expect(stale?.status).toBe('failed');
    const forged = stale?.checks.find((c) => c.id === 'security.timestamp-stale' && c.step === 'forged');
    expect(forged?.received).toMatch(/the seller accepted a forged releaseInstance \(timestamp \d{13}, 5 minutes old, correctly signed\)/);
    expect(forged?.hint).toMatch(/reject a timestamp more than 60 s old/);
    // The instance was released by the forged call: the valid queryInstance no longer shows it.
    const after = stale?.checks.find((c) => c.id === 'security.timestamp-stale' && c.step === 'still-there');
    expect(after).toMatchObject({ ok: false, received: expect.stringMatching(/^the valid queryInstance shows one: /) });
  });

  it('runs the security group with the shipped suite when no path is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-security-default-'));
    try {
      const { code, report } = await runAgainst('reference', dir, ['--only', 'security-wrong-key,subscribe-monthly']);
      expect(code).toBe(0);
      expect(report.scenarios.map((s) => s.id).sort()).toEqual(['security-wrong-key', 'subscribe-monthly']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
