import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadShippedScenarios } from '../../mock-server/app/scenario-files.js';
import { createEmulator, type Emulator } from '../../mock-server/emulator.js';
import { BUILD_TIMEOUT, waitForBuild } from '../support/built-cli.js';
import { reserveFreePort } from '../support/faulty-sellers.js';

/*
 * The README and docs/ as a reader uses them: every TypeScript example type-checks against the
 * built package (imported as `koomock`, as a seller would) and runs; every shell block marked
 * `sh runnable` runs (its fixed ports replaced by free ones); counts in the README match the code.
 * A block marked `ts fragment` needs the reader's own service (its start-up, its keys): it declares
 * those names with `declare` and is type-checked, not run.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORK = join(ROOT, '.cache', 'docs-examples');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

interface Block {
  readonly file: string;
  readonly lang: string;
  readonly info: string;
  readonly code: string;
}
const blocks: Block[] = DOCS.flatMap((file) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```/gm)].map((m) => ({ file, lang: m[1] ?? '', info: (m[2] ?? '').trim(), code: m[3] ?? '' })),
);
const tsBlocks = blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');
const runnable = blocks.filter((b) => b.lang === 'sh' && b.info === 'runnable');

let emulator: Emulator;
const files: { name: string; vitest: boolean; fragment: boolean }[] = [];
beforeAll(async () => {
  // The examples import the built package (dist/): wait while the test setup is still building it.
  await waitForBuild();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // Examples that talk to `koomock serve` on 7070 get a running emulator on a free port instead.
  emulator = await createEmulator();
  const port = new URL(emulator.url).port;
  tsBlocks.forEach((b, i) => {
    const vitest = b.code.includes("from 'vitest'");
    const name = `${b.file.replace(/[/.]/g, '-')}-${i}${vitest && b.info !== 'fragment' ? '.test' : ''}.ts`;
    writeFileSync(join(WORK, name), `${b.code.replaceAll('127.0.0.1:7070', `127.0.0.1:${port}`)}\nexport {};\n`);
    files.push({ name, vitest, fragment: b.info === 'fragment' });
  });
  writeFileSync(join(WORK, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, types: ['node'] },
    include: ['*.ts'],
  }));
  writeFileSync(join(WORK, 'vitest.config.ts'), "export default { test: { include: ['*.test.ts'], testTimeout: 20000 } };\n");
}, BUILD_TIMEOUT);
afterAll(async () => {
  await emulator?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** Runs a command without blocking this process (the emulator the examples call lives here). */
const run = (cmd: string, args: readonly string[], cwd = WORK): Promise<{ code: number; out: string }> =>
  new Promise((done) => {
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, out: `${stdout}${stderr}` });
    });
  });

describe('README and docs/ examples', () => {
  test('there are TypeScript examples, and the README has a runnable quickstart', () => {
    expect(tsBlocks.map((b) => b.file)).toEqual(expect.arrayContaining(['README.md', 'docs/admin-api.md']));
    expect(runnable.map((b) => b.file)).toEqual(['README.md']);
  });

  test('every TypeScript example type-checks against the published types', async () => {
    const tsc = await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(tsc.out).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);

  test('every TypeScript example runs: test files pass under vitest, scripts exit 0', async () => {
    const tests = files.filter((f) => f.vitest && !f.fragment);
    expect(files.filter((f) => !f.fragment).length).toBeGreaterThan(files.filter((f) => f.fragment).length);
    const vitest = await run(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', WORK, '--config', join(WORK, 'vitest.config.ts')]);
    expect(vitest.out).toMatch(new RegExp(`Test Files\\s+${tests.length} passed`));
    expect(vitest.code).toBe(0);
    for (const script of files.filter((f) => !f.vitest && !f.fragment)) {
      const result = await run(process.execPath, ['--import', 'tsx', script.name]);
      expect(result.code, `${script.name}: ${result.out}`).toBe(0);
    }
  }, 60_000);

  test('the runnable quickstart runs as written (free ports) and the Chinese one says the same commands', async () => {
    const [block] = runnable;
    if (block === undefined) throw new Error('README.md has no ```sh runnable block');
    const chinese = blocks.find((b) => b.file === 'README.md' && b.lang === 'sh' && b.info === '' && b.code.includes('examples/seller-express'));
    expect(chinese?.code).toBe(block.code);
    const [seller, openApi] = [await reserveFreePort(), await reserveFreePort()];
    const script = block.code.replaceAll(':8080', `:${seller}`).replaceAll('SELLER_PORT=8080', `SELLER_PORT=${seller}`).replaceAll(':7070', `:${openApi}`);
    expect(script).not.toMatch(/8080|7070/);
    const child = spawn('bash', ['-e', '-c', `${script.replace('--report html=koomock-report.html', `--report html=${join(WORK, 'koomock-report.html')} --port ${openApi}`)}`], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // the background seller is already gone
    }
    expect(out).toMatch(/\d+ scenarios: \d+ passed, (\d+ skipped, )?0 failed/);
    expect(out).toContain('koomock doctor: no problem found');
    expect(code, out).toBe(0);
    expect(existsSync(join(WORK, 'koomock-report.html'))).toBe(true);
  }, 90_000);

  test('the counts in the README come from the shipped suite', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /plays the (\d+) shipped scenarios \((\d+) core, (\d+) security,\s+(\d+) faults\)/.exec(readme);
    const shipped = loadShippedScenarios();
    const count = (group: string) => shipped.filter((s) => s.group === group).length;
    expect(m?.slice(1).map(Number)).toEqual([shipped.length, count('core'), count('security'), count('faults')]);
  });
});
