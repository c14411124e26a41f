import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'vitest';
import { expectOneLineError, SECRET_SENTINEL as SECRET } from '../support/cli-expect.js';
import { CLI_TEST_TIMEOUT, linesOf, runCli } from '../support/run-cli.js';
import { apigRequestArgs, OPEN_API_VECTORS as OPEN_API, PRODUCE_VECTORS as PRODUCE, produceArgs, rowAt } from '../support/signing-vectors.js';

/*
 * `koomock sign …` run in process through main(argv, io) (test/e2e/cli-binary.test.ts spawns the built binary).
 * Every signing vector of produce-api.md §6 and open-api.md §2.4, §3.3.1, §4.1, §5.3 is reproduced.
 */

const V2_ROW = rowAt(PRODUCE.v2, 0);

/** `tempFile(name, content)` writes a file in a folder removed after the test; returns its path. */
const it = test.extend<{ tempFile: (name: string, content: string | Uint8Array) => string }>({
  tempFile: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-cli-'));
    await use((name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    });
    rmSync(dir, { recursive: true, force: true });
  },
});

describe.concurrent('koomock sign v2', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for(PRODUCE.v2)('reproduces the vector "$name" in upper-case hex', async (row, { expect }) => {
    const run = await runCli(['sign', 'v2', ...produceArgs(row)]);
    expect(run).toEqual({ code: 0, stdout: `${(row.signature ?? '').toUpperCase()}\n`, stderr: '' });
  });

  test('prints lower-case hex with --lower', async ({ expect }) => {
    const run = await runCli(['sign', 'v2', ...produceArgs(V2_ROW), '--lower']);
    expect(run.stdout).toBe(`${(V2_ROW.signature ?? '').toLowerCase()}\n`);
  });

  it('reads the body from @file byte for byte, relative to the working folder', async ({ expect, tempFile }) => {
    const same = await runCli(['sign', 'v2', ...produceArgs(V2_ROW, '@body.json')], { cwd: dirname(tempFile('body.json', V2_ROW.payload)) });
    expect(same.stdout).toBe(`${(V2_ROW.signature ?? '').toUpperCase()}\n`);
    const withNewline = await runCli(['sign', 'v2', ...produceArgs(V2_ROW, `@${tempFile('body-newline.json', `${V2_ROW.payload}\n`)}`)]);
    expect(withNewline.code).toBe(0);
    expect(linesOf(withNewline.stdout)).toHaveLength(1);
    expect(withNewline.stdout).not.toBe(same.stdout);
  });

  test('reads the body from standard input with -', async ({ expect }) => {
    const run = await runCli(['sign', 'v2', ...produceArgs(V2_ROW, '-')], { stdin: V2_ROW.payload });
    expect(run.stdout).toBe(`${(V2_ROW.signature ?? '').toUpperCase()}\n`);
  });

  test('signs an unsorted body exactly as given and notes it on stderr', async ({ expect }) => {
    const unsorted = JSON.stringify({ orderId: 'CS2211181819B4LVS', activity: 'newInstance' });
    const run = await runCli(['sign', 'v2', ...produceArgs(V2_ROW, unsorted)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[0-9A-F]{64}\n$/);
    expect(run.stderr).toContain('not in canonical form');
  });
});

describe.concurrent('koomock sign kit', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for(PRODUCE.kit)('reproduces the x-sign vector "$name"', async (row, { expect }) => {
    const run = await runCli(['sign', 'kit', ...produceArgs(row)]);
    expect(run).toEqual({ code: 0, stdout: `${(row.sign ?? '').toUpperCase()}\n`, stderr: '' });
  });
});

describe.concurrent('koomock sign v1', { timeout: CLI_TEST_TIMEOUT }, () => {
  const row = rowAt(PRODUCE.v1AuthToken, 0);
  const query = Object.entries(row.params).map(([k, v]) => `${k}=${v}`).join('&');

  test('reproduces the authToken vector of produce-api §6.4', async ({ expect }) => {
    const run = await runCli(['sign', 'v1', '--key', row.key, '--params', query]);
    expect(run).toEqual({ code: 0, stdout: `${row.authToken}\n`, stderr: '' });
  });

  test('sorts the parameters, URL-decodes the values and leaves authToken out', async ({ expect }) => {
    const encoded = Object.entries(row.params)
      .reverse()
      .map(([k, v]) => `${k}=${v.replace(/-/g, '%2D')}`)
      .join('&');
    const run = await runCli(['sign', 'v1', '--key', row.key, '--params', `?${encoded}&authToken=old%3D`]);
    expect(run.stdout).toBe(`${row.authToken}\n`);
  });
});

describe.concurrent('koomock sign body', { timeout: CLI_TEST_TIMEOUT }, () => {
  const row = rowAt(PRODUCE.bodySign, 0);

  test('reproduces the Body-Sign vector of produce-api §6.5', async ({ expect }) => {
    const run = await runCli(['sign', 'body', '--key', row.key, '--body', row.body]);
    expect(run).toEqual({ code: 0, stdout: `${row.signature}\n`, stderr: '' });
  });

  test('prints the whole header value with --header', async ({ expect }) => {
    const run = await runCli(['sign', 'body', '--key', row.key, '--body', row.body, '--header']);
    expect(run.stdout).toBe(`sign_type="HMAC-SHA256", signature= "${row.signature}"\n`);
  });
});

