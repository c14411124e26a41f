import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../mock-server/config/load.js';
import { runCli } from '../support/run-cli.js';

// `koomock init` in process through main(argv, io) (test/e2e/cli-binary.test.ts spawns the built binary).

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-init-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

const koomock = async (cwd: string, ...args: string[]) => {
  const r = await runCli(args, { cwd });
  return { code: r.code, out: r.stdout, err: r.stderr };
};

describe('koomock init', () => {
  it('writes a starter koomock.config.yaml that loads, and prints one line with its path', async ({ dir }) => {
    const defaults = loadConfig({ env: {}, cwd: dir });
    expect(defaults.file).toBeUndefined();
    const r = await koomock(dir, 'init');
    const path = join(dir, 'koomock.config.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${path}\n`);
    expect(readFileSync(path, 'utf8')).toContain('# basic interface key (基础接口)');
    const loaded = loadConfig({ env: {}, cwd: dir });
    expect(loaded.file).toBe(path);
    expect(loaded.config).toEqual(defaults.config);
  });

  it('refuses to overwrite an existing file without --force (exit 2)', async ({ dir }) => {
    expect((await koomock(dir, 'init')).code).toBe(0);
    const r = await koomock(dir, 'init');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('koomock.config.yaml already exists; use --force to overwrite it');
  });

  it('overwrites with --force', async ({ dir }) => {
    expect((await koomock(dir, 'init')).code).toBe(0);
    const r = await koomock(dir, 'init', '--force');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${join(dir, 'koomock.config.yaml')}\n`);
  });

  it('writes JSON to a --file ending in .json, creating its folder', async ({ dir }) => {
    const r = await koomock(dir, 'init', '--file', 'ci/koomock.config.json');
    const path = join(dir, 'ci', 'koomock.config.json');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${path}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ server: { port: 7070 } });
    expect(loadConfig({ file: 'ci/koomock.config.json', env: {}, cwd: dir }).config.server.port).toBe(7070);
  });

  it('rejects an unknown option with exit 2 and writes nothing', async ({ dir }) => {
    const r = await koomock(dir, 'init', '--forse');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--forse');
    expect(existsSync(join(dir, 'koomock.config.yaml'))).toBe(false);
  });
});
