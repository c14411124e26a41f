/**
 * Profile of `koomock serve` under signed order queries: starts the built CLI under
 * `node --cpu-prof`, sends queries with 10 connections for a few seconds, stops it with SIGINT and
 * prints the functions with the most self time (the evidence in docs/benchmarks.md).
 *
 *   npm run build && node --import tsx bench/profile-serve.ts [--memory] [seconds]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Agent, request } from 'undici';
import { signApigRequest } from '../mock-server/core/signing/index.js';

const AK = 'PROFILEAK00000000000';
const SK = 'profileSecretAccessKey0000000000000000000';
const QUERY = '/api/mkp-openapi-public/global/v1/order/query?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

async function main(): Promise<void> {
  const memory = process.argv.includes('--memory');
  const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 8);
  const dir = mkdtempSync(join(tmpdir(), 'koomock-profile-'));
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, join(import.meta.dirname, '..', 'bin', 'koomock.js'), 'serve', '--port', '0', '--ak', AK, ...(memory ? ['--memory'] : ['--db', join(dir, 'k.db')])];
  const child = spawn(process.execPath, args, { env: { ...process.env, KOOMOCK_SK: SK }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`serve exited early: ${out}`)));
  });
  const target = `${url}${QUERY}`;
  const signed = signApigRequest({ method: 'GET', url: target, headers: { 'Content-Type': 'application/json' }, ak: AK, sk: SK, now: Date.now() });
  const { Host: _host, ...headers } = signed.headers;
  const dispatcher = new Agent({ connections: 10 });
  const end = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < end) {
        const res = await request(target, { headers: { ...headers, Authorization: signed.authorization }, dispatcher });
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        done += 1;
      }
    }),
  );
  await dispatcher.close();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  await exited;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error('no .cpuprofile written');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[] };
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const where = n.callFrame.url === '' ? '' : ` ${basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    const key = `${n.callFrame.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  console.log(`${memory ? 'memory' : 'SQLite'} store: ${done} order queries in ${seconds} s (${Math.round(done / seconds)}/s), load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| self % | function |\n|---|---|');
  for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${((hits * 100) / total).toFixed(1)} | \`${name}\` |`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
