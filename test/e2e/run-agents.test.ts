import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AgentsBackend } from '../../examples/agents-backend/src/server.js';
import { AGENT_AK, AGENT_SK, startBackendAcceptingExpired, startBackendAcceptingForged, startBackendWithoutUsage, startReferenceBackend } from '../support/agents-backends.js';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run --group agents` (the Agents gateway scenarios, left out of a plain run) against the
 * reference Agents backend of examples/agents-backend, then against backends with one defect each.
 * No production interface runs: the agents group never calls it.
 */

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-agents-run-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

const configFor = (dir: string, url: string): void =>
  writeFileSync(join(dir, 'koomock.config.yaml'), `agent:\n  url: ${url}\n  ak: ${AGENT_AK}\n  sk: ${AGENT_SK}\n  timeout: 5s\n  prices:\n    inputTokens: 0.001\n    outputTokens: 0.002\n`, { mode: 0o600 });

/** The ids of the failed checks under a scenario's checklist. */
const failedChecks = (stdout: string): string[] => linesOf(stdout).flatMap((l) => /^ {4}✗ (\S+)/.exec(l)?.[1] ?? []);

async function runAgainst(start: () => Promise<AgentsBackend>, dir: string, extra: readonly string[] = []) {
  const backend = await start();
  try {
    configFor(dir, backend.url);
    return await runCli(['run', '--group', 'agents', '--port', String(await reserveFreePort()), '--memory', ...extra], { cwd: dir, timeoutMs: 30_000 });
  } finally {
    await backend.close();
  }
}

describe('koomock run --group agents', () => {
  it('the reference backend passes the four agents scenarios (exit 0), and no AK or SK is printed', async ({ dir }) => {
    const run = await runAgainst(startReferenceBackend, dir);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^4 scenarios: 4 passed, 0 failed · 7 checks, 0 failed, 0 warnings$/);
    expect(run.stdout + run.stderr).not.toContain(AGENT_SK);
    expect(run.stdout + run.stderr).not.toContain(AGENT_AK);
  });

  test.for([
    { name: 'without usage', start: startBackendWithoutUsage, failed: ['agent.usage', 'agent.usage'], text: 'the answer has no usage' },
    { name: 'accepting an expired JWT', start: startBackendAcceptingExpired, failed: ['agent.jwt-expired-rejected'], text: 'HTTP 200: the backend served the call' },
    { name: 'accepting a JWT signed with another SK', start: startBackendAcceptingForged, failed: ['agent.jwt-forged-rejected'], text: 'HTTP 200: the backend served the call' },
  ])('a backend $name fails $failed (exit 1)', async ({ start, failed, text }) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-agents-run-'));
    try {
      const run = await runAgainst(start, dir);
      expect(run.code).toBe(1);
      expect(failedChecks(run.stdout)).toEqual(failed);
      expect(run.stdout).toContain(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without agent.url, agent.ak and agent.sk the scenarios are skipped, never passed', async ({ dir }) => {
    const run = await runCli(['run', '--group', 'agents', '--port', String(await reserveFreePort()), '--memory'], { cwd: dir, timeoutMs: 30_000 });
    expect(linesOf(run.stdout).at(-1)).toMatch(/^4 scenarios: 0 passed, 4 skipped, 0 failed/);
    expect(run.stdout).toContain('needs an Agents backend');
    expect(run.code).not.toBe(0);
  });
});
