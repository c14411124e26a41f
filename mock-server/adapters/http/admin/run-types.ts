/**
 * Scenario runs as the admin API and the console see them (`/_koomock/runs`): the state of a run,
 * and the one run service the emulator provides (app/suite-runs.ts).
 */
import type { EventEmitter } from 'node:events';
import type { Scenario } from '../../../core/scenario/load/model.js';
import type { RunReport } from '../../../core/scenario/run/report.js';

export type RunStatus = 'running' | 'finished' | 'error';

/** One scenario of a run as it goes: `waiting`, `running`, then its outcome with its steps. */
export interface ScenarioProgress {
  readonly id: string;
  readonly title: string;
  readonly status: 'waiting' | 'running' | 'passed' | 'failed' | 'skipped';
  readonly steps: readonly { readonly id: string; readonly title: string; readonly status: string }[];
}

export interface RunState {
  readonly id: string;
  readonly status: RunStatus;
  readonly sellerUrl: string;
  readonly startedAt: string;
  readonly progress: { readonly scenariosDone: number; readonly scenariosTotal: number };
  /** Every selected scenario, in order, with its status and (once over) its steps. */
  readonly scenarios: readonly ScenarioProgress[];
  /** When finished: whether every check passed (the exit code `koomock run` would give: 0 or 1). */
  readonly passed?: boolean;
  /** When finished: the JSON report (schemas/report.schema.json). */
  readonly report?: RunReport;
  /** When koomock could not run (seller unreachable, …): what happened and what to do. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** A scenario the emulator can run: the shipped suite or a user directory. */
export interface ScenarioListing extends Pick<Scenario, 'id' | 'title' | 'titleZh' | 'description' | 'group' | 'file'> {
  /** `shipped` (the package's suite) or `user` (a directory given to `koomock serve`). */
  readonly source: 'shipped' | 'user';
}

export interface RunService {
  /** The scenarios a run may select. */
  list(): ScenarioListing[];
  /**
   * Starts a run; throws USAGE for a bad request, CONFLICT while another run is going on.
   * `baseUrl`: where the request reached the emulator (the seller calls the fake Open APIs there).
   */
  start(request: unknown, baseUrl: string): RunState;
  get(id: string): RunState | undefined;
  /** A finished run's report as JUnit XML or HTML; undefined when this emulator has no renderer. */
  reportText(report: RunReport, kind: 'junit' | 'html'): string | undefined | Promise<string>;
  /** `run` events: the run's state (without its report) after every change. */
  readonly events: EventEmitter;
}
