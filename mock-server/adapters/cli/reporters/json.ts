import { scenarioOutcome, type RunReport } from '../../../core/scenario/run/report.js';

// A profile is open-ended; a bigint in it must not make the whole report unwritable.
const replacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/**
 * The run as JSON, in the shape of `schemas/report.schema.json` (documented in docs/reports.md).
 * Values are kept as received: JSON escaping already makes control characters and lone surrogates inert.
 * @example
 *   writeFileSync('koomock-report.json', toJsonReport(report));
 */
export function toJsonReport(report: RunReport): string {
  // A scenario that could run no check is written as skipped, as the summary counts it.
  const scenarios = report.scenarios.map((s) => ({ ...s, status: scenarioOutcome(s) }));
  return `${JSON.stringify({ ...report, scenarios }, replacer, 2)}\n`;
}
