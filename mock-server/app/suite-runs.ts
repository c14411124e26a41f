/**
 * The one run service behind `/_koomock/runs`: the conformance suite (or a chosen part of it) played
 * against a seller, started by the HTTP contract (CI, any language) and by the web console alike.
 * One id scheme (`run-…`), one store of the last runs, one progress model (every scenario's status
 * and steps, sent live as `run` events), one report. Keys and credentials are the ones the emulator
 * was configured with: they never travel in a request. See docs/admin-api.md.
 */
import { EventEmitter } from 'node:events';
import { KoomockError, usageError } from '../core/errors.js';
import type { Scenario } from '../core/scenario/load/model.js';
import type { EngineEvent } from '../core/scenario/run/engine-types.js';
import type { RunReport } from '../core/scenario/run/report.js';
import type { KoomockConfig } from '../config/types.js';
import type { RunService, RunState, ScenarioListing, ScenarioProgress } from '../adapters/http/admin/run-types.js';
import { type RunRequest, parseRunRequest, pickScenarios, withProfile } from './run-request.js';
import { loadScenarios, SCENARIOS_DIR } from './scenario-files.js';

/** What a player needs to play one run: the config with the request's seller and profile over it. */
export interface RunPlay {
  readonly config: KoomockConfig;
  readonly scenarios: readonly Scenario[];
  readonly request: RunRequest;
  /** Where the request reached the emulator. */
  readonly baseUrl: string;
  readonly onEvent: (event: EngineEvent) => void;
}

/** Plays a run's scenarios and answers the report; throws when koomock cannot run. */
export type RunPlayer = (play: RunPlay) => Promise<RunReport>;

export interface RunServiceOptions {
  readonly config: KoomockConfig;
  readonly play: RunPlayer;
  /** Directories of the user's scenario files, next to the shipped suite. */
  readonly userDirs?: readonly string[];
  readonly cwd?: string;
  /** Where the shipped scenario files are read from (the package's suite by default). */
  readonly scenariosDir?: string;
  /** Writes a finished run's JUnit or HTML report (the CLI's reporters, which may load on first use). */
  readonly renderReport?: (report: RunReport, kind: 'junit' | 'html') => string | Promise<string>;
}

const MAX_KEPT_RUNS = 20;

/** Without its report: what a `run` event carries. */
const toEvent = ({ report: _report, ...state }: RunState): Omit<RunState, 'report'> => state;

function progressOf(scenarios: readonly ScenarioProgress[], event: EngineEvent): ScenarioProgress[] | undefined {
  const next = [...scenarios];
  if (event.kind === 'scenario-start') {
    const entry = next[event.index];
    if (entry !== undefined) next[event.index] = { ...entry, status: 'running' };
  } else if (event.kind === 'scenario-end') {
    const r = event.report;
    next[event.index] = { id: r.id, title: r.title, status: r.status, steps: r.steps.map((s) => ({ id: s.id, title: s.title, status: s.status })) };
  } else return undefined;
  return next;
}

/**
 * @example
 *   const runs = createRunService({ config, play: createInProcessPlayer(runtime) });
 *   const { id } = runs.start({ scenarios: ['renew'] }, 'http://127.0.0.1:7070');
 */
export function createRunService(options: RunServiceOptions): RunService {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const runs = new Map<string, RunState>();
  const { catalog } = options.config;
  const cwd = options.cwd ?? process.cwd();
  let counter = 0;
  let active: string | undefined;

  const load = (): { scenario: Scenario; source: 'shipped' | 'user' }[] => {
    const shipped = options.scenariosDir ?? SCENARIOS_DIR;
    return [
      ...loadScenarios([shipped], { cwd: shipped, catalog }).map((scenario) => ({ scenario, source: 'shipped' as const })),
      ...(options.userDirs ?? []).flatMap((dir) => loadScenarios([dir], { catalog, cwd }).map((scenario) => ({ scenario, source: 'user' as const }))),
    ];
  };
  const update = (id: string, patch: (current: RunState) => Partial<RunState>) => {
    const current = runs.get(id);
    if (current === undefined) return;
    const next = { ...current, ...patch(current) };
    runs.set(id, next);
    events.emit('run', toEvent(next));
  };

  return {
    events,
    list: (): ScenarioListing[] =>
      load().map(({ scenario: s, source }) => ({ id: s.id, title: s.title, ...(s.titleZh === undefined ? {} : { titleZh: s.titleZh }), ...(s.description === undefined ? {} : { description: s.description }), group: s.group, file: s.file, source })),
    start(body, baseUrl) {
      const request = parseRunRequest(body);
      if (active !== undefined) throw new KoomockError('CONFLICT', `run ${active} is still going on: one run at a time shares the emulator's state; poll GET /_koomock/runs/${active} until it finishes`);
      const config = withProfile(options.config, request.profile);
      const sellerUrl = request.sellerUrl ?? config.seller.productionUrl;
      const scenarios = pickScenarios(request, load().map((l) => l.scenario));
      if (scenarios.length === 0) throw usageError('the request selects no scenario: name scenario ids or groups that exist (GET /_koomock/scenarios)');
      if (sellerUrl === '') throw usageError('no seller to run against: send "sellerUrl" or start koomock with --seller-url (seller.productionUrl)');
      counter += 1;
      const id = `run-${Date.now().toString(36)}-${counter}`;
      const state: RunState = {
        id,
        status: 'running',
        sellerUrl,
        startedAt: new Date().toISOString(),
        progress: { scenariosDone: 0, scenariosTotal: scenarios.length },
        scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, status: 'waiting', steps: [] })),
      };
      runs.set(id, state);
      for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - MAX_KEPT_RUNS))) runs.delete(old);
      active = id;
      const onEvent = (event: EngineEvent) =>
        update(id, (current) => {
          const next = progressOf(current.scenarios, event);
          if (next === undefined) return {};
          return { scenarios: next, ...(event.kind === 'scenario-end' ? { progress: { scenariosDone: event.index + 1, scenariosTotal: event.total } } : {}) };
        });
      options
        .play({ config: { ...config, seller: { ...config.seller, productionUrl: sellerUrl } }, scenarios, request, baseUrl, onEvent })
        .then((report: RunReport) => {
          active = undefined;
          update(id, () => ({ status: 'finished', report, passed: report.summary.scenariosFailed === 0 }));
        })
        .catch((e: unknown) => {
          active = undefined;
          const code = e instanceof KoomockError ? e.code : 'INTERNAL';
          const message = e instanceof KoomockError ? e.message : 'koomock failed while running the suite; the emulator keeps running';
          update(id, () => ({ status: 'error', error: { code, message } }));
        });
      events.emit('run', toEvent(state));
      return state;
    },
    get: (id) => runs.get(id),
    reportText: (report, kind) => options.renderReport?.(report, kind),
  };
}