describe.concurrent('koomock sign apig', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for(OPEN_API.apig)('reproduces the Authorization of "$name"', async (v, { expect }) => {
    const signed = v.signedHeaders === null ? [] : ['--signed-headers', v.signedHeaders.join(';')];
    const run = await runCli(['sign', 'apig', '--ak', v.ak, '--sk', v.sk, ...apigRequestArgs(v), ...signed]);
    expect(run).toEqual({ code: 0, stdout: `${v.authorization}\n`, stderr: '' });
  });

  test('takes X-Sdk-Date from --date and Host from the URL when no header carries them', async ({ expect }) => {
    const v = rowAt(OPEN_API.apig, 2);
    const run = await runCli([
      'sign', 'apig', '--ak', v.ak, '--sk', v.sk, '--method', 'GET', '--url', v.request.url,
      '--header', 'Content-Type: application/json', '--date', v.request.headers['X-Sdk-Date'] ?? '',
    ]);
    expect(run.stdout).toBe(`${v.authorization}\n`);
  });
});

describe.concurrent('koomock sign usage', { timeout: CLI_TEST_TIMEOUT }, () => {
  const row = rowAt(OPEN_API.usage, 0);

  test('reproduces the usage signature of open-api §3.3.1', async ({ expect }) => {
    const run = await runCli(['sign', 'usage', '--key', row.key, '--ts', row.ts, '--nonce', row.nonce, '--body', row.body]);
    expect(run).toEqual({ code: 0, stdout: `${row.signature}\n`, stderr: '' });
  });

  it('reads the body from @file', async ({ expect, tempFile }) => {
    const file = tempFile('usage.json', row.body);
    const run = await runCli(['sign', 'usage', '--key', row.key, '--ts', row.ts, '--nonce', row.nonce, '--body', `@${file}`]);
    expect(run.stdout).toBe(`${row.signature}\n`);
  });
});

const V2_OK = ['--key', SECRET, '--timestamp', V2_ROW.timestamp, '--nonce', V2_ROW.nonce];
const APIG_OK = ['--ak', 'AK', '--sk', SECRET, '--method', 'GET', '--url', 'https://mkt.myhuaweicloud.com/api/x'];

describe.concurrent('koomock sign with bad input', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for([
    { name: 'a missing --key', args: ['sign', 'v2', '--timestamp', '1', '--nonce', 'n', '--body', '{}'], says: '--key' },
    { name: 'malformed JSON in --body', args: ['sign', 'v2', ...V2_OK, '--body', '{"a":'], says: 'not valid JSON' },
    { name: 'a JSON array as a V2 body', args: ['sign', 'kit', ...V2_OK, '--body', '[1]'], says: 'not an object' },
    { name: 'an unknown scheme', args: ['sign', 'v3', '--key', SECRET], says: 'unknown scheme "v3"' },
    { name: 'no scheme', args: ['sign', '--key', SECRET], says: 'needs a scheme' },
    { name: 'an unreadable @file', args: ['sign', 'v2', ...V2_OK, '--body', '@/nonexistent/body.json'], says: 'cannot be read' },
    { name: 'a timestamp that is not digits', args: ['sign', 'v2', '--key', SECRET, '--timestamp', '2024-01-01', '--nonce', 'n', '--body', '{}'], says: '--timestamp' },
    { name: 'V1 params without timeStamp', args: ['sign', 'v1', '--key', SECRET, '--params', 'activity=newInstance'], says: 'timeStamp' },
    { name: 'bad percent-encoding in V1 params', args: ['sign', 'v1', '--key', SECRET, '--params', 'a=%E0%A4&timeStamp=1'], says: 'percent-encoding' },
    { name: 'a usage ts that is not digits', args: ['sign', 'usage', '--key', SECRET, '--ts', 'x', '--nonce', 'n', '--body', '{}'], says: '--ts' },
    { name: 'APIG without --sk', args: ['sign', 'apig', '--ak', 'AK', '--method', 'GET', '--url', 'https://a/b', '--date', '20191115T033655Z'], says: '--sk' },
    { name: 'APIG without a date', args: ['sign', 'apig', ...APIG_OK], says: '--date' },
    { name: 'an APIG date in extended ISO form', args: ['sign', 'apig', ...APIG_OK, '--date', '2019-11-15T03:36:55Z'], says: 'yyyyMMddTHHmmssZ' },
    { name: 'an APIG header without a colon', args: ['sign', 'apig', ...APIG_OK, '--date', '20191115T033655Z', '--header', 'x-stage RELEASE'], says: '--header' },
    { name: 'a relative APIG URL', args: ['sign', 'apig', '--ak', 'AK', '--sk', SECRET, '--method', 'GET', '--url', '/api/x', '--date', '20191115T033655Z'], says: '--url' },
    { name: 'signed headers the request lacks', args: ['sign', 'apig', ...APIG_OK, '--date', '20191115T033655Z', '--signed-headers', 'host;x-sdk-date;x-stage'], says: 'x-stage' },
    { name: 'a misspelt flag', args: ['sign', 'v2', '--kye', SECRET], says: '--kye' },
  ])('exits 2 with one line on stderr for $name', async ({ args, says }, { expect }) => {
    expectOneLineError(expect, await runCli(args), { code: 2, says, secret: SECRET });
  });
});

describe.concurrent('koomock help', { timeout: CLI_TEST_TIMEOUT }, () => {
  test('lists sign, verify and aes', async ({ expect }) => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of ['sign', 'verify', 'aes']) expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  test.for([
    ['sign', 'v2'], ['sign', 'kit'], ['sign', 'v1'], ['sign', 'body'], ['sign', 'apig'], ['sign', 'usage'],
    ['verify', 'v2'], ['verify', 'kit'], ['verify', 'v1'], ['verify', 'body'], ['verify', 'apig'], ['verify', 'usage'],
    ['aes', 'encrypt'], ['aes', 'decrypt'],
  ])('koomock %s %s --help shows an example', async (path, { expect }) => {
    const run = await runCli([...path, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Example');
    expect(run.stdout).toContain(`$ koomock ${path.join(' ')} `);
  });
});
