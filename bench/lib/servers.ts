/**
 * Servers of the benchmarks, each in its own Node process: `koomock serve` from the build, and tiny
 * floors (bare `node:http`, express 5) written as `node -e` scripts. Every server prints
 * `listening on URL`; the benchmark reads it and talks to 127.0.0.1 only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { signApigRequest } from '../../mock-server/core/signing/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'koomock.js');
export const ORDER_QUERY_PATH = '/api/mkp-openapi-public/global/v1/order/query';
export const QUERY = `${ORDER_QUERY_PATH}?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW`;
export const USAGE_PATH = '/api/mkp-openapi-public/global/v1/isv/usage-data';
export const AK = 'BENCHSERVEAK00000000';
export const SK = 'benchServeSecretAccessKey000000000000000';
export const USAGE_KEY = 'benchUsageKey0123456789';

/** Every server this process started: killed when it exits, even through a watchdog's process.exit. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

export interface Server {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Spawn to the `listening on` line, ms. */
  readonly startMs: number;
}

/**
 * Spawns `node args` and resolves once it prints `listening on URL`, or, given `probeUrl`, once that
 * URL answers at all (for servers that print nothing). Rejects when it exits first or after `limitMs`.
 * @example const s = await startProcess('bare', ['-e', script]);
 */
export function startProcess(name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, options: { readonly limitMs?: number; readonly probeUrl?: string } = {}): Promise<Server> {
  const limitMs = options.limitMs ?? 120_000;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let settled = false;
    const settle = (error: Error | undefined, url = ''): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === undefined) resolve({ name, url: url.replace(/\/$/, ''), child, startMs: performance.now() - t0 });
      else reject(error);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(new Error(`${name} was not ready within ${limitMs / 1000} s: ${out.slice(-500)}`));
    }, limitMs);
    const take = (c: Buffer): void => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/i.exec(out);
      if (m?.[1] !== undefined && options.probeUrl === undefined) settle(undefined, m[1]);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', (code) => settle(new Error(`${name} exited (${code}) before listening: ${out.slice(-500)}`)));
    const probe = options.probeUrl;
    if (probe !== undefined) {
      const poll = (): void => {
        if (settled) return;
        fetch(probe).then(
          (r) => r.arrayBuffer().then(() => settle(undefined, new URL(probe).origin)),
          () => setTimeout(poll, 50),
        );
      };
      poll();
    }
  });
}

/**
 * `koomock serve` from the build with the benchmark's AK/SK and usage key; `store` is `--memory` or a db path.
 * @example await startKoomock('koomock serve --memory', 'memory');
 */
export const startKoomock = (name: string, store: 'memory' | { readonly db: string }, extra: readonly string[] = []): Promise<Server> =>
  startProcess(
    name,
    [BIN, 'serve', '--port', '0', '--ak', AK, '--usage-key', USAGE_KEY, '--no-console', ...(store === 'memory' ? ['--memory'] : ['--db', store.db]), ...extra],
    { KOOMOCK_SK: SK },
  );

/** A floor server script: answers every request on `path` with the bytes of `bodyFile` (no checks). */
export const floorScript = (kind: 'node' | 'express', bodyFile: string): string =>
  kind === 'node'
    ? `const b=require('fs').readFileSync(${JSON.stringify(bodyFile)});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json;charset=UTF-8','content-length':b.length});s.end(b)}).listen(0,'127.0.0.1',function(){console.log('listening on http://127.0.0.1:'+this.address().port)})`
    : `const b=require('fs').readFileSync(${JSON.stringify(bodyFile)});const a=require('express')();a.get(${JSON.stringify(ORDER_QUERY_PATH)},(q,s)=>{s.type('application/json;charset=UTF-8').send(b)});const srv=a.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+srv.address().port))`;

/**
 * APIG headers (Authorization, X-Sdk-Date, …) for one request; valid 15 minutes, so a benchmark signs once.
 * @example signedHeaders(`${url}${QUERY}`)
 */
export function signedHeaders(url: string, method = 'GET', body?: string, extra: Record<string, string> = {}): Record<string, string> {
  const headers = { 'Content-Type': 'application/json', ...extra };
  const signed = signApigRequest({ method, url, headers, ak: AK, sk: SK, now: Date.now(), ...(body === undefined ? {} : { body }) });
  const { Host: _host, ...rest } = signed.headers;
  return { ...rest, Authorization: signed.authorization };
}

/**
 * Resident set size of process `pid` in MB, from /proc (NaN where there is none).
 * @example rssMb(server.child.pid)
 */
export function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The 1-minute load average, for the line printed with every table (a shared machine skews numbers). */
export const loadLine = (when: string): string => `load average ${when}: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`;

/** Stops every server (SIGTERM) and waits for each to exit, at most 5 s. */
export async function stopAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            s.child.kill('SIGKILL');
            resolve();
          }, 5_000);
          s.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          s.child.kill('SIGTERM');
        }),
    ),
  );
}
