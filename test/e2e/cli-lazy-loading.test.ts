import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUILD_TIMEOUT, ROOT, waitForBuild } from '../support/built-cli.js';
import { CLI_TEST_TIMEOUT } from '../support/run-cli.js';

/*
 * Start-up stays cheap because each command imports what it needs when it runs (docs/benchmarks.md,
 * "Start-up"). A child process runs the built CLI in process, then lists the CommonJS modules it
 * loaded (express, better-sqlite3, Ajv, undici, yaml and commander are all CommonJS, so each one
 * loaded shows in the require cache, whether imported or required).
 */

const PACKAGES = ['commander', 'express', 'better-sqlite3', 'undici', 'yaml', 'ajv', 'ajv-formats'] as const;

/** Runs `script` (ESM) in a fresh node in the repository; resolves with the packages whose files it loaded, and the Ajv files. */
function loadedBy(script: string): Promise<{ packages: string[]; ajvFiles: string[]; out: string }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KOOMOCK_SK: 'lazyLoadingTestSecretAccessKey0000000000' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('LOADED '));
      if (code !== 0 || line === undefined) return reject(new Error(`child exited ${code}: ${err}${out}`));
      const files = JSON.parse(line.slice('LOADED '.length)) as string[];
      const packages = PACKAGES.filter((p) => files.some((f) => f.includes(`/node_modules/${p}/`)));
      const ajvFiles = files.filter((f) => f.includes('/node_modules/ajv/')).map((f) => f.slice(f.indexOf('/node_modules/ajv/') + '/node_modules/ajv/'.length));
      resolve({ packages, ajvFiles, out });
    });
  });
}

const LIST = `process.stdout.write('LOADED ' + JSON.stringify(Object.keys((await import('node:module')).createRequire(import.meta.url).cache)) + '\\n');`;
const QUIET_IO = `{ out: (l) => lines.push(l), err: (l) => lines.push(l), env: process.env, cwd: process.cwd(), stdin: [], isTTY: false }`;

beforeAll(() => waitForBuild(), BUILD_TIMEOUT);

describe('what a command loads', { timeout: CLI_TEST_TIMEOUT }, () => {
  test('koomock --help loads commander and none of the server, SQLite, HTTP client, YAML or schema code', async () => {
    const { packages, out } = await loadedBy(`
      import { main } from './dist/mock-server/adapters/cli/main.js';
      const lines = [];
      const code = await main(['--help'], ${QUIET_IO});
      if (code !== 0 || !lines.join('\\n').includes('serve [options]')) throw new Error('no help: ' + lines.join('\\n'));
      ${LIST}`);
    expect(out).toContain('LOADED');
    // commander shows that the check sees CommonJS packages at all.
    expect(packages).toEqual(['commander']);
  });

  test('koomock serve answers the Open APIs without loading express: it is loaded with the first admin request', async () => {
    const { packages } = await loadedBy(`
      import { main } from './dist/mock-server/adapters/cli/main.js';
      const lines = [];
      const io = { ...${QUIET_IO}, out: (l) => {
        lines.push(l);
        const url = /listening on (http:\\/\\/\\S+)/.exec(l)?.[1];
        if (url !== undefined) fetch(url + '/api/mkp-openapi-public/global/v1/order/query?orderId=LAZY').then(async (r) => {
          const body = await r.json();
          if (r.status < 400 || typeof body.error_code !== 'string') throw new Error('open api ' + r.status + ' ' + JSON.stringify(body));
          ${LIST}
          process.kill(process.pid, 'SIGTERM');
        });
      } };
      const code = await main(['serve', '--memory', '--port', '0', '--no-console'], io);
      if (code !== 0) throw new Error('serve exited ' + code + ': ' + lines.join('\\n'));`);
    expect(packages).not.toContain('express');
  });

  test('koomock serve answers without loading the schema compiler: the config is checked by a validator generated at build time', async () => {
    const { packages, ajvFiles } = await loadedBy(`
      import { main } from './dist/mock-server/adapters/cli/main.js';
      const lines = [];
      const io = { ...${QUIET_IO}, out: (l) => {
        lines.push(l);
        const url = /listening on (http:\\/\\/\\S+)/.exec(l)?.[1];
        if (url !== undefined) fetch(url + '/_koomock/health').then(async (r) => {
          if (r.status !== 200) throw new Error('health ' + r.status);
          ${LIST}
          process.kill(process.pid, 'SIGTERM');
        });
      } };
      const code = await main(['serve', '--memory', '--port', '0', '--no-console'], io);
      if (code !== 0) throw new Error('serve exited ' + code + ': ' + lines.join('\\n'));`);
    expect(packages).toEqual(expect.arrayContaining(['express', 'better-sqlite3']));
    // The generated validators need only Ajv's small runtime helpers, never its compiler.
    expect(ajvFiles.filter((f) => !f.startsWith('dist/runtime/'))).toEqual([]);
  });
});
