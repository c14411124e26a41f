import { createServer } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { maskSecret } from '../../mock-server/config/secrets.js';
import { BIN, startServe, type ServeProcess } from '../integration/http/serve-process.js';
import { MOCK_ORDER_QUERY, signedFetch } from '../integration/http/support.js';
import { BUILD_TIMEOUT, waitForBuild } from '../support/built-cli.js';

// Runs the built CLI (bin -> dist/); `npm test` builds first.

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-serve-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

/** "seller AK   <value>  (…)" -> value. */
const bannerValue = (out: string, label: string): string => {
  const m = new RegExp(`^  ${label}\\s+(\\S+)`, 'm').exec(out);
  if (m?.[1] === undefined) throw new Error(`no "${label}" line in:\n${out}`);
  return m[1];
};

/** Sends a signal and resolves with the exit and how long it took. */
async function stop(serve: ServeProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  serve.child.kill(signal);
  const exit = await serve.exited;
  return { ...exit, ms: Date.now() - started };
}

// These tests spawn the built binary: wait for dist/ (built in the background when stale).
beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('koomock serve', () => {
  it('starts with no config, prints URL, AK, the generated SK in full once and masked afterwards, and stops on SIGTERM with exit 0 within 2 s', async ({ dir }) => {
    const first = await startServe(['--port', '0'], { cwd: dir });
    const firstOut = first.stdout();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Well under a second on an idle machine; generous here because CI machines are shared.
    expect(first.readyMs).toBeLessThan(8000);
    const ak = bannerValue(firstOut, 'seller AK');
    const sk = bannerValue(firstOut, 'seller SK');
    expect(ak).toMatch(/^[A-Z0-9]{20}$/);
    expect(sk).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(firstOut).toContain('shown in full only this once');
    expect(firstOut).toContain(`console     ${first.url}/_koomock/console/`);
    expect(firstOut).toContain(`${first.url}/_koomock/`);

    // The printed pair is the one the emulator expects.
    const res = await signedFetch({ url: `${first.url}${MOCK_ORDER_QUERY}`, ak, sk });
    expect(res.status).toBe(200);

    const stopped = await stop(first, 'SIGTERM');
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(2000);
    expect(first.stdout()).toContain('SIGTERM received, stopping');

    const second = await startServe(['--port', '0'], { cwd: dir });
    const secondOut = second.stdout();
    expect(bannerValue(secondOut, 'seller AK')).toBe(ak);
    expect(bannerValue(secondOut, 'seller SK')).toBe(maskSecret(sk));
    expect(secondOut).not.toContain(sk);
    expect((await signedFetch({ url: `${second.url}${MOCK_ORDER_QUERY}`, ak, sk })).status).toBe(200);
    expect(await stop(second, 'SIGINT')).toMatchObject({ code: 0, signal: null });
  });

  it('uses the AK/SK from flags and variables (flags win), masks the SK and names where each came from', async ({ dir }) => {
    const serve = await startServe(['--memory', '--port', '0', '--ak', 'FLAGAK00000000000000'], {
      cwd: dir,
      env: { KOOMOCK_AK: 'ENVAK000000000000000', KOOMOCK_SK: 'EnvSecretKey0000000000000000000000000000' },
    });
    const out = serve.stdout();
    expect(out).toMatch(/seller AK\s+FLAGAK00000000000000 {2}\(from --ak\)/);
    expect(out).toMatch(/seller SK\s+EnvS…0000 {2}\(from KOOMOCK_SK\)/);
    expect(out).not.toContain('EnvSecretKey0000000000000000000000000000');
    expect(out).toContain('memory only');
    const res = await signedFetch({ url: `${serve.url}${MOCK_ORDER_QUERY}`, ak: 'FLAGAK00000000000000', sk: 'EnvSecretKey0000000000000000000000000000' });
    expect(res.status).toBe(200);
    expect(await stop(serve, 'SIGTERM')).toMatchObject({ code: 0 });
  });

  it('exits 2 and says what to do when the port is taken', async ({ dir }) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = spawnSync(process.execPath, [BIN, 'serve', '--memory', '--port', String(port)], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`port ${port} is already in use`);
      expect(r.stderr).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('exits 2 on a bad config value without starting', ({ dir }) => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--memory', '--port', '99999'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain('listening');
    expect(r.stderr).toContain('99999');
  });
});
