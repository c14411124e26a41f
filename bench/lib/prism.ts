/**
 * Stoplight Prism 5, the generic mock server a seller would otherwise pick, as a row of the serve
 * benchmark. It is not a devDependency: it pulls about 210 packages that every `npm ci` would then
 * install for a single benchmark row. The benchmark installs one pinned version on demand into
 * `node_modules/.cache/koomock-bench/` (about 20 s, once; later runs reuse it) from the npm registry.
 * When that fails (no registry), the row says why instead of stopping the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORDER_QUERY_PATH, ROOT, type Server, startProcess } from './servers.js';

export const PRISM_VERSION = '5.16.0';
const CACHE = join(ROOT, 'node_modules', '.cache', 'koomock-bench', `prism-${PRISM_VERSION}`);
const PRISM_BIN = join(CACHE, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

/** Installs Prism into the cache folder unless it is there; returns a reason when it cannot. */
function ensurePrism(): string | undefined {
  if (existsSync(PRISM_BIN)) return undefined;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'package.json'), '{"private":true,"description":"Prism for koomock benchmarks only"}\n');
  console.log(`installing @stoplight/prism-cli@${PRISM_VERSION} into ${CACHE} for the benchmark (once, about 20 s)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--prefix', CACHE, `@stoplight/prism-cli@${PRISM_VERSION}`, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { cwd: CACHE, encoding: 'utf8', timeout: 180_000, env: { ...process.env, SCARF_ANALYTICS: 'false' } },
  );
  if (r.status === 0 && existsSync(PRISM_BIN)) return undefined;
  const why = r.error?.message ?? (r.stderr || r.stdout || `npm exited ${r.status}`).trim().split('\n').slice(-2).join(' ');
  return `could not install @stoplight/prism-cli@${PRISM_VERSION} from npm (${why.slice(0, 200)})`;
}

/**
 * An OpenAPI 3 document with the order query only, whose one example is `answer`: Prism then answers
 * the very bytes koomock answers (it re-serialises the example compactly, as koomock does).
 */
function writeSpec(dir: string, answer: unknown): string {
  const query = (name: string) => ({ name, in: 'query', required: name === 'orderId', schema: { type: 'string' } });
  const spec = {
    openapi: '3.0.3',
    info: { title: 'KooGallery order query (benchmark)', version: '1' },
    servers: [{ url: '/' }],
    paths: {
      [ORDER_QUERY_PATH]: {
        get: {
          operationId: 'orderQuery',
          parameters: [query('orderId'), query('orderLineId')],
          responses: { '200': { description: 'the order', content: { 'application/json;charset=UTF-8': { example: answer } } } },
        },
      },
    },
  };
  const file = join(dir, 'prism-order-query.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

/**
 * Starts `prism mock -v silent` on a free port answering `answer`, or resolves with the reason it cannot.
 * @example const prism = await startPrism(dir, JSON.parse(bytes)); if (typeof prism === 'string') console.log(prism);
 */
export async function startPrism(dir: string, answer: unknown, port: number): Promise<Server | string> {
  const missing = ensurePrism();
  if (missing !== undefined) return missing;
  try {
    // Prism -v silent prints no address: wait until the port answers.
    const args = [PRISM_BIN, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', writeSpec(dir, answer)];
    return await startProcess(`Prism ${PRISM_VERSION} mock -v silent`, args, {}, { limitMs: 60_000, probeUrl: `http://127.0.0.1:${port}/` });
  } catch (e) {
    return `Prism did not start: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`;
  }
}
