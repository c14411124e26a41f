import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILD_STATE, ROOT } from './built-cli.js';

/*
 * Vitest global setup of the integration and e2e projects: a few of their tests spawn the built
 * binary (bin/koomock.js -> dist/) or load the console (dist/console/), so dist/ must match the
 * sources. When it is missing or older than a source file, the build (tsc, then vite for the console)
 * starts in the background and the tests begin at once; the ones that need dist/ wait for it
 * (waitForBuild in built-cli.ts). After `npm run build` (as in `npm test`) this costs directory walks.
 */

const BUILT = join(ROOT, 'dist', 'mock-server', 'adapters', 'cli', 'main.js');
/** Both projects run this setup in one process: the first starts the build, the second finds it. */
const STARTED = Symbol.for('koomock.test-build');

/** The newest modification time (ms) of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const builtAt = (): number => {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
};

const writeState = (state: { readonly ok: boolean; readonly output?: string }): void => {
  mkdirSync(dirname(BUILD_STATE), { recursive: true });
  writeFileSync(BUILD_STATE, JSON.stringify(state));
};

/** Whether dist/console/ is older than the console sources (console/), or missing. */
function consoleStale(): boolean {
  const dir = join(ROOT, 'console');
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  try {
    return statSync(join(ROOT, 'dist', 'console', 'index.html')).mtimeMs < newest;
  } catch {
    return true;
  }
}

/** Runs node with `args` in the repository; resolves with the exit code and the output. */
const runNode = (args: readonly string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => resolve({ code, output: Buffer.concat(output).toString('utf8').slice(-8000) }));
    child.on('error', (e) => resolve({ code: -1, output: e.message }));
  });

/** What `npm run build` does, the parts that are stale: tsc into dist/, vite into dist/console/. */
async function build(tscStale: boolean): Promise<void> {
  if (tscStale) {
    const tsc = await runNode([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
    if (tsc.code !== 0) return writeState({ ok: false, output: tsc.output });
  }
  if (consoleStale()) {
    const vite = await runNode([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'console/vite.config.ts']);
    if (vite.code !== 0) return writeState({ ok: false, output: vite.output });
  }
  writeState({ ok: true });
}

export default function setup(): (() => Promise<void>) | undefined {
  const holder = globalThis as { [STARTED]?: Promise<void> };
  if (holder[STARTED] !== undefined) return undefined;
  const sources = Math.max(newestSource(join(ROOT, 'mock-server')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  const tscStale = builtAt() < sources;
  if (!tscStale && !consoleStale()) {
    writeState({ ok: true });
    holder[STARTED] = Promise.resolve();
    return undefined;
  }
  rmSync(BUILD_STATE, { force: true });
  const done = build(tscStale);
  holder[STARTED] = done;
  // Teardown: never leave the compiler running after the tests.
  return () => done;
}
