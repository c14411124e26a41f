/**
 * Start-up: how long a user waits for koomock, each run a fresh process. `koomock --help` and
 * `koomock sign --help` to their exit, and `koomock serve` (memory, then SQLite) from spawn to the
 * first answered signed order query. Baselines in the same rounds: `node -e 0` and a bare
 * `node:http` server to its first answer. Runs are interleaved; the table shows medians.
 *
 *   npm run build && node --import tsx bench/startup.ts [runs]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { signApigRequest } from '../mock-server/core/signing/index.js';
import { median } from './lib/stats.js';
import { formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'koomock.js');
const AK = 'BENCHSTARTAK00000000';
const SK = 'benchStartSecretAccessKey000000000000000';
const QUERY = '/api/mkp-openapi-public/global/v1/order/query?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW';
const RUNS = Number(process.argv[2] ?? 10);
/** No run should take this long; a run that does is stopped and the benchmark fails. */
const RUN_LIMIT_MS = 15_000;

const BARE_SERVER = `require('http').createServer((q,s)=>s.end('{}')).listen(0,'127.0.0.1',function(){console.log('listening on http://127.0.0.1:'+this.address().port)})`;

interface Case {
  readonly name: string;
  /** Resolves with the wall time of one run, ms. */
  readonly run: () => Promise<number>;
}

/** Runs a command to its exit; resolves with the ms from spawn to exit. Exit code 0 required. */
function timeToExit(args: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}`));
    });
  });
}

/**
 * Spawns a server, waits for its `listening on URL` line, sends one request (signed for koomock)
 * and resolves with the ms from spawn to the end of that answer; the server is then stopped.
 */
function timeToFirstAnswer(args: readonly string[], path: string, signed: boolean): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, KOOMOCK_SK: SK }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')}: no answer after ${RUN_LIMIT_MS} ms`));
    }, RUN_LIMIT_MS);
    let out = '';
    let asked = false;
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url === undefined || asked) return;
      asked = true;
      const target = `${url}${path}`;
      const headers = signed ? signedHeaders(target) : {};
      request(target, { headers })
        .then(async (res) => {
          await res.body.arrayBuffer();
          const ms = performance.now() - t0;
          if (res.statusCode !== 200) throw new Error(`node ${args.join(' ')}: first answer was HTTP ${res.statusCode}`);
          resolve(ms);
        })
        .catch(reject)
        .finally(() => clearTimeout(timer));
    });
    child.once('exit', (code) => {
      if (!asked) reject(new Error(`node ${args.join(' ')} exited (${code}) before listening: ${out}`));
    });
  }).finally(() => stop(child));
}

function stop(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function signedHeaders(url: string): Record<string, string> {
  const signed = signApigRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, ak: AK, sk: SK, now: Date.now() });
  const { Host: _host, ...headers } = signed.headers;
  return { ...headers, Authorization: signed.authorization };
}

async function main(): Promise<void> {
  printHeader('startup', `wall time of fresh processes, ${RUNS} interleaved runs each, median`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (start-up times are absolute: compare them on a quiet machine)`);
  const dir = mkdtempSync(join(tmpdir(), 'koomock-bench-startup-'));
  let db = 0;
  const serve = [BIN, 'serve', '--port', '0', '--ak', AK, '--no-console'];
  const cases: Case[] = [
    { name: 'baseline: node -e 0', run: () => timeToExit(['-e', '0']) },
    { name: 'koomock --help', run: () => timeToExit([BIN, '--help']) },
    { name: 'koomock sign --help', run: () => timeToExit([BIN, 'sign', '--help']) },
    { name: 'baseline: bare node:http, first answer', run: () => timeToFirstAnswer(['-e', BARE_SERVER], '/', false) },
    { name: 'koomock serve --memory, first answer', run: () => timeToFirstAnswer([...serve, '--memory'], QUERY, true) },
    // A new database file each run: the first start creates the schema, as a user's first start does.
    { name: 'koomock serve (SQLite, new file), first answer', run: () => timeToFirstAnswer([...serve, '--db', join(dir, `k${db++}.db`)], QUERY, true) },
  ];
  const samples = cases.map((): number[] => []);
  try {
    for (const c of cases) await c.run(); // warm the file cache; not measured
    for (let round = 0; round < RUNS; round++) {
      for (let k = 0; k < cases.length; k++) {
        const i = (round + k) % cases.length;
        samples[i]?.push(await (cases[i] as Case).run());
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = (name: string): number[] => samples[cases.findIndex((c) => c.name.startsWith(name))] ?? [];
  const exitBase = base('baseline: node -e 0');
  const serverBase = base('baseline: bare node:http');
  printTable(
    ['run', 'median ms', 'min-max ms', 'ratio (× its baseline)'],
    cases.map((c, i) => {
      const own = samples[i] ?? [];
      const against = c.name.includes('first answer') ? serverBase : exitBase;
      return [
        c.name,
        formatNumber(median(own)),
        `${formatNumber(Math.min(...own))}-${formatNumber(Math.max(...own))}`,
        formatRatio(median(own.map((ms, r) => ms / (against[r] as number)))),
      ];
    }),
  );
  console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('first answer: spawn to the end of the first answered signed GET …/order/query (koomock) or GET / (bare node); help: spawn to exit.');
}

// 10 runs of six cases take about 20 s on a quiet machine; a busy one needs far longer.
await runMain('startup', main, 180_000);
