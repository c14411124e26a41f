import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { reserveFreePort, type SellerCredentials, startReferenceSeller } from '../support/faulty-sellers.js';
import { CLI_TEST_TIMEOUT, linesOf, spawnCli } from '../support/run-cli.js';
import { PRODUCE_VECTORS, rowAt } from '../support/signing-vectors.js';
import { BUILD_TIMEOUT, waitForBuild } from '../support/built-cli.js';

/*
 * The built binary (`node bin/koomock.js`, dist/ built by `npm run build`), one smoke test per
 * command: what only a real process shows (the launcher, exit codes, real standard input and
 * output). Behaviour in detail is tested in process through main(argv, io); `koomock serve` and its
 * signals are in cli-serve.test.ts.
 */

const V2 = rowAt(PRODUCE_VECTORS.v2, 0);
const AES = rowAt(PRODUCE_VECTORS.aesFields, 0);

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-bin-basic-0123456789', general: 'e2e-bin-general-0123456789', kit: 'e2e-bin-kit-0123456789' },
  ak: 'E2EBINARYSELLERAK000',
  sk: 'e2eBinarySellerSecretAccessKey0000000000',
};
const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-bin-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

// These tests spawn the built binary: wait for dist/ (built in the background when stale).
beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('the koomock binary', { timeout: CLI_TEST_TIMEOUT }, () => {
  test('prints its version and lists every command in --help', async () => {
    expect(await spawnCli(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['init', 'sign', 'verify', 'aes', 'serve', 'run', 'send', 'pact']) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('init writes the starter config into the working folder', async ({ dir }) => {
    const run = await spawnCli(['init'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: `wrote ${join(dir, 'koomock.config.yaml')}\n`, stderr: '' });
    expect(readFileSync(join(dir, 'koomock.config.yaml'), 'utf8')).toContain('# basic interface key (基础接口)');
  });

  test('sign v2 reads the body from standard input', async () => {
    const run = await spawnCli(['sign', 'v2', '--key', V2.key, '--timestamp', V2.timestamp, '--nonce', V2.nonce, '--body', '-'], { stdin: V2.payload });
    expect(run).toEqual({ code: 0, stdout: `${(V2.signature ?? '').toUpperCase()}\n`, stderr: '' });
  });

  test('verify v2 exits 0 for the vector and 1 for a wrong signature', async () => {
    const args = ['verify', 'v2', '--key', V2.key, '--timestamp', V2.timestamp, '--nonce', V2.nonce, '--body', V2.payload];
    expect((await spawnCli([...args, '--signature', V2.signature ?? ''])).code).toBe(0);
    const wrong = await spawnCli([...args, '--signature', '0'.repeat(64)]);
    expect(wrong.code).toBe(1);
  });

  test('aes encrypt reproduces the field vector', async () => {
    const run = await spawnCli(['aes', 'encrypt', '--key', AES.accessKey, '--type', AES.encryptType, '--iv', AES.iv, '--text', AES.plaintext]);
    expect(run).toEqual({ code: 0, stdout: `${AES.value}\n`, stderr: '' });
  });

  test('a misspelt flag exits 2 with one line on standard error', async () => {
    const run = await spawnCli(['sign', 'v2', '--kye', 'k']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('--kye');
  });

  test('a reader that closes the pipe early is not an error', async () => {
    const child = spawn(process.execPath, [resolve(import.meta.dirname, '..', '..', 'bin', 'koomock.js'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    const err: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(Buffer.concat(err).toString('utf8')).toBe('');
    expect(code).toBe(0);
  });

  it('run and send play against the reference seller', async ({ dir }) => {
    const port = await reserveFreePort();
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
    try {
      const connect = ['--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port)];
      const run = await spawnCli(['run', ...connect, '--only', 'subscribe-monthly', '--report', `json=${join(dir, 'r.json')}`]);
      expect(run.code).toBe(0);
      expect(linesOf(run.stderr)).toContainEqual(expect.stringMatching(/^✔ \[1\/1\] subscribe-monthly/));
      expect(linesOf(run.stdout).at(-1)).toMatch(/^1 scenario: 1 passed, 0 failed/);
      expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({ scenarios: [{ id: 'subscribe-monthly', status: 'passed' }] });

      const send = await spawnCli(['send', 'newInstance', ...connect]);
      expect(send.code).toBe(0);
      expect(linesOf(send.stdout)).toContainEqual(expect.stringMatching(/^→ POST /));
      expect(linesOf(send.stdout).at(-1)).toMatch(/^1 scenario: 1 passed, 0 failed/);
    } finally {
      await seller.close();
    }
  });
});
