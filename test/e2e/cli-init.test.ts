import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../mock-server/config/load.js';
import { decryptClientSecret, encryptClientSecret } from '../../mock-server/core/signing/kit/rsa-oaep.js';
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

describe('koomock init --kit', () => {
  it('writes a demo RSA-3072 key pair (both files 0600) and a config whose kitPublicKeyFile loads it', async ({ dir }) => {
    const r = await koomock(dir, 'init', '--kit');
    expect(r.code).toBe(0);
    const pub = join(dir, 'keys', 'kit-public.pem');
    const priv = join(dir, 'keys', 'kit-private.pem');
    expect(r.out.split('\n').filter(Boolean)).toEqual([`wrote ${join(dir, 'koomock.config.yaml')}`, expect.stringContaining(`wrote ${pub}`), expect.stringContaining(`wrote ${priv} (mode 0600`)]);
    for (const file of [pub, priv]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createPrivateKey(readFileSync(priv, 'utf8')).asymmetricKeyDetails?.modulusLength).toBe(3072);
    const loaded = loadConfig({ env: {}, cwd: dir });
    expect(loaded.config.seller.kitPublicKey).toBe(readFileSync(pub, 'utf8'));
    // The pair matches: what koomock encrypts with the public key, the private key opens.
    const ciphertext = encryptClientSecret({ publicKeyPem: loaded.config.seller.kitPublicKey ?? '', plaintext: 'demo-secret' });
    expect(decryptClientSecret({ privateKeyPem: readFileSync(priv, 'utf8'), ciphertext })).toEqual({ ok: true, plaintext: 'demo-secret' });
  });

  it('writes the key file into a JSON config too', async ({ dir }) => {
    expect((await koomock(dir, 'init', '--kit', '--file', 'koomock.config.json')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'koomock.config.json'), 'utf8')).seller.kitPublicKeyFile).toBe('keys/kit-public.pem');
    expect(loadConfig({ env: {}, cwd: dir }).config.seller.kitPublicKey).toContain('BEGIN PUBLIC KEY');
  });

  it('refuses an existing config without --force and writes no key files (exit 2)', async ({ dir }) => {
    expect((await koomock(dir, 'init')).code).toBe(0);
    const r = await koomock(dir, 'init', '--kit');
    expect(r.code).toBe(2);
    expect(r.err).toContain('already exists; use --force');
    expect(existsSync(join(dir, 'keys'))).toBe(false);
  });
});
