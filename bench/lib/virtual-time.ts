/**
 * How much virtual time a run covered, read from its report: the suite waits in virtual time
 * (retry intervals, polling, days between a purchase and its renewal), not in wall time.
 */
import type { RunReport } from '../../mock-server/core/scenario/run/report.js';

export interface VirtualSpans {
  /** Sum over scenarios of (last attempt − first attempt), ms of virtual time. */
  readonly coveredMs: number;
  /** Sum over steps of (last attempt − first attempt): retry and poll waits, ms. */
  readonly waitsMs: number;
  readonly covered: string;
  readonly waits: string;
}

const span = (times: readonly number[]): number => (times.length < 2 ? 0 : Math.max(...times) - Math.min(...times));

/**
 * A virtual duration in the largest unit that reads well.
 * @example formatVirtual(3 * 3_600_000); // '3.0 h'
 */
function formatVirtual(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 120) return `${minutes.toFixed(1)} min`;
  const hours = minutes / 60;
  return hours < 72 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(0)} days`;
}

/**
 * The virtual time a run's attempts spread over, per scenario and per step.
 * @example toVirtualSpans(report).covered; // '466 days'
 */
export function toVirtualSpans(report: RunReport): VirtualSpans {
  let coveredMs = 0;
  let waitsMs = 0;
  for (const scenario of report.scenarios) {
    coveredMs += span(scenario.steps.flatMap((step) => step.attempts.map((a) => a.at)));
    for (const step of scenario.steps) waitsMs += span(step.attempts.map((a) => a.at));
  }
  return { coveredMs, waitsMs, covered: formatVirtual(coveredMs), waits: formatVirtual(waitsMs) };
}
