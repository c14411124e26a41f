import { defineConfig, type ViteUserConfig } from 'vitest/config';

/*
 * Tests that take a minute or more, kept out of `npm test`: packing and installing the package
 * (`npm run test:package`), building and running the container image (`npm run test:image`).
 * With TEST_RESULTS_DIR set (as .ci/run does), each also writes a JSON report there, named after
 * the npm script (test-results/vitest-test-image.json), for the summary line.
 */
const resultsDir = process.env['TEST_RESULTS_DIR'];
const suite = (process.env['npm_lifecycle_event'] ?? 'vitest-slow').replace(/[^A-Za-z0-9-]+/g, '-');
const reporters: NonNullable<NonNullable<ViteUserConfig['test']>['reporters']> = resultsDir === undefined || resultsDir === '' ? ['default'] : ['default', ['json', { outputFile: `${resultsDir}/vitest-${suite}.json` }]];

export default defineConfig({
  test: {
    include: ['test/**/*.slow-test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 1_500_000,
    reporters,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
