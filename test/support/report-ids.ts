/**
 * The check ids a run report failed or warned on, each once and sorted: what the e2e tests of the
 * security groups compare against the one named check a defective seller must fail.
 */
import { isFailure, type RunReport } from '../../mock-server/core/scenario/run/report.js';

const checksOf = (report: RunReport) => report.scenarios.flatMap((s) => s.checks);

/** Ids of the failed checks (warnings left out). */
export const failedIds = (report: RunReport): string[] => [...new Set(checksOf(report).filter(isFailure).map((c) => c.id))].sort();

/** Ids of the checks that only warned. */
export const warnedIds = (report: RunReport): string[] => [...new Set(checksOf(report).filter((c) => !c.ok && c.severity === 'warn').map((c) => c.id))].sort();
