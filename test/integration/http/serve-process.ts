/**
 * `koomock serve` as a child process: the built CLI (bin -> dist/, built by the test setup when stale),
 * with the URL read from the banner.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitForBuild } from '../../support/built-cli.js';

export const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'koomock.js');

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** ms from spawn to the whole banner. */
  readonly readyMs: number;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServeOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** Environment without KOOMOCK_* variables of the developer's shell, plus `env`. */
const cleanEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('KOOMOCK_')) out[k] = v;
  return { ...out, ...env };
};

/**
 * Spawns `node bin/koomock.js serve …` and resolves once it printed its banner.
 * @example const serve = await startServe(['--memory', '--port', '0'], { cwd: dir });
 */
export async function startServe(args: readonly string[], options: ServeOptions): Promise<ServeProcess> {
  await waitForBuild();
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: options.cwd, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`koomock serve printed no URL within ${options.timeoutMs ?? 20_000} ms:\n${out}\n${err}`));
    }, options.timeoutMs ?? 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      // The banner ends with the stop hint; resolve once all of it is in.
      if (m?.[1] !== undefined && out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve({ child, url: m[1], readyMs: Date.now() - started, stdout: () => out, stderr: () => err, exited });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`koomock serve exited (${code ?? signal}) before printing its URL:\n${out}\n${err}`));
    });
  });
}
