import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AGENT_AK, AGENT_SK, startBackendWithoutUsage, startReferenceBackend } from '../support/agents-backends.js';
import { expectOneLineError } from '../support/cli-expect.js';
import { CLI_TEST_TIMEOUT, runCli } from '../support/run-cli.js';

/* `koomock agent call` in process against the reference Agents backend on 127.0.0.1 port 0. */

describe('koomock agent call', { timeout: CLI_TEST_TIMEOUT }, () => {
  let backend: Awaited<ReturnType<typeof startReferenceBackend>>;
  let dir: string;
  beforeAll(async () => {
    backend = await startReferenceBackend();
    dir = mkdtempSync(join(tmpdir(), 'koomock-agent-'));
  });
  afterAll(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints the calls, a ✔ per check and the bill, exit 0, without the AK or SK', async () => {
    const run = await runCli(['agent', 'call', '--url', backend.url, '--ak', AGENT_AK, '--sk', AGENT_SK, '--stream']);
    expect(run.code).toBe(0);
    for (const id of ['agent.answer', 'agent.sse', 'agent.usage', 'agent.jwt-expired-rejected', 'agent.jwt-forged-rejected']) expect(run.stdout).toContain(`✔ ${id}`);
    expect(run.stdout).toContain('authorization: Bearer <jwt>');
    expect(run.stdout).toMatch(/inputTokens\s+\d+\s+no price/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(AGENT_AK);
    expect(`${run.stdout}${run.stderr}`).not.toContain(AGENT_SK);
  });

  test('--json prints the calls with checks and bill; prices come from agent.prices in the config', async () => {
    const config = join(dir, 'koomock.config.yaml');
    writeFileSync(config, 'agent:\n  prices:\n    inputTokens: 0.001\n    outputTokens: 0.002\n', { mode: 0o600 });
    const run = await runCli(['agent', 'call', '--config', config, '--url', backend.url, '--ak', AGENT_AK, '--sk', AGENT_SK, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; calls: { jwt: string; status: number; bill?: { total?: number } }[] };
    expect(report.ok).toBe(true);
    expect(report.calls.map((c) => [c.jwt, c.status])).toEqual([
      ['valid', 200],
      ['expired', 401],
      ['forged', 401],
    ]);
    expect(report.calls[0]?.bill?.total).toBeGreaterThan(0);
  });

  test('a backend without usage: exit 1 and agent.usage names the missing usage, in Chinese with --lang zh', async () => {
    const faulty = await startBackendWithoutUsage();
    try {
      const run = await runCli(['agent', 'call', '--url', faulty.url, '--ak', AGENT_AK, '--sk', AGENT_SK, '--lang', 'zh']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✗ agent.usage');
      expect(run.stdout).toContain('收到: 应答中没有 usage');
    } finally {
      await faulty.close();
    }
  });

  test('without an address: exit 2, one line naming agent.url', async () => {
    expectOneLineError(expect, await runCli(['agent', 'call', '--ak', AGENT_AK, '--sk', AGENT_SK]), { code: 2, says: 'agent.url', secret: AGENT_SK });
  });

  test('a timeout above the gateway limit is refused by the config check', async () => {
    const run = await runCli(['agent', 'call', '--url', backend.url, '--ak', AGENT_AK, '--sk', AGENT_SK, '--timeout', '10m']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('agent.timeout');
    expect(run.stderr).toContain('at most 300s');
    expect(run.stderr).not.toContain(AGENT_SK);
  });

  test('a negative price is refused by the config schema with the key named', async () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'agent:\n  prices:\n    images: -1\n', { mode: 0o600 });
    const run = await runCli(['agent', 'call', '--config', config, '--url', backend.url, '--ak', AGENT_AK, '--sk', AGENT_SK]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('agent.prices.images');
  });
});
