import { defineConfig } from 'vitest/config';

// Tests that take a minute or more (packing and installing the package, building and running the
// container image), kept out of `npm test`: `npm run test:package`, `npm run test:image`.
export default defineConfig({
  test: {
    include: ['test/**/*.slow-test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 1_200_000,
    reporters: ['default'],
  },
});
