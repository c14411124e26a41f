/**
 * A run against a seller that never answers ends in bounded wall time: with the default 20 s call
 * timeout, the marketplace's 3 hours of newInstance retries are reported, not waited (the call stops
 * after 3 identical timeouts). The run deadline is tested in test/e2e/run-hanging-seller.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { HANGING_KEY as KEY, type HangingRunReport as JsonReport, hangingTest as it } from '../support/hanging-seller.js';
import { runCli } from '../support/run-cli.js';

describe('koomock run against a seller that never answers', () => {
  it('ends within 2 minutes per scenario at the default 20 s timeout, with transport.timeout failed and the rest of the retries reported', { timeout: 180_000 }, async ({ hanging }) => {
    const report = join(hanging.dir, 'r.json');
    const started = Date.now();
    const run = await runCli(['run', '--only', 'subscribe-monthly', '--seller-url', hanging.seller.url, ...KEY, '--port', '0', '--quiet', '--report', `json=${report}`], { timeoutMs: 170_000 });
    const wallMs = Date.now() - started;
    expect(run.code, run.stderr).toBe(1);
    expect(wallMs).toBeLessThan(120_000);
    // 3 attempts of 20 s each, not 61.
    expect(hanging.seller.requests).toHaveLength(3);
    expect(run.stderr).toBe('');
    const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    const scenario = json.scenarios[0];
    expect(scenario?.status).toBe('failed');
    expect(scenario?.checks).toContainEqual(expect.objectContaining({ id: 'transport.timeout', ok: false }));
    expect(JSON.stringify(scenario)).toContain('the platform would have retried every 3 min for 3 h, 58 more attempt(s)');
  });

});
