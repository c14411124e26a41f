import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../mock-server/adapters/cli/io.js';
import { main } from '../../mock-server/adapters/cli/main.js';
import { waitForBuild } from './built-cli.js';

/** Repository root (this file is test/support/run-cli.ts). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = resolve(REPO_ROOT, 'bin', 'koomock.js');
const BUILT_MAIN = resolve(REPO_ROOT, 'dist', 'mock-server', 'adapters', 'cli', 'main.js');

/** Per-test timeout for CLI suites: a test may spawn several processes, and a busy CI machine is slow to start node. */
export const CLI_TEST_TIMEOUT = 60_000;

export interface CliRun {
  /** Exit code; -1 when the process was killed (timeout). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** Written to standard input, then closed (stdin is closed empty otherwise). */
  readonly stdin?: string | Uint8Array;
  readonly cwd?: string;
  /** Kill the process after this many ms (default 30 000); in process, the test's own timeout applies. */
  readonly timeoutMs?: number;
  /** Variables added to the clean environment, e.g. `{ LANG: 'zh_CN.UTF-8' }`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Act as if output went to a terminal (colour, a progress line per attempt); default false. */
  readonly isTTY?: boolean;
}

/** The calling shell's variables without KOOMOCK_* and the locale (LANG, LC_ALL chose the report language), so they cannot change the outcome. */
const cleanEnv = (extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOOMOCK_') && name !== 'LANG' && name !== 'LC_ALL')),
  ...extra,
});

/**
 * Runs `koomock …args` inside the test process through `main(argv, io)`: the same commands, flags,
 * output and exit codes as the binary, without starting node. Standard output is not a terminal (no
 * colour), standard input holds `options.stdin` (empty otherwise), and KOOMOCK_* variables of the
 * calling shell are left out. `spawnCli` runs the built binary instead.
 * @example
 *   const { code, stdout } = await runCli(['sign', 'usage', '--key', 'k', '--ts', '1', '--nonce', 'n', '--body', '{}']);
 */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const input = options.stdin === undefined ? [] : [Buffer.from(options.stdin)];
  const io: CliIo = {
    out: (line) => out.push(`${line}\n`),
    err: (line) => err.push(`${line}\n`),
    env: cleanEnv(options.env),
    cwd: options.cwd ?? REPO_ROOT,
    stdin: (async function* () {
      yield* input;
    })(),
    isTTY: options.isTTY ?? false,
  };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * Spawns the built CLI (`node bin/koomock.js …args`), the way a seller runs it. Needs `dist/`:
 * build first with `npm run build` (`npm test` builds first).
 * KOOMOCK_* variables of the calling shell are removed so they cannot change the outcome.
 * @example
 *   const { code, stdout } = await spawnCli(['sign', 'usage', '--key', 'k', '--ts', '1', '--nonce', 'n', '--body', '{}']);
 */
export async function spawnCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  await waitForBuild();
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build the CLI first with \`npm run build\``);
  const env = cleanEnv(options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.stdin === undefined ? undefined : Buffer.from(options.stdin));
  });
}

/** The lines of an output, without the final newline. */
export const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * A JSON file of test/fixtures, typed by the caller.
 * @example
 *   const vectors = readFixture<{ usage: UsageRow[] }>('openapi-signing-vectors.json');
 */
export const readFixture = <T>(name: string): T => JSON.parse(readFileSync(resolve(REPO_ROOT, 'test', 'fixtures', name), 'utf8')) as T;
