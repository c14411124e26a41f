/**
 * Open API benchmark: signed order queries per second against `createEmulator()` (memory store),
 * as a fraction of what a bare `node:http` server answering the same bytes without any checks
 * manages, both driven by the same client loop in the same rounds.
 *
 *   node --import tsx bench/open-api.ts
 */
import { createServer } from 'node:http';
import { Agent, request } from 'undici';
import { signApigRequest } from '../mock-server/core/signing/index.js';
import { createEmulator } from '../mock-server/emulator.js';
import { closeServer, driveLoad, type LoadResult, listenLocal } from './lib/net.js';
import { median } from './lib/stats.js';
import { formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';

const CONCURRENCY = 8;
const REQUESTS = 2000;
const WARMUP_REQUESTS = 2000;
const ROUNDS = 7;
const ORDER_QUERY = '/api/mkp-openapi-public/global/v1/order/query?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW';

interface Target {
  readonly name: string;
  /** Sends one request; true when it got the expected 200 answer. */
  readonly send: () => Promise<boolean>;
}

/** A client for `url` that sends `headers` and reads the whole answer, over `dispatcher`'s pool. */
function createTarget(name: string, url: string, headers: Record<string, string>, dispatcher: Agent): Target {
  return {
    name,
    send: async () => {
      const res = await request(url, { method: 'GET', headers, dispatcher });
      await res.body.arrayBuffer();
      return res.statusCode === 200;
    },
  };
}

async function measure(target: Target, total: number): Promise<LoadResult> {
  const result = await driveLoad({ concurrency: CONCURRENCY, total, send: target.send });
  if (result.failures > 0) {
    throw new Error(`${target.name}: ${result.failures} of ${total} requests did not get HTTP 200; expected every one to (is the signature or the order wrong?)`);
  }
  return result;
}

async function main(): Promise<void> {
  printHeader('open-api', `signed order queries, ${CONCURRENCY} concurrent, ${REQUESTS} per round, emulator vs bare node:http`);
  const emulator = await createEmulator();
  const dispatcher = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  let bare: ReturnType<typeof createServer> | undefined;
  try {
    const emulatorUrl = `${emulator.url}${ORDER_QUERY}`;
    // Signed once: X-Sdk-Date stays valid for 15 minutes and APIG has no nonce, so the client's own
    // cost is the same for both servers and only the server side differs.
    const signed = signApigRequest({ method: 'GET', url: emulatorUrl, headers: { 'Content-Type': 'application/json' }, ak: emulator.seller.ak, sk: emulator.seller.sk, now: Date.now() });
    const { Host: _host, ...signedHeaders } = signed.headers;
    const headers = { ...signedHeaders, Authorization: signed.authorization };

    const sample = await request(emulatorUrl, { headers, dispatcher });
    const body = Buffer.from(await sample.body.arrayBuffer());
    const contentType = String(sample.headers['content-type'] ?? 'application/json');
    if (sample.statusCode !== 200) throw new Error(`the emulator answered ${sample.statusCode} to a signed order query; expected 200: ${body.toString('utf8').slice(0, 200)}`);

    bare = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) });
      res.end(body);
    });
    const bareUrl = `${await listenLocal(bare)}${ORDER_QUERY}`;

    const targets = { bare: createTarget('bare node:http', bareUrl, headers, dispatcher), emulator: createTarget('createEmulator()', emulatorUrl, headers, dispatcher) };
    await measure(targets.bare, WARMUP_REQUESTS);
    await measure(targets.emulator, WARMUP_REQUESTS);

    const rates = { bare: [] as number[], emulator: [] as number[], ratio: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first so neither always runs on a warmer or busier machine.
      const order = round % 2 === 0 ? (['bare', 'emulator'] as const) : (['emulator', 'bare'] as const);
      const results: Partial<Record<'bare' | 'emulator', LoadResult>> = {};
      for (const which of order) results[which] = await measure(targets[which], REQUESTS);
      const b = results.bare?.perSecond ?? Number.NaN;
      const e = results.emulator?.perSecond ?? Number.NaN;
      rates.bare.push(b);
      rates.emulator.push(e);
      rates.ratio.push(e / b);
    }

    const bareRate = median(rates.bare);
    const emulatorRate = median(rates.emulator);
    printTable(
      ['server', 'requests/s', 'ms/request (at 8 in flight)', 'ratio (× bare)'],
      [
        ['baseline: bare node:http, same body, no checks', formatNumber(bareRate), ((CONCURRENCY / bareRate) * 1000).toFixed(2), formatRatio(1)],
        ['createEmulator(): APIG verify, order lookup, journal', formatNumber(emulatorRate), ((CONCURRENCY / emulatorRate) * 1000).toFixed(2), formatRatio(median(rates.ratio))],
      ],
    );
    console.log(`\n${body.length}-byte answer; client, servers and emulator share this one process. ratio: median over ${ROUNDS} rounds of (emulator requests/s ÷ bare requests/s in the same round); higher is better, 1.00 would mean the emulator costs nothing.`);
  } finally {
    await dispatcher.close();
    if (bare !== undefined) await closeServer(bare);
    await emulator.close();
  }
}

await runMain('open-api', main);
