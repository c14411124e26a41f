/**
 * Scenario runs started from the console (`POST /_koomock/runs`): played in the emulator's own
 * process against the configured seller, one at a time, with their progress kept for the console
 * (step by step, through the event stream) and their report once done.
 */
import { EventEmitter } from 'node:events';
import type { EngineEvent } from '../core/scenario/run/engine-types.js';
import { runScenarios } from '../core/scenario/run/engine.js';
import type { RunReport } from '../core/scenario/run/report.js';
import type { Scenario } from '../core/scenario/load/model.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import type { EmulatorRuntime } from './emulator-runtime.js';
import { toEngineDeps } from './engine-deps.js';
import { createOpenApiControl, toRuntimeSource } from './open-api-control.js';
import { SCENARIOS_DIR, loadScenarios } from './scenario-files.js';
import { createStoreBackend } from './store-backend.js';
import { KOOMOCK_VERSION } from './version.js';

export interface ScenarioListing {
  readonly id: string;
  readonly title: string;
  readonly titleZh?: string;
  readonly description?: string;
  readonly group: string;
  readonly file: string;
  /** `shipped` (the package's suite) or `user` (a directory given to the console). */
  readonly source: 'shipped' | 'user';
}

export interface ConsoleRunProgress {
  readonly id: string;
  readonly title: string;
  readonly status: 'waiting' | 'running' | 'passed' | 'failed' | 'skipped';
  readonly steps: readonly { readonly id: string; readonly title: string; readonly status: string }[];
}

export interface ConsoleRun {
  readonly runId: number;
  status: 'running' | 'passed' | 'failed' | 'error';
  readonly startedAt: number;
  readonly scenarios: ConsoleRunProgress[];
  report?: RunReport;
  error?: string;
}

export interface ConsoleRuns {
  list(): ScenarioListing[];
  /** `baseUrl`: where the seller reaches the fake Open APIs (the address the console used). */
  start(ids: readonly string[], baseUrl: string): ConsoleRun;
  get(runId: number): ConsoleRun | undefined;
  /** `run` events: `{runId, status, scenarios}` after every change. */
  readonly events: EventEmitter;
}

/**
 * @example
 *   const runs = createConsoleRuns(runtime, { userDirs: ['my-scenarios'] });
 *   const run = runs.start(['subscribe-monthly'], 'http://127.0.0.1:7070');
 */
export function createConsoleRuns(runtime: EmulatorRuntime, options: { readonly userDirs?: readonly string[]; readonly cwd?: string } = {}): ConsoleRuns {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const runs = new Map<number, ConsoleRun>();
  let next = 1;
  let current: Promise<unknown> = Promise.resolve();
  const { catalog } = runtime.config;
  const cwd = options.cwd ?? process.cwd();

  const load = (): { scenario: Scenario; source: 'shipped' | 'user' }[] => [
    ...loadScenarios([SCENARIOS_DIR], { catalog }).map((scenario) => ({ scenario, source: 'shipped' as const })),
    ...(options.userDirs ?? []).flatMap((dir) => loadScenarios([dir], { catalog, cwd }).map((scenario) => ({ scenario, source: 'user' as const }))),
  ];

  const emit = (run: ConsoleRun) => events.emit('run', { runId: run.runId, status: run.status, scenarios: run.scenarios });

  function onEvent(run: ConsoleRun, event: EngineEvent): void {
    if (event.kind === 'scenario-start') {
      const entry = run.scenarios[event.index];
      if (entry !== undefined) run.scenarios[event.index] = { ...entry, status: 'running' };
    } else if (event.kind === 'scenario-end') {
      const r = event.report;
      run.scenarios[event.index] = { id: r.id, title: r.title, status: r.status, steps: r.steps.map((s) => ({ id: s.id, title: s.title, status: s.status })) };
    } else return;
    emit(run);
  }

  async function play(run: ConsoleRun, scenarios: readonly Scenario[], baseUrl: string): Promise<void> {
    const backend = createStoreBackend({ url: baseUrl, store: runtime.store, clock: runtime.context.clock, sellerId: runtime.seller.id, catalog });
    const transport = createFetchTransport();
    try {
      const deps = toEngineDeps(runtime.config, { ...backend, openApi: createOpenApiControl(toRuntimeSource(runtime)) }, transport, (e) => onEvent(run, e));
      run.report = await runScenarios(scenarios, deps, { version: KOOMOCK_VERSION });
      run.status = run.report.summary.checksFailed > 0 || run.report.scenarios.some((s) => s.status === 'failed') ? 'failed' : 'passed';
    } catch (e) {
      run.status = 'error';
      run.error = e instanceof Error ? e.message : String(e);
    } finally {
      await transport.close();
      emit(run);
    }
  }

  return {
    events,
    list: () => load().map(({ scenario: s, source }) => ({ id: s.id, title: s.title, ...(s.titleZh === undefined ? {} : { titleZh: s.titleZh }), ...(s.description === undefined ? {} : { description: s.description }), group: s.group, file: s.file, source })),
    start(ids, baseUrl) {
      const all = load().map((l) => l.scenario);
      const chosen = all.filter((s) => ids.includes(s.id) || ids.includes(`group:${s.group}`));
      const run: ConsoleRun = {
        runId: next++,
        status: 'running',
        startedAt: Date.now(),
        scenarios: chosen.map((s) => ({ id: s.id, title: s.title, status: 'waiting', steps: [] })),
      };
      runs.set(run.runId, run);
      // One run at a time: two runs sharing the seller and the journal would confuse each other.
      current = current.then(() => play(run, chosen, baseUrl));
      emit(run);
      return run;
    },
    get: (runId) => runs.get(runId),
  };
}
