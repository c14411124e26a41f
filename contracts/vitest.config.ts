import { defineConfig } from 'vitest/config';

/*
 * The Pact tests. Each file runs in its own vitest invocation (contracts/run-tests.mjs): Pact's
 * native core keeps process-wide state, and two mock servers or verifiers in one process race.
 */
export default defineConfig({
  test: {
    include: ['contracts/test/**/*.pact.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
    // The CLI tests spawn the built binary once: build dist/ when it is missing or stale.
    globalSetup: ['test/support/build-once.ts'],
  },
});
