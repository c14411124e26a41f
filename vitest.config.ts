import { defineConfig, type ViteUserConfig } from 'vitest/config';

/*
 * Four projects (npm scripts in package.json, docs/testing.md):
 * - unit: pure and in-memory tests, on threads sharing their module cache (no per-file isolation):
 *   no unit test mocks modules, stubs globals or changes process state.
 * - integration: real servers, SQLite files, child processes, msw (which patches globals): each file
 *   in a fresh worker.
 * - e2e: the CLI (in process through main(argv, io), plus smoke tests of the built binary) and the
 *   reference seller, each file in a fresh worker.
 * - slow: tests that must wait real time (a seller hanging at the default 20 s timeout), outside the fast loop.
 * - browser: the HTML report and the web console in headless Chromium (npm run test:browser), outside
 *   the fast loop; builds dist/ and dist/console/ first when missing or stale (test/support/build-console.ts).
 * integration and e2e build dist/ first when it is missing or stale (test/support/build-once.ts).
 */

/**
 * With TEST_RESULTS_DIR set (as .ci/run does), each vitest invocation also writes a JSON report there,
 * named after the npm script that ran it (test-results/vitest-test-fast.json), so that the results of
 * `npm test`'s suites can be summed.
 */
const resultsDir = process.env['TEST_RESULTS_DIR'];
const suite = (process.env['npm_lifecycle_event'] ?? 'vitest').replace(/[^A-Za-z0-9-]+/g, '-');
const reporters: NonNullable<NonNullable<ViteUserConfig['test']>['reporters']> = resultsDir === undefined || resultsDir === '' ? ['default'] : ['default', ['json', { outputFile: `${resultsDir}/vitest-${suite}.json` }]];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters,
    env: { PACT_DO_NOT_TRACK: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], pool: 'threads', globalSetup: ['test/support/build-once.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], pool: 'threads', globalSetup: ['test/support/build-once.ts'] } },
      { extends: true, test: { name: 'slow', include: ['test/slow/**/*.test.ts'], pool: 'threads', globalSetup: ['test/support/build-once.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], pool: 'forks', globalSetup: ['test/support/build-console.ts'] } },
    ],
  },
});
