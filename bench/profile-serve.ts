/**
 * Profile of `koomock serve` under load: starts the built CLI under `node --cpu-prof`, sends signed
 * order queries (or, with `--usage`, one-record usage pushes) with 10 connections from this process
 * for a few seconds, stops it with SIGINT and prints the functions with the most self time, then
 * koomock's own functions by inclusive time (the evidence in docs/benchmarks.md).
 *
 *   npm run build && node --import tsx bench/profile-serve.ts [--memory] [--usage] [seconds]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { Agent, request } from 'undici';
import { AK, QUERY, ROOT, SK, signedHeaders, USAGE_KEY } from './lib/servers.js';
import { buildUsagePushes, createOnDemandInstance } from './lib/usage.js';

const TOP = 20;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const keyOf = (n: ProfileNode): string => {
  const where = n.callFrame.url === '' ? '' : ` ${basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  return `${n.callFrame.functionName || '(anonymous)'}${where}`;
};

/** Self and inclusive samples per function (a function on the stack twice counts once per sample). */
function summarise(nodes: readonly ProfileNode[]): { self: Map<string, number>; inclusive: Map<string, number>; total: number; busy: number } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let busy = 0;
  const walk = (n: ProfileNode, onStack: ReadonlySet<string>): void => {
    const key = keyOf(n);
    const hits = n.hitCount ?? 0;
    total += hits;
    if (n.callFrame.functionName !== '(idle)') busy += hits;
    self.set(key, (self.get(key) ?? 0) + hits);
    const stack = onStack.has(key) ? onStack : new Set([...onStack, key]);
    for (const k of stack) inclusive.set(k, (inclusive.get(k) ?? 0) + hits);
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (child !== undefined) walk(child, stack);
    }
  };
  const childIds = new Set(nodes.flatMap((n) => n.children ?? []));
  for (const n of nodes) if (!childIds.has(n.id)) walk(n, new Set());
  return { self, inclusive, total, busy };
}

/** Functions of koomock itself (the build) and of its libraries: not Node internals or the root. */
const isOurs = (nodes: readonly ProfileNode[]): Set<string> =>
  new Set(nodes.filter((n) => n.callFrame.url.includes('/dist/mock-server/') || n.callFrame.url.includes('/node_modules/')).map(keyOf));

async function main(): Promise<void> {
  const memory = process.argv.includes('--memory');
  const usage = process.argv.includes('--usage');
  const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 8);
  const dir = mkdtempSync(join(process.env['TMPDIR'] ?? '/tmp', 'koomock-profile-'));
  const store = memory ? ['--memory'] : ['--db', join(dir, 'k.db')];
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, join(ROOT, 'bin', 'koomock.js'), 'serve', '--port', '0', '--ak', AK, '--usage-key', USAGE_KEY, '--no-console', ...store];
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
  const instanceId = usage ? await createOnDemandInstance(url) : '';
  const queryHeaders = signedHeaders(`${url}${QUERY}`);
  let n = 0;
  const next = () => {
    n += 1;
    if (!usage) return { method: 'GET' as const, path: QUERY, headers: queryHeaders, body: undefined };
    const r = buildUsagePushes(url, instanceId, 1, 1, `p${n}`)[0];
    if (r === undefined) throw new Error('no usage push built');
    return { method: 'POST' as const, path: r.path, headers: r.headers, body: r.body };
  };
  const dispatcher = new Agent({ connections: 10 });
  const end = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < end) {
        const r = next();
        const res = await request(`${url}${r.path}`, { method: r.method, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }), dispatcher });
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
  const { self, inclusive, total, busy } = summarise(profile.nodes);
  const what = usage ? 'one-record usage pushes' : 'order queries';
  console.log(`${memory ? 'memory' : 'SQLite'} store: ${done} ${what} in ${seconds} s (${Math.round(done / seconds)}/s), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('\n| self % | function |\n|---|---|');
  for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`| ${((hits * 100) / total).toFixed(1)} | \`${name}\` |`);
  console.log('\nkoomock and its libraries by inclusive time, % of busy (non-idle) samples:\n\n| incl. % | function |\n|---|---|');
  const ours = isOurs(profile.nodes);
  for (const [name, hits] of [...inclusive].filter(([k]) => ours.has(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP * 2)) console.log(`| ${((hits * 100) / busy).toFixed(1)} | \`${name}\` |`);
  if (process.argv.includes('--keep')) console.log(`\nprofile kept: ${join(dir, file)}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
