import type { RunReport } from '../../../core/scenario/run/report.js';

// A profile is open-ended; a bigint in it must not make the whole report unwritable.
const replacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/**
 * The run as JSON, in the shape of `schemas/report.schema.json` (documented in docs/reports.md).
 * Values are kept as received: JSON escaping already makes control characters and lone surrogates inert.
 * @example
 *   writeFileSync('koomock-report.json', toJsonReport(report));
 */
export const toJsonReport = (report: RunReport): string => `${JSON.stringify(report, replacer, 2)}\n`;
