import { describe, test } from 'vitest';
import { expectOneLineError, SECRET_SENTINEL as SECRET } from '../support/cli-expect.js';
import { CLI_TEST_TIMEOUT, runCli } from '../support/run-cli.js';
import { PRODUCE_VECTORS, rowAt } from '../support/signing-vectors.js';

/*
 * `koomock aes …` run in process through main(argv, io) (test/e2e/cli-binary.test.ts spawns the built binary).
 * The field vectors of produce-api.md §7 (IV abcdefghijklmnop); the derived keys themselves are
 * covered by the unit tests of core/signing/v1/aes.
 */

const FIELDS = PRODUCE_VECTORS.aesFields;
const SPEC = rowAt(FIELDS, 0);

describe.concurrent('koomock aes', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for(FIELDS)('encrypts "$name" to the vector', async (row, { expect }) => {
    const run = await runCli(['aes', 'encrypt', '--key', row.accessKey, '--type', row.encryptType, '--iv', row.iv, '--text', row.plaintext]);
    expect(run).toEqual({ code: 0, stdout: `${row.value}\n`, stderr: '' });
  });

  test.for(FIELDS)('decrypts "$name" back to the plaintext', async (row, { expect }) => {
    const run = await runCli(['aes', 'decrypt', '--key', row.accessKey, '--type', row.encryptType, '--text', row.value]);
    expect(run).toEqual({ code: 0, stdout: `${row.plaintext}\n`, stderr: '' });
  });

  test('uses encryptType 1 (AES-256) when --type is left out', async ({ expect }) => {
    const run = await runCli(['aes', 'encrypt', '--key', SPEC.accessKey, '--iv', SPEC.iv, '--text', SPEC.plaintext]);
    expect(run.stdout).toBe(`${SPEC.value}\n`);
  });

  test('draws a fresh 16-character alphanumeric IV without --iv, and the value decrypts back', async ({ expect }) => {
    const args = ['--key', SPEC.accessKey, '--type', '2'];
    const [a, b] = await Promise.all([
      runCli(['aes', 'encrypt', ...args, '--text', '云商店 password']),
      runCli(['aes', 'encrypt', ...args, '--text', '云商店 password']),
    ]);
    expect(a.stdout).toMatch(/^[A-Za-z0-9]{16}[A-Za-z0-9+/]+={0,2}\n$/);
    expect(a.stdout.slice(0, 16)).not.toBe(b.stdout.slice(0, 16));
    const back = await runCli(['aes', 'decrypt', ...args, '--text', a.stdout.trim()]);
    expect(back.stdout).toBe('云商店 password\n');
  });

  test('exits 1 with one line on stderr when the value does not decrypt with this key', async ({ expect }) => {
    const run = await runCli(['aes', 'decrypt', '--key', SECRET, '--type', SPEC.encryptType, '--text', SPEC.value]);
    expectOneLineError(expect, run, { code: 1, says: 'decryption failed', secret: SECRET });
  });
});

describe.concurrent('koomock aes with bad input', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for([
    { name: 'encrypt with --type 3', args: ['aes', 'encrypt', '--key', SECRET, '--type', '3', '--text', 'x'], says: '--type' },
    { name: 'decrypt with --type 3', args: ['aes', 'decrypt', '--key', SECRET, '--type', '3', '--text', SPEC.value], says: '--type' },
    { name: 'an IV of 15 characters', args: ['aes', 'encrypt', '--key', SECRET, '--iv', 'abcdefghijklmno', '--text', 'x'], says: '--iv' },
    { name: 'a value without Base64 after the IV', args: ['aes', 'decrypt', '--key', SECRET, '--text', 'abcdefghijklmnop!!'], says: '--text' },
    { name: 'a missing --key', args: ['aes', 'encrypt', '--text', 'x'], says: '--key' },
    { name: 'a missing --text', args: ['aes', 'decrypt', '--key', SECRET], says: '--text' },
    { name: 'no action', args: ['aes', '--key', SECRET], says: 'needs an action' },
    { name: 'an unknown action', args: ['aes', 'encrpyt', '--key', SECRET], says: 'did you mean' },
  ])('exits 2 with one line on stderr for $name', async ({ args, says }, { expect }) => {
    expectOneLineError(expect, await runCli(args), { code: 2, says, secret: SECRET });
  });
});
