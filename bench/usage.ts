/**
 * Usage push side by side, each server in its own process: `koomock serve` (SQLite: every push is
 * answered after its group commit) and `koomock serve --memory`, against an express 5 route with
 * `express.json()` answering the documented success to the same requests (the floor). Every request
 * is distinct (fresh nonce, ts, metering_sn) and signed before the clock starts; autocannon sends
 * them with 10 connections. Two shapes: one record per push (requests/s = records/s) and 100-record
 * pushes (records/s). Rounds are interleaved; ratios are taken within a round.
 *
 *   npm run build && node --import tsx bench/usage.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fire } from './lib/cannon.js';
import { loadLine, type Server, startKoomock, startProcess, stopAll, USAGE_PATH } from './lib/servers.js';
import { median } from './lib/stats.js';
import { formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { buildUsagePushes, createOnDemandInstance, takeInOrder } from './lib/usage.js';
import { runMain } from './lib/watchdog.js';

const CONNECTIONS = 10;
const ROUNDS = 3;
/** Pushes per server per round, by records per push. */
const SHAPES = [
  { records: 1, pushes: 2000 },
  { records: 100, pushes: 200 },
] as const;
/** autocannon may build a request or two per connection beyond the amount it sends. */
const SLACK = 4 * CONNECTIONS;

const EXPRESS_JSON = `const a=require('express')();a.post(${JSON.stringify(USAGE_PATH)},require('express').json({limit:'2mb'}),(q,s)=>{if(!Array.isArray(q.body.usage_records))return s.status(400).end();s.json({error_code:'MKT.0000',error_msg:'success'})});const srv=a.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+srv.address().port))`;

async function main(): Promise<void> {
  printHeader('usage', `usage push, ${CONNECTIONS} connections (autocannon), distinct pre-signed requests, ${ROUNDS} interleaved rounds, one process per server`);
  console.log(loadLine('at start'));
  const dir = mkdtempSync(join(tmpdir(), 'koomock-bench-usage-'));
  const servers: Server[] = [];
  try {
    servers.push(await startProcess('express 5 + express.json(), no checks', ['-e', EXPRESS_JSON]));
    servers.push(await startKoomock('koomock serve --memory', 'memory'));
    servers.push(await startKoomock('koomock serve (SQLite, the default)', { db: join(dir, 'k.db') }));
    const instances = new Map<string, string>();
    for (const s of servers) instances.set(s.name, s.name.startsWith('koomock') ? await createOnDemandInstance(s.url) : 'floor-instance');
    const floor = servers[0]?.name ?? '';

    const push = async (s: Server, records: number, pushes: number, tag: string) => {
      const requests = buildUsagePushes(s.url, instances.get(s.name) ?? '', pushes + SLACK, records, tag);
      return fire({ url: s.url, connections: CONNECTIONS, amount: pushes, request: takeInOrder(requests) });
    };
    for (const s of servers) await push(s, 1, 300, 'warm');

    const rows: string[][] = [];
    for (const shape of SHAPES) {
      const rates = new Map<string, number[]>(servers.map((s) => [s.name, []]));
      const p99s = new Map<string, number[]>(servers.map((s) => [s.name, []]));
      const ratios = new Map<string, number[]>(servers.map((s) => [s.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        const got = new Map<string, number>();
        for (const s of order) {
          const r = await push(s, shape.records, shape.pushes, `r${shape.records}-${round}`);
          got.set(s.name, r.perSecond * shape.records);
          rates.get(s.name)?.push(r.perSecond * shape.records);
          p99s.get(s.name)?.push(r.p99);
        }
        for (const s of servers) ratios.get(s.name)?.push((got.get(s.name) ?? 0) / (got.get(floor) ?? Number.NaN));
      }
      for (const s of servers) {
        const ps = p99s.get(s.name) ?? [];
        rows.push([
          `${shape.records === 1 ? '1 record' : `${shape.records} records`} per push: ${s.name}`,
          (rates.get(s.name) ?? []).map((r) => formatNumber(r)).join(' / '),
          formatNumber(median(rates.get(s.name) ?? [])),
          `${Math.min(...ps)}-${Math.max(...ps)}`,
          formatRatio(median(ratios.get(s.name) ?? [])),
        ]);
      }
    }
    printTable(['server', 'records/s per round', 'records/s median', 'p99 ms', 'vs express.json()'], rows);
    console.log(`\n${SHAPES.map((s) => `${s.pushes} pushes of ${s.records}`).join(' and ')} per server per round. koomock checks both signatures and every record, stores it and, with SQLite, answers after the commit.`);
    console.log('Goals: one record per push ≥ ×0.85 of express.json(); 100-record pushes ≥ 50 000 records/s.');
    console.log(loadLine('at end'));
  } finally {
    await stopAll(servers);
    rmSync(dir, { recursive: true, force: true });
  }
}

await runMain('usage', main, 180_000);
