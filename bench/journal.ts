/**
 * The journal under a long run, one store at a time, each `koomock serve` in its own process with
 * the default retention (`journal.maxExchanges` 50 000): 100,000 exchanges (signed order queries,
 * every 20th a one-record usage push) sent by autocannon with 10 connections, then the RSS of the
 * server, the SQLite files' size, and the time of a filtered journal read
 * (`GET /_koomock/exchanges?operation=usage.push`) with the journal at its retention limit.
 *
 *   npm run build && node --import tsx bench/journal.ts [exchanges]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CannonRequest, fire } from './lib/cannon.js';
import { loadLine, QUERY, rssMb, type Server, signedHeaders, startKoomock, stopAll } from './lib/servers.js';
import { median } from './lib/stats.js';
import { formatNumber, printHeader, printTable } from './lib/table.js';
import { buildUsagePushes, createOnDemandInstance } from './lib/usage.js';
import { runMain } from './lib/watchdog.js';

const EXCHANGES = Number(process.argv[2] ?? 100_000);
/** Exchanges are sent in chunks; a store that has not taken them all within this budget stops early and says so. */
const CHUNK = 10_000;
const BUDGET_MS = 100_000;
const PUSH_EVERY = 20;
const READS = 30;
/** Retention prunes about once a second, a batch at a time: let it reach the limit. */
const SETTLE_MS = 3_000;

const sizeMb = (dir: string): number => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024 / 1024;

/** Milliseconds of each of `READS` sequential reads of `url` (after one warm-up read). */
async function timeReads(url: string): Promise<{ ms: number[]; count: number }> {
  let count = 0;
  const ms: number[] = [];
  for (let i = 0; i <= READS; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = (await res.json()) as { exchanges?: unknown[] };
    if (res.status !== 200 || !Array.isArray(body.exchanges)) throw new Error(`${url} answered ${res.status}; expected 200 with exchanges`);
    if (i > 0) ms.push(performance.now() - t0);
    count = body.exchanges.length;
  }
  return { ms, count };
}

async function measure(name: string, store: 'memory' | { readonly db: string }, dbDir: string | undefined): Promise<string[]> {
  const server: Server = await startKoomock(name, store);
  try {
    const instanceId = await createOnDemandInstance(server.url);
    const rssStart = rssMb(server.child.pid);
    const query: CannonRequest = { path: QUERY, headers: signedHeaders(`${server.url}${QUERY}`) };
    let n = 0;
    let pushes = 0;
    // A usage push carries a ts valid ±60 s and a single-use nonce: each is signed when it is sent.
    const next = (): CannonRequest => {
      n += 1;
      if (n % PUSH_EVERY !== 0) return query;
      pushes += 1;
      return buildUsagePushes(server.url, instanceId, 1, 1, `j${pushes}`)[0] as CannonRequest;
    };
    const t0 = performance.now();
    let sent = 0;
    while (sent < EXCHANGES && performance.now() - t0 < BUDGET_MS) {
      const r = await fire({ url: server.url, connections: 10, amount: Math.min(CHUNK, EXCHANGES - sent), request: next });
      sent += r.requests;
    }
    const seconds = (performance.now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const filtered = await timeReads(`${server.url}/_koomock/exchanges?operation=usage.push`);
    const plain = await timeReads(`${server.url}/_koomock/exchanges`);
    return [
      name,
      sent < EXCHANGES ? `${formatNumber(sent)} (of ${formatNumber(EXCHANGES)}: time budget)` : formatNumber(sent),
      `${formatNumber(sent / seconds)} (${seconds.toFixed(0)} s)`,
      formatNumber(rssStart, 0),
      formatNumber(rssMb(server.child.pid), 0),
      dbDir === undefined ? '—' : formatNumber(sizeMb(dbDir), 1),
      `${median(filtered.ms).toFixed(1)} / ${Math.max(...filtered.ms).toFixed(1)} (${filtered.count})`,
      `${median(plain.ms).toFixed(1)} / ${Math.max(...plain.ms).toFixed(1)}`,
    ];
  } finally {
    await stopAll([server]);
  }
}

async function main(): Promise<void> {
  printHeader('journal', `RSS and journal reads after ${formatNumber(EXCHANGES)} exchanges (1 in ${PUSH_EVERY} a usage push), default retention, 10 connections (autocannon), one store at a time`);
  console.log(loadLine('at start'));
  const dir = mkdtempSync(join(tmpdir(), 'koomock-bench-journal-'));
  try {
    const rows = [await measure('koomock serve --memory', 'memory', undefined), await measure('koomock serve (SQLite, the default)', { db: join(dir, 'k.db') }, dir)];
    printTable(['server', 'exchanges sent', 'req/s (wall)', 'RSS MB before', 'RSS MB after', 'SQLite files MB', 'filtered read ms median / max (rows)', 'unfiltered read ms median / max'], rows);
    console.log(
      `\nEach store gets ${BUDGET_MS / 1000} s to take the exchanges (in chunks of ${formatNumber(CHUNK)}); a row that says "time budget" measured fewer, on a machine too busy to send them all in time. The journal keeps 50 000 exchanges by default (journal.maxExchanges); both reads answer the first page (100 rows) as a user asks for it, ${READS} times each. RSS from /proc after ${SETTLE_MS / 1000} s for the background prune.`,
    );
    console.log('Goals: RSS < 150 MB after 100 000 exchanges in both stores; a filtered journal read < 10 ms at the retention limit.');
    console.log(loadLine('at end'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runMain('journal', main, 280_000);
