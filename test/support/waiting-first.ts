import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that spend most of their time waiting (a seller that never answers, real call
 * timeouts), not computing. Started first, they wait while the other workers run the rest; started
 * last, their waiting would add to the run's wall time.
 */
export const WAITING_FILES: readonly string[] = ['test/e2e/run-hanging-seller.test.ts'];

/**
 * Vitest's order (failed and slow files first when it has timings, larger files first otherwise),
 * with the waiting files moved to the front.
 */
export class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (spec: TestSpecification): boolean => WAITING_FILES.some((file) => spec.moduleId.replaceAll('\\', '/').endsWith(file));
    return [...sorted.filter(waits), ...sorted.filter((spec) => !waits(spec))];
  }
}
