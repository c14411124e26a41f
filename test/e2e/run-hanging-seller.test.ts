/**
 * A run against a seller that never answers ends in bounded wall time: a run deadline fails the
 * scenarios whose turn comes too late (the default 20 s timeout case is in test/slow/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { HANGING_KEY as KEY, type HangingRunReport as JsonReport, hangingTest as it } from '../support/hanging-seller.js';
import { runCli } from '../support/run-cli.js';

describe('koomock run against a seller that never answers', () => {
  it('fails the scenarios whose turn comes after --deadline as not run', { timeout: 60_000 }, async ({ hanging }) => {
    const report = join(hanging.dir, 'r.json');
    const args = ['run', '--only', 'subscribe-monthly,subscribe-one-time', '--seller-url', hanging.seller.url, ...KEY, '--port', '0'];
    const run = await runCli([...args, '--profile', 'callTimeoutMs=500ms', '--deadline', '1s', '--report', `json=${report}`], { timeoutMs: 50_000 });
    expect(run.code, run.stderr).toBe(1);
    const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    expect(json.scenarios.map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(json.scenarios[1]?.checks).toEqual([expect.objectContaining({ id: 'run.deadline', ok: false, received: 'not run: the deadline had passed when its turn came' })]);
    expect(run.stderr).toMatch(/^✗ \[2\/2\] subscribe-one-time/m);
  });

  it('prints a line per attempt on a terminal, and no progress at all with --quiet', { timeout: 60_000 }, async ({ hanging }) => {
    const args = ['run', '--only', 'subscribe-monthly', '--seller-url', hanging.seller.url, ...KEY, '--port', '0', '--profile', 'callTimeoutMs=200ms'];
    const terminal = await runCli(args, { isTTY: true });
    expect(terminal.code).toBe(1);
    const attempts = terminal.stderr.split('\n').filter((l) => l.startsWith('  · '));
    expect(attempts).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^  · subscribe-monthly › create: newInstance attempt ${n}: no answer \\(timeout\\) · \\d+ms$`))));
    expect(terminal.stderr).toMatch(/^✗ \[1\/1\] subscribe-monthly/m);
    const quiet = await runCli([...args, '--quiet'], { isTTY: true });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('transport.timeout');
    // Not a terminal: one line per scenario, none per attempt.
    const ci = await runCli(args);
    expect(ci.stderr).not.toContain('  · ');
  });

  it('refuses a --deadline that is not a duration (exit 2)', async ({ hanging }) => {
    const run = await runCli(['run', '--seller-url', hanging.seller.url, ...KEY, '--deadline', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--deadline expects a duration such as 30m or 2h, received "soon"');
  });
});
