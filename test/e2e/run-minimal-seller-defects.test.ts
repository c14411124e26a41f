import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunReport } from '../../mock-server/core/scenario/run/report.js';
import { isFailure } from '../../mock-server/core/scenario/run/report.js';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { type MinimalSellerDefect, startMinimalSeller } from '../support/minimal-seller/index.js';
import { runCli } from '../support/run-cli.js';

/*
 * The answer rules koomock states as the spec does, each broken by one minimal seller that is
 * otherwise correct: the named check fails (or warns, where the platform would accept the answer),
 * and nothing else fails. The correct minimal seller passes the same scenarios (run-minimal-seller).
 */

const CREDS = { keys: { basic: 'defect-basic-key-0123456789', general: 'defect-general-key-0123456789' }, ak: 'MINIMALDEFECTAK00000', sk: 'minimalDefectSecretAccessKey000000000000' };
const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--ak', CREDS.ak, '--sk', CREDS.sk];

interface Row {
  readonly rule: string;
  readonly defect: MinimalSellerDefect;
  readonly async?: boolean;
  readonly only: string;
  readonly extra?: readonly string[];
  /** The check that names the defect, and whether it fails or warns. */
  readonly check: string;
  readonly severity: 'fail' | 'warn';
}

const ROWS: readonly Row[] = [
  { rule: 'resultMsg is required on every V2 answer', defect: 'no-result-msg', only: 'subscribe-monthly', check: 'response.schema', severity: 'fail' },
  { rule: 'queryInstance lists every queried instanceId (comma-separated query)', defect: 'first-id-only', only: 'query-several-instances', check: 'response.instances', severity: 'fail' },
  { rule: 'changeInstanceCheck must be able to refuse a change', defect: 'accept-every-change', only: 'change-check-refused', check: 'expect.outcome', severity: 'fail' },
  { rule: 'refreshInstance.expireTime also comes with 17 digits', defect: 'expire-14-only', only: 'renew-expiry-milliseconds', check: 'result.code', severity: 'fail' },
  { rule: 'a V2 answer with a wrong Body-Sign is only a warning', defect: 'wrong-body-sign', only: 'subscribe-monthly', check: 'response.body-sign', severity: 'warn' },
  { rule: 'a memo with raw non-ASCII characters is reported (\\uXXXX asked)', defect: 'raw-memo', only: 'subscribe-monthly', check: 'response.memo', severity: 'warn' },
  { rule: 'polling after 000004 accepts instanceId without appInfo (a warning)', defect: 'async-without-appinfo', async: true, only: 'async-provisioning', check: 'poll.appinfo', severity: 'warn' },
  { rule: '000100-000107 end the order (not retried under definitiveCodes=final)', defect: 'sold-out', only: 'subscribe-monthly', extra: ['--profile', 'definitiveCodes=final'], check: 'result.code', severity: 'fail' },
];

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-defects-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

async function runWith(row: Row, dir: string): Promise<{ code: number; report: RunReport }> {
  const port = await reserveFreePort();
  const seller = await startMinimalSeller({ ...CREDS, orderHosts: [`http://127.0.0.1:${port}`], async: row.async === true, defect: row.defect });
  try {
    const file = join(dir, `${row.defect}.json`);
    const run = await runCli(['run', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--only', row.only, '--report', `json=${file}`, ...(row.extra ?? [])], { timeoutMs: 60_000 });
    return { code: run.code, report: JSON.parse(readFileSync(file, 'utf8')) as RunReport };
  } finally {
    await seller.close();
  }
}

describe('a minimal seller that breaks one answer rule', () => {
  it.for(ROWS)('$rule: $check ($severity)', async (row, { dir }) => {
    const { code, report } = await runWith(row, dir);
    const checks = report.scenarios.flatMap((s) => s.checks);
    const failed = [...new Set(checks.filter(isFailure).map((c) => c.id))];
    const warned = [...new Set(checks.filter((c) => !c.ok && c.severity === 'warn').map((c) => c.id))];
    if (row.severity === 'warn') {
      expect(code).toBe(0);
      expect(failed).toEqual([]);
      expect(warned).toEqual([row.check]);
    } else {
      expect(code).toBe(1);
      expect(failed).toContain(row.check);
      expect(warned).toEqual([]);
    }
  });

  it('000100-000107 are retried like any failure by default (the spec names no exception): 61 attempts over 3 h', async ({ dir }) => {
    const { code, report } = await runWith({ rule: '', defect: 'sold-out', only: 'subscribe-monthly', check: 'result.code', severity: 'fail' }, dir);
    expect(code).toBe(1);
    const create = report.scenarios[0]?.steps.find((s) => s.id === 'create');
    expect(create?.attempts).toHaveLength(61);
    expect(report.scenarios[0]?.checks.find((c) => c.id === 'result.code' && !c.ok)?.hint).toMatch(/^000106 is a definitive refusal of the order \(sold out\)/);
  });

  it('under definitiveCodes=final one 000106 ends the order at once: one attempt, order FAILED', async ({ dir }) => {
    const { report } = await runWith({ rule: '', defect: 'sold-out', only: 'subscribe-monthly', extra: ['--profile', 'definitiveCodes=final'], check: 'result.code', severity: 'fail' }, dir);
    const create = report.scenarios[0]?.steps.find((s) => s.id === 'create');
    expect(create?.attempts).toHaveLength(1);
    expect(report.scenarios[0]?.checks.find((c) => c.id === 'order.outcome')).toMatchObject({ ok: false, received: expect.stringMatching(/^FAILED and unsubscribed automatically/) });
  });
});
