import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunReport } from '../../mock-server/core/scenario/run/report.js';
import { isFailure } from '../../mock-server/core/scenario/run/report.js';
import { reserveFreePort, type SellerCredentials, type SellerDefect, startFaultySeller } from '../support/faulty-sellers.js';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';
import { toPrettyReport } from '../../mock-server/adapters/cli/reporters/pretty.js';

/*
 * `koomock run` (in process through main(argv, io)) against sellers that are correct except for one defect:
 * each run exits 1 and fails the check that names the defect. And the two ways koomock cannot run
 * at all exit 2 with one line.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-faulty-basic-0123456789', general: 'e2e-faulty-general-0123456789', kit: 'e2e-faulty-kit-0123456789' },
  ak: 'E2EFAULTYSELLERAK000',
  sk: 'e2eFaultySellerSecretAccessKey0000000000',
};

const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly report: RunReport;
}

/** One run per defect for the whole file (several tests read the same run). */
const it = test.extend('runs', { scope: 'file' }, async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-faulty-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const runs = new Map<SellerDefect, Promise<Outcome>>();
  return (row: Row): Promise<Outcome> => {
    const run = runs.get(row.defect) ?? runAgainst(row, dir);
    runs.set(row.defect, run);
    return run;
  };
});

interface Row {
  readonly name: string;
  readonly defect: SellerDefect;
  readonly only: string;
  readonly check: string;
  readonly extra?: readonly string[];
}

const ROWS: readonly Row[] = [
  { name: 'a new instance on every re-send', defect: 'non-idempotent', only: 'idempotent-resend', check: 'instance.idempotent' },
  { name: 'answers as text/html', defect: 'wrong-content-type', only: 'subscribe-monthly', check: 'http.content-type' },
  { name: 'no instanceId in the newInstance answer', defect: 'missing-instance-id', only: 'subscribe-monthly', check: 'response.schema' },
  // A 150 ms timeout and a 3-minute window keep this short: two attempts, each cut off.
  { name: 'answers after the call timeout', defect: 'late-answer', only: 'subscribe-monthly', check: 'transport.timeout', extra: ['--profile', 'callTimeoutMs=150ms', '--profile', 'retryWindowMs.newInstance=3m'] },
  { name: 'never calls the order query', defect: 'no-order-query', only: 'subscribe-monthly', check: 'order.queried' },
  { name: 'newInstance always failing', defect: 'failing-new-instance', only: 'subscribe-monthly', check: 'order.outcome' },
  { name: 'never pushes usage for its on-demand instance', defect: 'no-usage-push', only: 'usage-short', check: 'usage.pushed', extra: ['test/fixtures/scenarios/usage-short.yaml', '--seller-pushes-usage'] },
  { name: 'queryInstance returns released and unknown instances with login details', defect: 'returns-released', only: 'release-after-unsubscribe', check: 'instance.released' },
];

async function runAgainst(row: Row, dir: string): Promise<Outcome> {
  const port = await reserveFreePort();
  const seller = await startFaultySeller(row.defect, { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
  try {
    const file = join(dir, `${row.defect}.json`);
    const run = await runCli(['run', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--only', row.only, '--report', `json=${file}`, ...(row.extra ?? [])]);
    return { code: run.code, stdout: run.stdout, report: JSON.parse(readFileSync(file, 'utf8')) as RunReport };
  } finally {
    await seller.close();
  }
}

describe('koomock run against a seller with one defect', () => {
  it.for(ROWS)('$name: exit 1, $check fails', async (row, { runs }) => {
    const { code, stdout, report } = await runs(row);
    expect(code).toBe(1);
    const failed = report.scenarios.flatMap((s) => s.checks).filter(isFailure);
    expect(failed.map((c) => c.id)).toContain(row.check);
    // The checklist shows the failure with what was expected, what arrived, and a hint.
    const lines = linesOf(stdout);
    const at = lines.findIndex((l) => l.includes(`✗ ${row.check}`));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4).map((l) => l.trim().split(/\s+/)[0])).toEqual(['expected', 'received', 'hint']);
    expect(lines.at(-1)).toMatch(/^1 scenario: 0 passed, 1 failed/);
  });

  // The same run read in Chinese (`--lang zh` renders the same report): every sentence of the failure is in the catalogue.
  it.for(ROWS)('$name: the Chinese checklist has no English sentence', async (row, { runs }) => {
    const { report } = await runs(row);
    const zh = toPrettyReport(report, { lang: 'zh' });
    expect(zh).toContain(`✗ ${row.check}`);
    expect(englishRuns(zh)).toEqual([]);
  });

  it('names /instanceId when the newInstance answer lacks it', async ({ runs }) => {
    const { report } = await runs(ROWS[2] as Row);
    const schema = report.scenarios[0]?.checks.find((c) => c.id === 'response.schema' && !c.ok);
    expect(schema?.received).toContain('/instanceId');
  });

  it('fails and unsubscribes the order after the 3-hour virtual window, listing the attempts', async ({ runs }) => {
    const { report } = await runs(ROWS[5] as Row);
    expect(report.durationMs).toBeLessThan(10_000);
    const scenario = report.scenarios[0];
    const create = scenario?.steps.find((s) => s.id === 'create');
    expect(create?.attempts).toHaveLength(61);
    expect(create?.attempts.every((a) => a.resultCode === '000005' && a.outcome === 'failed')).toBe(true);
    // Virtual time flows with wall time between waits, so the span is 3 h give or take a few ms.
    const span = (create?.attempts.at(-1)?.at ?? 0) - (create?.attempts[0]?.at ?? 0);
    expect(Math.abs(span - 3 * 3_600_000)).toBeLessThan(2_000);
    const outcome = scenario?.checks.find((c) => c.id === 'order.outcome');
    expect(outcome).toMatchObject({ ok: false, expected: expect.stringContaining('ACTIVE') });
    expect(outcome?.received).toMatch(/^FAILED and unsubscribed automatically, refund \d+ recorded: 61 attempt\(s\) of newInstance over 180 min/);
  });
});

describe('koomock cannot run: exit 2 with one line', () => {
  test('an unreachable seller, naming the URL and the network error', async () => {
    const port = await reserveFreePort();
    const run = await runCli(['run', '--seller-url', `http://127.0.0.1:${port}/produce`, ...keyArgs, '--only', 'renew']);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(new RegExp(`^koomock: cannot reach the seller at http://127\\.0\\.0\\.1:${port}/produce: ECONNREFUSED`))]);
    expect(run.stdout).toBe('');
  });

  test('a malformed scenario file, as file:line:col', async () => {
    const run = await runCli(['run', 'test/fixtures/scenarios/broken-unknown-activity.yaml', '--seller-url', 'http://127.0.0.1:9/produce', ...keyArgs]);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual(['koomock: test/fixtures/scenarios/broken-unknown-activity.yaml:9:11: unknown activity `newInstanse` — did you mean newInstance?']);
  });
});
