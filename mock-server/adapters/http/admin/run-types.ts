/**
 * The suite over HTTP as the admin API sees it (`/_koomock/runs`): the state of a run, and the
 * service `koomock serve` provides (app/suite-runs.ts).
 */
import type { RunReport } from '../../../core/scenario/run/report.js';

export type RunStatus = 'running' | 'finished' | 'error';

export interface RunState {
  readonly id: string;
  readonly status: RunStatus;
  readonly sellerUrl: string;
  readonly startedAt: string;
  readonly progress: { readonly scenariosDone: number; readonly scenariosTotal: number };
  /** When finished: whether every check passed (the exit code `koomock run` would give: 0 or 1). */
  readonly passed?: boolean;
  /** When finished: the JSON report (schemas/report.schema.json). */
  readonly report?: RunReport;
  /** When koomock could not run (seller unreachable, …): what happened and what to do. */
  readonly error?: { readonly code: string; readonly message: string };
}

export interface SuiteRuns {
  /** Starts a run; throws USAGE for a bad request, CONFLICT while another run is going on. */
  start(request: unknown): RunState;
  get(id: string): RunState | undefined;
  /** A finished run's report as JUnit XML or HTML. */
  reportText(report: RunReport, kind: 'junit' | 'html'): string;
}
