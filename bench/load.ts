/**
 * `koomock load` against a trivial seller (its own process: reads the body, answers success, checks
 * nothing), compared with autocannon sending one pre-signed newInstance call of the same shape over
 * and over, in the same interleaved rounds and with the same number of connections. koomock load
 * builds, signs (V2 HMAC, fresh nonce) and checks every call; autocannon only replays bytes.
 *
 *   npm run build && node --import tsx bench/load.ts
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createSystemClock } from '../mock-server/app/clock.js';
import { createCryptoRandom } from '../mock-server/app/random.js';
import { resolveConfig } from '../mock-server/config/load.js';
import type { LoadSummary } from '../mock-server/core/load/summary.js';
import { buildProduceRequest } from '../mock-server/core/produce/activities.js';
import { signProduceRequest } from '../mock-server/core/produce/sign-request.js';
import { fire } from './lib/cannon.js';
import { loadLine, ROOT, type Server, startProcess, stopAll } from './lib/servers.js';
import { median } from './lib/stats.js';
import { formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';

const CONNECTIONS = 10;
const SECONDS = 3;
const ROUNDS = 3;
const KEY = 'bench-load-basic-key-0123456789';

const TRIVIAL_SELLER = `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{const b='{"resultCode":"000000","resultMsg":"success."}';s.writeHead(200,{'content-type':'application/json','content-length':b.length});s.end(b)})}).listen(0,'127.0.0.1',function(){console.log('listening on http://127.0.0.1:'+this.address().port)})`;

/** Runs `koomock load --json` as its own process; resolves with its summary. */
function koomockLoad(sellerUrl: string): Promise<LoadSummary> {
  const args = [join(ROOT, 'bin', 'koomock.js'), 'load', '--seller-url', sellerUrl, '--concurrency', String(CONNECTIONS), '--duration', String(SECONDS), '--json'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, KOOMOCK_KEY: KEY }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      try {
        const summary = JSON.parse(out) as LoadSummary;
        if (code !== 0 || summary.failed > 0) throw new Error(`${summary.failed} calls failed`);
        resolve(summary);
      } catch (e) {
        reject(new Error(`koomock load exited ${code}: ${e instanceof Error ? e.message : ''} ${(err || out).slice(0, 300)}`));
      }
    });
  });
}

/** One newInstance call as koomock load sends it, built and signed once. */
function preSigned(sellerUrl: string): { path: string; headers: Record<string, string>; body: string } {
  const config = resolveConfig({ seller: { productionUrl: sellerUrl, keys: { basic: KEY } } }, { cwd: ROOT, label: 'bench/load.ts' });
  const ctx = { profile: config.profile, clock: createSystemClock(), random: createCryptoRandom() };
  const orderId = 'LOADBENCH0000001';
  const built = buildProduceRequest({ activity: 'newInstance', url: sellerUrl, fields: { orderId, orderLineId: `${orderId}-000001` } }, ctx);
  const signed = signProduceRequest(built, config.seller.keys, ctx);
  const url = new URL(signed.url);
  return { path: `${url.pathname}${url.search}`, headers: { ...signed.headers }, body: signed.body ?? '' };
}

async function main(): Promise<void> {
  printHeader('load', `koomock load vs autocannon with a pre-signed call, trivial seller, ${CONNECTIONS} connections, ${SECONDS} s each, ${ROUNDS} interleaved rounds, one process each`);
  console.log(loadLine('at start'));
  const servers: Server[] = [];
  try {
    const seller = await startProcess('trivial seller', ['-e', TRIVIAL_SELLER]);
    servers.push(seller);
    const sellerUrl = `${seller.url}/produce`;
    const request = { method: 'POST' as const, ...preSigned(sellerUrl) };
    await fire({ url: seller.url, connections: CONNECTIONS, duration: 1, request });
    const koomock: number[] = [];
    const cannon: number[] = [];
    const ratios: number[] = [];
    const p99s: number[] = [];
    const cannonP99s: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const runCannon = () => fire({ url: seller.url, connections: CONNECTIONS, duration: SECONDS, request });
      const first = round % 2 === 0 ? await koomockLoad(sellerUrl) : await runCannon();
      const second = round % 2 === 0 ? await runCannon() : await koomockLoad(sellerUrl);
      const k = (round % 2 === 0 ? first : second) as LoadSummary;
      const c = (round % 2 === 0 ? second : first) as Awaited<ReturnType<typeof runCannon>>;
      koomock.push(k.rate);
      cannon.push(c.perSecond);
      ratios.push(k.rate / c.perSecond);
      p99s.push(k.latencyMs.p99);
      cannonP99s.push(c.p99);
    }
    printTable(
      ['sender', 'calls/s per round', 'calls/s median', 'p99 ms', 'vs autocannon'],
      [
        ['autocannon, one pre-signed call replayed', cannon.map((r) => formatNumber(r)).join(' / '), formatNumber(median(cannon)), `${Math.min(...cannonP99s)}-${Math.max(...cannonP99s)}`, formatRatio(1)],
        [
          'koomock load --concurrency 10 (fresh order, signed, checked)',
          koomock.map((r) => formatNumber(r)).join(' / '),
          formatNumber(median(koomock)),
          `${Math.min(...p99s).toFixed(0)}-${Math.max(...p99s).toFixed(0)}`,
          formatRatio(median(ratios)),
        ],
      ],
    );
    console.log(`\nkoomock load's rate is its own (calls ÷ its elapsed time, start-up excluded). Goal: ≥ 2 000 calls/s and ≥ ×0.80 of autocannon in the same run.`);
    console.log(loadLine('at end'));
  } finally {
    await stopAll(servers);
  }
}

await runMain('load', main, 120_000);
