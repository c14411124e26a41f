/**
 * Plain-text output of the benchmarks: a header naming the machine, and an aligned table.
 */
import { availableParallelism, cpus } from 'node:os';

/**
 * Prints what is measured and on what: absolute numbers depend on the machine, ratios much less.
 * @example printHeader('signing', 'cost of each signing step relative to one raw HMAC-SHA256');
 */
export function printHeader(name: string, what: string): void {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`\n### ${name}: ${what}`);
  console.log(`node ${process.version}, ${availableParallelism()} cores (${model}), ${process.platform}/${process.arch}\n`);
}

/**
 * Prints rows as a Markdown table, padded so it also reads well in a terminal: numbers are
 * right-aligned, text left-aligned; the output pastes into docs/benchmarks.md unchanged.
 * @example printTable(['operation', 'ops/s'], [['raw HMAC', '512 000']]);
 */
export function printTable(columns: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = columns.map((c, i) => Math.max(3, c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/**
 * A number with thin grouping (`12 345`), rounded to `digits` decimals.
 * @example formatNumber(12345.678, 0); // '12 346'
 */
export function formatNumber(value: number, digits = 0): string {
  const [whole = '0', fraction] = value.toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A ratio as `×1.00`.
 * @example formatRatio(0.4567); // '×0.46'
 */
export const formatRatio = (ratio: number): string => `×${ratio.toFixed(2)}`;

/**
 * Milliseconds as text with a unit that reads well (`0.84 s`, `120 ms`, `3.2 µs`).
 * @example formatDuration(840); // '840 ms'
 */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}
