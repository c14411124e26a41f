/**
 * Servers side by side, each in its own process, answering the same signed order query over
 * 127.0.0.1 with the same bytes: bare `node:http` and an express 5 route (the floors), Stoplight
 * Prism 5 `mock -v silent` (the generic mock server a seller would otherwise pick; installed on
 * demand, see lib/prism.ts), then `koomock serve --memory` and `koomock serve` (SQLite, the default).
 * autocannon drives each with 10 connections; rounds are interleaved (alternating order) and every
 * ratio is taken within a round. Also: start-up to the first answer and the RSS after the rounds.
 *
 *   npm run build && node --import tsx bench/serve.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fire } from './lib/cannon.js';
import { reserveFreePort } from './lib/net.js';
import { PRISM_VERSION, startPrism } from './lib/prism.js';
import { floorScript, loadLine, QUERY, rssMb, type Server, signedHeaders, startKoomock, startProcess, stopAll } from './lib/servers.js';
import { median } from './lib/stats.js';
import { formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';

const CONNECTIONS = 10;
const SECONDS = 3;
const ROUNDS = 3;

/** The answer body of `url`, as bytes. */
const fetchBytes = async (url: string): Promise<Buffer> => {
  const res = await fetch(url, { headers: signedHeaders(url) });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}; expected 200`);
  return Buffer.from(await res.arrayBuffer());
};

async function main(): Promise<void> {
  printHeader('serve', `signed order query, ${CONNECTIONS} connections (autocannon), ${SECONDS} s per server per round, ${ROUNDS} interleaved rounds, one process per server`);
  console.log(loadLine('at start'));
  const dir = mkdtempSync(join(tmpdir(), 'koomock-bench-serve-'));
  const servers: Server[] = [];
  try {
    const memory = await startKoomock('koomock serve --memory', 'memory');
    servers.push(memory);
    const sqlite = await startKoomock('koomock serve (SQLite, the default)', { db: join(dir, 'k.db') });
    servers.push(sqlite);
    // Every floor answers exactly the bytes koomock answers.
    const answer = await fetchBytes(`${memory.url}${QUERY}`);
    const bodyFile = join(dir, 'answer.json');
    writeFileSync(bodyFile, answer);
    const bare = await startProcess('bare node:http, same bytes', ['-e', floorScript('node', bodyFile)]);
    servers.unshift(bare);
    const express = await startProcess('express 5 route, same bytes, no checks', ['-e', floorScript('express', bodyFile)]);
    servers.splice(1, 0, express);
    const prism = await startPrism(dir, JSON.parse(answer.toString('utf8')), await reserveFreePort());
    const prismNote = typeof prism === 'string' ? prism : undefined;
    if (typeof prism !== 'string') servers.splice(2, 0, prism);

    for (const s of servers) {
      const got = await fetchBytes(`${s.url}${QUERY}`);
      if (!got.equals(answer)) throw new Error(`${s.name} answered ${got.length} bytes that differ from koomock's ${answer.length}; the comparison needs the same bytes`);
    }
    for (const s of servers) await fire({ url: s.url, connections: CONNECTIONS, duration: 1, request: { path: QUERY, headers: signedHeaders(`${s.url}${QUERY}`) } });

    const rates = new Map<string, number[]>(servers.map((s) => [s.name, []]));
    const p99s = new Map<string, number[]>(servers.map((s) => [s.name, []]));
    const vsFloor = new Map<string, number[]>(servers.map((s) => [s.name, []]));
    const vsPrism = new Map<string, number[]>(servers.map((s) => [s.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      const got = new Map<string, number>();
      for (const s of order) {
        const r = await fire({ url: s.url, connections: CONNECTIONS, duration: SECONDS, request: { path: QUERY, headers: signedHeaders(`${s.url}${QUERY}`) } });
        got.set(s.name, r.perSecond);
        rates.get(s.name)?.push(r.perSecond);
        p99s.get(s.name)?.push(r.p99);
      }
      const floor = got.get(express.name) ?? Number.NaN;
      const prismRate = typeof prism === 'string' ? Number.NaN : (got.get(prism.name) ?? Number.NaN);
      for (const s of servers) {
        vsFloor.get(s.name)?.push((got.get(s.name) ?? 0) / floor);
        vsPrism.get(s.name)?.push((got.get(s.name) ?? 0) / prismRate);
      }
    }
    const rows = servers.map((s) => {
      const ps = p99s.get(s.name) ?? [];
      const prismRatio = median(vsPrism.get(s.name) ?? []);
      return [
        s.name,
        (rates.get(s.name) ?? []).map((r) => formatNumber(r)).join(' / '),
        formatNumber(median(rates.get(s.name) ?? [])),
        `${Math.min(...ps)}-${Math.max(...ps)}`,
        formatRatio(median(vsFloor.get(s.name) ?? [])),
        Number.isNaN(prismRatio) ? '—' : formatRatio(prismRatio),
        formatNumber(s.startMs),
        formatNumber(rssMb(s.child.pid), 1),
      ];
    });
    if (prismNote !== undefined) rows.splice(2, 0, [`Prism ${PRISM_VERSION} mock -v silent: not measured, ${prismNote}`, '—', '—', '—', '—', '—', '—', '—']);
    printTable(['server', 'req/s per round', 'req/s median', 'p99 ms', 'vs express floor', 'vs Prism', 'start-up ms', 'RSS MB after'], rows);
    console.log(`\n${answer.length}-byte answer from every server (checked). Ratios: median over ${ROUNDS} rounds of (req/s ÷ the same round's express or Prism req/s).`);
    console.log('Goals: SQLite ≥ ×0.85 of the express floor and ≥ ×1.5 Prism, p99 < 10 ms; memory ≥ ×0.90 of the floor.');
    console.log(loadLine('at end'));
  } finally {
    await stopAll(servers);
    rmSync(dir, { recursive: true, force: true });
  }
}

await runMain('serve', main, 240_000);
