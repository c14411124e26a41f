/**
 * Servers side by side, each in its own process, answering the same signed order query over
 * 127.0.0.1: bare `node:http` and an express 5 route sending koomock's own answer bytes (the floor),
 * then `koomock serve --memory` and `koomock serve` (SQLite). Rounds are interleaved and each ratio
 * is taken within a round; the load average is printed because a shared machine skews every number.
 * Also: start-up to the first answer, and the RSS of each koomock after the rounds.
 *
 *   npm run build && node --import tsx bench/serve.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { signApigRequest } from '../mock-server/core/signing/index.js';
import { driveLoad } from './lib/net.js';
import { median } from './lib/stats.js';
import { formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'koomock.js');
const AK = 'BENCHSERVEAK00000000';
const SK = 'benchServeSecretAccessKey000000000000000';
const QUERY = '/api/mkp-openapi-public/global/v1/order/query?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW';
const CONCURRENCY = 10;
const REQUESTS = 3000;
const ROUNDS = 3;

interface Server {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  readonly startMs: number;
}

/** Spawns `args` and resolves with the URL it prints (`listening on URL`) and the ms until then. */
function start(name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ name, url: m[1], child, startMs: performance.now() - t0 });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening: ${out}`)));
  });
}

/** A tiny server (bare node or express 5) that answers every GET with `body`. */
const floorScript = (kind: 'node' | 'express', bodyFile: string): string =>
  kind === 'node'
    ? `const b=require('fs').readFileSync(${JSON.stringify(bodyFile)});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json;charset=UTF-8','content-length':b.length});s.end(b)}).listen(0,'127.0.0.1',function(){console.log('listening on http://127.0.0.1:'+this.address().port)})`
    : `const b=require('fs').readFileSync(${JSON.stringify(bodyFile)});const a=require('express')();a.get('/api/mkp-openapi-public/global/v1/order/query',(q,s)=>{s.type('application/json;charset=UTF-8').send(b)});const srv=a.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+srv.address().port))`;

function signedHeaders(url: string): Record<string, string> {
  const signed = signApigRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, ak: AK, sk: SK, now: Date.now() });
  const { Host: _host, ...headers } = signed.headers;
  return { ...headers, Authorization: signed.authorization };
}

const rssMb = (pid: number | undefined): number => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
};

async function main(): Promise<void> {
  printHeader('serve', `signed order queries, ${CONCURRENCY} connections, ${REQUESTS} per server per round, ${ROUNDS} interleaved rounds, one process per server`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2+ on 2 cores means other work shares the machine: ratios only)`);
  const dir = mkdtempSync(join(tmpdir(), 'koomock-bench-serve-'));
  const servers: Server[] = [];
  const dispatcher = new Agent({ connections: CONCURRENCY });
  try {
    const env = { KOOMOCK_SK: SK };
    const memory = await start('koomock serve --memory', [BIN, 'serve', '--port', '0', '--ak', AK, '--memory', '--no-console'], env);
    const sqlite = await start('koomock serve (SQLite)', [BIN, 'serve', '--port', '0', '--ak', AK, '--db', join(dir, 'k.db'), '--no-console'], env);
    servers.push(memory, sqlite);
    // The floors answer exactly the bytes koomock answers.
    const answer = await request(`${memory.url}${QUERY}`, { headers: signedHeaders(`${memory.url}${QUERY}`), dispatcher });
    const bodyFile = join(dir, 'answer.json');
    (await import('node:fs')).writeFileSync(bodyFile, Buffer.from(await answer.body.arrayBuffer()));
    const bare = await start('bare node:http', ['-e', floorScript('node', bodyFile)]);
    const express = await start('express 5 route, same bytes', ['-e', floorScript('express', bodyFile)]);
    servers.unshift(bare, express);

    const targets = servers.map((s) => {
      const url = `${s.url}${QUERY}`;
      const headers = signedHeaders(url);
      return {
        server: s,
        send: async () => {
          const res = await request(url, { headers, dispatcher });
          await res.body.arrayBuffer();
          return res.statusCode === 200;
        },
      };
    });
    for (const t of targets) await driveLoad({ concurrency: CONCURRENCY, total: 500, send: t.send });
    const rates = new Map<string, number[]>(servers.map((s) => [s.name, []]));
    const ratios = new Map<string, number[]>(servers.map((s) => [s.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      const got = new Map<string, number>();
      for (const t of order) {
        const r = await driveLoad({ concurrency: CONCURRENCY, total: REQUESTS, send: t.send });
        if (r.failures > 0) throw new Error(`${t.server.name}: ${r.failures} answers were not 200`);
        got.set(t.server.name, r.perSecond);
        rates.get(t.server.name)?.push(r.perSecond);
      }
      const floor = got.get(express.name) ?? Number.NaN;
      for (const s of servers) ratios.get(s.name)?.push((got.get(s.name) ?? 0) / floor);
    }
    printTable(
      ['server', 'req/s (median)', 'per round', 'vs express floor', 'start-up ms', 'RSS MB after'],
      servers.map((s) => [
        s.name,
        formatNumber(median(rates.get(s.name) ?? [])),
        (rates.get(s.name) ?? []).map((r) => formatNumber(r)).join(' / '),
        formatRatio(median(ratios.get(s.name) ?? [])),
        formatNumber(s.startMs),
        formatNumber(rssMb(s.child.pid), 1),
      ]),
    );
    console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await dispatcher.close();
    for (const s of servers) s.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await runMain('serve', main);
