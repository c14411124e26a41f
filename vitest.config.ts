import { defineConfig, type ViteUserConfig } from 'vitest/config';

/*
 * Three projects (npm scripts in package.json):
 * - unit: pure and in-memory tests, on threads sharing their module cache (no per-file isolation):
 *   no unit test mocks modules, stubs globals or changes process state.
 * - integration: real servers, SQLite files, child processes and the CLI (in process through
 *   main(argv, io), plus a few smoke tests of the built binary); each file in its own worker, as
 *   msw patches globals.
 * - browser: the HTML report in headless Chromium (npm run test:browser), outside the fast loop.
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
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          pool: 'threads',
          globalSetup: ['test/support/build-once.ts'],
        },
      },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], pool: 'forks' } },
    ],
  },
});
