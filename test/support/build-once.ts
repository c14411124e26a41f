import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * Vitest global setup of the integration project: a few tests spawn the built binary
 * (bin/koomock.js -> dist/), so dist/ must match the sources. Builds once when dist/ is missing or
 * older than a source file; after `npm run build` (as in `npm test`) it costs a directory walk.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUILT = join(ROOT, 'dist', 'mock-server', 'adapters', 'cli', 'main.js');

/** The newest modification time (ms) of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const builtAt = (): number => {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
};

export default function setup(): void {
  const sources = Math.max(newestSource(join(ROOT, 'mock-server')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (builtAt() >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}
