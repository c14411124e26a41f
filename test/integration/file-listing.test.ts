import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const MB = 1_000_000;

interface ChildReport {
  readonly before: number;
  readonly afterList: number;
  readonly peak: number;
  readonly listed: number;
  readonly withBytes: number;
  readonly contentBytes: number;
  readonly contentOk: boolean;
}

describe('GET /_koomock/files with 40 uploads of 12 MB', () => {
  test.for(['memory', 'sqlite'])('%s store: the list reads metadata only (under 50 MB extra RSS), one file streams whole', { timeout: 120_000 }, async (kind) => {
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'file-listing-child.ts'), kind], { timeout: 110_000, maxBuffer: 1024 * 1024 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildReport;
    expect(report).toMatchObject({ listed: 40, withBytes: 0, contentBytes: 12 * 1024 * 1024, contentOk: true });
    expect(report.afterList - report.before).toBeLessThan(50 * MB);
    // Reading one file back (client and server in this one process) holds chunks, never the 480 MB
    // of all 40 files. The bound leaves room for garbage not yet collected on a busy machine: one
    // run under parallel tests peaked at 100.2 MB over the start (12 MB file, its chunks on both sides).
    expect(report.peak - report.before).toBeLessThan(150 * MB);
  });
});
