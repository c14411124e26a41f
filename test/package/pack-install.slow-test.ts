import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockFor } from './offline-lock.js';

/*
 * The package as a seller gets it: `npm pack` (of the build `npm test` made), then `npm ci --offline`
 * of the tarball in an empty project, locked from the repository's lockfile so every dependency
 * comes from the cache `npm ci` filled, then the CLI, the entry points and their types, used from outside.
 * Install scripts are skipped so better-sqlite3 is not compiled (a minute of C++): nothing here
 * opens a SQLite file; the container image test installs and compiles it for real.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir: string;
let project: string;
let tarball: string;
const run = (cmd: string, args: readonly string[], cwd = project): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'koomock-pack-'));
  project = join(dir, 'project');
  const packed = JSON.parse(run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
  const [pack] = packed;
  if (pack === undefined) throw new Error('npm pack made no tarball');
  tarball = join(dir, pack.filename);
  writeFileSync(join(dir, 'files.json'), JSON.stringify(pack.files.map((f) => f.path)));
  mkdirSync(project);
  const { packageJson, lock } = lockFor(ROOT, `../${basename(tarball)}`, ['msw', '@types/node']);
  writeFileSync(join(project, 'package.json'), JSON.stringify(packageJson, null, 2));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock, null, 2));
  run(NPM, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund']);
}, 180_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('the npm package, installed from its tarball', () => {
  test('holds the build, the schemas, the scenarios and the docs, and no tests or sources', () => {
    const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as string[];
    for (const needed of ['bin/koomock.js', 'dist/mock-server/adapters/cli/main.js', 'dist/mock-server/index.d.ts', 'dist/mock-server/adapters/msw/index.d.ts', 'schemas/config.schema.json', 'dist/validators/index.cjs', 'dist/validators/config.schema.json.cjs', 'scenarios/renew.yaml', 'README.md', 'package.json']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(test|mock-server|examples|bench)\//.test(f) || f.startsWith('dist/test'))).toEqual([]);
  });

  test('npx koomock --help and npx koomock sign v2 work', () => {
    expect(run('npx', ['--offline', 'koomock', '--help'])).toContain('Usage: koomock');
    const signature = run('npx', [
      '--offline', 'koomock', 'sign', 'v2', '--key', 'testAccessKey123', '--timestamp', '1680508066618',
      '--nonce', '50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA',
      '--body', '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"0"}',
    ]);
    // The spec's own test vector (docs/signing.md).
    expect(signature.trim()).toBe('BEF083BC31BC8AE73DA87F2757727CCBD7962B4E7A9DBAD0AED74C99DE8B7889');
  });

  test('every entry point imports from an ESM file and works: an emulator answers a signed order query, msw handlers are built', () => {
    writeFileSync(join(project, 'use.mjs'), `
import { createEmulator, signApigRequest } from 'koomock';
import { createHandlers } from 'koomock/msw';
import pkg from 'koomock/package.json' with { type: 'json' };
const emulator = await createEmulator();
const url = emulator.url + '/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW';
const signed = signApigRequest({ method: 'GET', url, ak: emulator.seller.ak, sk: emulator.seller.sk, now: Date.now() });
const res = await fetch(url, { headers: { 'X-Sdk-Date': signed.headers['X-Sdk-Date'], Authorization: signed.authorization } });
const body = await res.json();
await emulator.close();
console.log(JSON.stringify({ status: res.status, resultCode: body.resultCode, handlers: createHandlers().length, version: pkg.version }));
`);
    const out = JSON.parse(run(process.execPath, ['use.mjs'])) as { status: number; resultCode: string; handlers: number; version: string };
    expect(out).toMatchObject({ status: 200, resultCode: 'MKT.0000' });
    expect(out.handlers).toBeGreaterThan(0);
    expect(out.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  test('a TypeScript file using both entry points type-checks against the published types, and a type error is caught', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false }, include: ['*.ts'] }));
    writeFileSync(join(project, 'use.ts'), `
import { createEmulator, type Emulator, type RunReport } from 'koomock';
import { createHandlers, type HandlersOptions } from 'koomock/msw';
const options: HandlersOptions = { config: { seller: { ak: 'MYTESTAK000000000000', sk: 'MyTestSk0000' } } };
export const handlers = createHandlers(options);
export async function start(): Promise<Emulator> { return createEmulator(); }
export const passed = (r: RunReport): boolean => r.summary.scenariosFailed === 0;
`);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'])).toBe('');
    writeFileSync(join(project, 'wrong.ts'), `import { createEmulator } from 'koomock';\nexport const n: number = createEmulator;\n`);
    let failed = '';
    try {
      run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    } catch (e) {
      failed = String((e as { stdout?: string }).stdout);
    } finally {
      rmSync(join(project, 'wrong.ts'));
    }
    expect(failed).toMatch(/wrong\.ts\(2,14\): error TS2322/);
  });
});
