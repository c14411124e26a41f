import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const MB = 1_000_000;
const MiB = 1024 * 1024;

interface ChildReport {
  readonly baselineRss: number;
  readonly peakRss: number;
  readonly ms: number;
  readonly failed: readonly { readonly id: string; readonly received?: string }[];
  readonly bytesWritten: number;
}

describe('a seller streaming a 1 GiB answer', () => {
  test('is cut off after 1 MiB: body.size fails, peak RSS stays under 200 MB, the attempt takes about a second at most', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'huge-response-child.ts')], { timeout: 25_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildReport;
    expect(report.failed).toEqual([{ id: 'body.size', received: 'more than 1048576 bytes (no Content-Length); koomock stopped reading there' }]);
    expect(report.peakRss).toBeLessThan(200 * MB);
    expect(report.ms).toBeLessThan(2_000);
    // The seller pushed only what fits in socket buffers after koomock hung up, not the gigabyte.
    expect(report.bytesWritten).toBeLessThan(64 * MiB);
  });
});
