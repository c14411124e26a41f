import { availableParallelism } from 'node:os';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { TestOrderSequencer } from './test/support/test-order.js';

/*
 * The projects (npm scripts in package.json, docs/testing.md). Files of a project without isolation
 * share their worker's module cache, one file after another: fast, but a file must leave no global
 * change behind (no module mocks, stubbed globals, process.env or working-folder changes).
 * - unit: pure and in-memory tests.
 * - integration: real servers, SQLite files, child processes.
 * - integration-msw: msw patches fetch and node:http while it listens: its files get fresh workers.
 * - e2e: the CLI (in process through main(argv, io), plus smoke tests of the built binary) and the
 *   reference seller.
 * - slow: tests that must wait real time (a seller hanging at the default 20 s timeout), outside the fast loop.
 * - browser: the HTML report and the web console in headless Chromium (npm run test:browser), outside
 *   the fast loop; builds dist/ and dist/console/ first when missing or stale (test/support/build-console.ts).
 * integration and e2e build dist/ in the background when it is missing or stale, and the files that
 * spawn the built binary wait for it and run last (test/support/build-once.ts, test-order.ts).
 * Every project first regenerates the schema validators (dist/validators/) when a schema changed
 * since they were generated (test/support/validators-once.ts).
 */
const MSW_TESTS = 'test/integration/msw/**/*.test.ts';
/** Every project validates with the schema validators generated from schemas/: fresh ones first. */
const VALIDATORS = 'test/support/validators-once.ts';

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
    // Vitest's default is one worker less than the cores: a single worker on a 2-core machine. Many
    // integration and e2e tests wait on sockets and timers, so one worker per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: TestOrderSequencer },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', isolate: false, globalSetup: [VALIDATORS] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [MSW_TESTS],
          pool: 'threads',
          isolate: false,
          globalSetup: [VALIDATORS, 'test/support/build-once.ts'],
        },
      },
      { extends: true, test: { name: 'integration-msw', include: [MSW_TESTS], pool: 'threads', globalSetup: [VALIDATORS] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], pool: 'threads', isolate: false, globalSetup: [VALIDATORS, 'test/support/build-once.ts'] } },
      { extends: true, test: { name: 'slow', include: ['test/slow/**/*.test.ts'], pool: 'threads', globalSetup: [VALIDATORS, 'test/support/build-once.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], pool: 'forks', globalSetup: [VALIDATORS, 'test/support/build-console.ts'] } },
    ],
  },
});
