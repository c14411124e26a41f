import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import buildOnce from './build-once.js';

/*
 * Vitest global setup of the browser project: the console tests spawn `koomock serve` and load the
 * console from dist/console/, so both must match the sources. Builds once when missing or stale;
 * after `npm run build` (as in `npm test`) it costs two directory walks.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const INDEX = join(ROOT, 'dist', 'console', 'index.html');

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs), 0);

const builtAt = (): number => {
  try {
    return statSync(INDEX).mtimeMs;
  } catch {
    return 0;
  }
};

export default function setup(): void {
  buildOnce();
  const sources = Math.max(newest(join(ROOT, 'console')), statSync(join(ROOT, 'console', 'index.html')).mtimeMs);
  if (builtAt() >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'console/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}
