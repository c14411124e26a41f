import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root (this file is test/support/built-cli.ts). */
export const ROOT = resolve(import.meta.dirname, '..', '..');
/** Written by the test build (build-once.ts) when dist/ is ready or the build failed. */
export const BUILD_STATE = join(ROOT, 'dist', '.test-build.json');
/** How long a test may wait for the build: tsc takes seconds alone, much longer on a busy machine. */
export const BUILD_TIMEOUT = 240_000;

const readState = (): { ok: boolean; output?: string } | undefined => {
  try {
    return JSON.parse(readFileSync(BUILD_STATE, 'utf8')) as { ok: boolean; output?: string };
  } catch {
    return undefined;
  }
};

/**
 * Resolves once dist/ matches the sources (the integration and e2e projects build it in the
 * background when it is stale); throws with the compiler's output when that build failed.
 * @example
 *   beforeAll(() => waitForBuild(), BUILD_TIMEOUT);
 */
export async function waitForBuild(timeoutMs = BUILD_TIMEOUT): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = readState();
    if (state?.ok === true) return;
    if (state?.ok === false) throw new Error(`the build of dist/ failed (npm run build):\n${state.output ?? ''}`);
    if (Date.now() > until) throw new Error(`dist/ was not built within ${timeoutMs} ms: run the tests through npm run test:fast, or npm run build first`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
