import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILD_STATE, ROOT } from './built-cli.js';

/*
 * Vitest global setup of the integration and e2e projects: a few of their tests spawn the built
 * binary (bin/koomock.js -> dist/), so dist/ must match the sources. When it is missing or older than
 * a source file, `tsc -p tsconfig.build.json` starts in the background and the tests begin at once;
 * the ones that spawn the binary wait for it (waitForBuild in built-cli.ts). After `npm run build`
 * (as in `npm test`) this costs a directory walk.
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

export default function setup(): (() => Promise<void>) | undefined {
  const holder = globalThis as { [STARTED]?: Promise<void> };
  if (holder[STARTED] !== undefined) return undefined;
  const sources = Math.max(newestSource(join(ROOT, 'mock-server')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (builtAt() >= sources) {
    writeState({ ok: true });
    holder[STARTED] = Promise.resolve();
    return undefined;
  }
  rmSync(BUILD_STATE, { force: true });
  const tsc = spawn(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  tsc.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  tsc.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const done = new Promise<void>((resolve) => {
    tsc.on('close', (code) => {
      writeState({ ok: code === 0, output: Buffer.concat(output).toString('utf8').slice(-8000) });
      resolve();
    });
    tsc.on('error', (e) => {
      writeState({ ok: false, output: e.message });
      resolve();
    });
  });
  holder[STARTED] = done;
  // Teardown: never leave the compiler running after the tests.
  return () => done;
}
