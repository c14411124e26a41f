/**
 * One process per state file: a second `koomock serve` on the same file exits 2 naming the first
 * (its pid), without touching its data; once the first is gone (even killed), the file opens again.
 * The folder koomock creates is the owner's only (0700), and the files holding the generated SK
 * (the database, -wal, -shm) are 0600.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BIN, startServe } from './serve-process.js';
import { BUILD_TIMEOUT, waitForBuild } from '../../support/built-cli.js';

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-lock-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

/** Runs `koomock serve` to its end (it must end by itself) and collects its output. */
const serveToEnd = (args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the second koomock serve kept running'));
    }, 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });

const mode = (path: string): number => statSync(path).mode & 0o777;

// These tests spawn the built binary: wait for dist/ (built in the background when stale).
beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('koomock serve --db', () => {
  it('refuses a second process on the same file (exit 2, the first named by pid), and opens it once the first was killed', { timeout: 60_000 }, async ({ dir }) => {
    const db = join(dir, 'state', 'k.db');
    const first = await startServe(['--db', db, '--port', '0'], { cwd: dir });
    try {
      const second = await serveToEnd(['--db', db, '--port', '0'], dir);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`in use by another koomock process (pid ${first.child.pid})`);
      expect((await fetch(`${first.url}/_koomock/health`)).status).toBe(200);

      expect(mode(join(dir, 'state'))).toBe(0o700);
      for (const file of [db, `${db}-wal`, `${db}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(mode(file), file).toBe(0o600);
      }
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    // A lock left by a killed process does not block the next start.
    const third = await startServe(['--db', db, '--port', '0'], { cwd: dir });
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
