import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that spend most of their time waiting (a seller that never answers, real call
 * timeouts), not computing. Started first, they wait while the other workers run the rest; started
 * last, their waiting would add to the run's wall time.
 */
export const WAITING_FILES: readonly string[] = ['test/slow/run-hanging-seller.test.ts'];

/**
 * Test files that spawn the built binary or load the built console: they wait for dist/ when the test
 * setup is still building it (build-once.ts), so they run last, after the tests that need no build.
 */
export const BUILT_BINARY_FILES: readonly string[] = [
  'test/integration/http/admin-api.test.ts',
  'test/e2e/cli-binary.test.ts',
  'test/e2e/cli-serve.test.ts',
  'test/e2e/docs-examples.test.ts',
  'test/e2e/run-faults.test.ts',
  'test/integration/http/one-process-per-db.test.ts',
  'test/integration/http/usage-durability.test.ts',
];

const isIn = (files: readonly string[]) => (spec: TestSpecification): boolean => files.some((file) => spec.moduleId.replaceAll('\\', '/').endsWith(file));

/**
 * Vitest's order (failed and slow files first when it has timings, larger files first otherwise),
 * with the waiting files moved to the front and the files that need the build to the back.
 */
export class TestOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waiting = isIn(WAITING_FILES);
    const binary = isIn(BUILT_BINARY_FILES);
    return [...sorted.filter(waiting), ...sorted.filter((s) => !waiting(s) && !binary(s)), ...sorted.filter((s) => !waiting(s) && binary(s))];
  }
}
