/**
 * The conformance suite over HTTP (`POST /_koomock/runs`, `GET /_koomock/runs/{id}`): a run plays
 * against the emulator that received the request, through its own admin API, exactly as
 * `koomock run --emulator-url` would, so a seller written in any language can start the container,
 * ask for a run and read the report. Keys and credentials are the ones the emulator was configured
 * with: they never travel in a request.
 */
import { KoomockError, usageError } from '../core/errors.js';
import type { Scenario } from '../core/scenario/load/model.js';
import type { RunReport } from '../core/scenario/run/report.js';
import { resolveConfig } from '../config/load.js';
import type { KoomockConfig } from '../config/types.js';
import { parseSellerUrl } from './preflight.js';
import { runSuite } from './run-suite.js';
import type { RunState, SuiteRuns } from '../adapters/http/admin/run-types.js';
import { loadScenarios, OPT_IN_GROUPS, SCENARIOS_DIR } from './scenario-files.js';

/** What `POST /_koomock/runs` accepts (docs/admin-api.md). */
export interface RunRequest {
  /** The seller's production interface address (生产接口地址); the configured one when absent. */
  readonly sellerUrl?: string;
  /** Scenario ids to run. */
  readonly scenarios?: readonly string[];
  /** Scenario groups (the `group` of each scenario: `core`, `security`, `faults`). */
  readonly groups?: readonly string[];
  /** Fidelity profile options for this run only, over the configured ones (docs/config.md). */
  readonly profile?: Readonly<Record<string, unknown>>;
  /** How long to keep trying the seller's port, in ms (at most 600000); one attempt when absent. */
  readonly waitForSellerMs?: number;
  /** The seller pushes usage by itself: scenarios that wait for it run instead of being skipped (`--seller-pushes-usage`). */
  readonly sellerPushesUsage?: boolean;
}

export interface SuiteRunsOptions {
  readonly config: KoomockConfig;
  /** This emulator's own base URL, as reachable from this process (known once it listens). */
  readonly selfUrl: () => string;
  readonly adminToken?: string;
  /** Writes a finished run's JUnit or HTML report (the CLI's reporters). */
  readonly renderReport: (report: RunReport, kind: 'junit' | 'html') => string;
  /** Where scenario files are read from (the shipped suite by default). */
  readonly scenariosDir?: string;
}

const MAX_KEPT_RUNS = 20;
const MAX_WAIT_MS = 600_000;
const REQUEST_FIELDS = ['sellerUrl', 'scenarios', 'groups', 'profile', 'waitForSellerMs', 'sellerPushesUsage'];

const textList = (name: string, value: unknown): string[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 200 || !value.every((v) => typeof v === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(v))) {
    throw usageError(`${name} must be a list of ids (letters, digits, . _ -), e.g. ["renew"], received ${JSON.stringify(value).slice(0, 200)}`);
  }
  return value as string[];
};

/**
 * Checks a run request and says what is wrong with it.
 * @example parseRunRequest({ scenarios: ['renew'] }).scenarios; // ['renew']
 */
export function parseRunRequest(body: unknown): RunRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw usageError('the body must be a JSON object, e.g. {"sellerUrl":"http://127.0.0.1:8080/produce"}');
  const input = body as Record<string, unknown>;
  if ('keys' in input || 'ak' in input || 'sk' in input) {
    throw usageError('keys and credentials are not sent with a run: the run uses the ones the emulator was started with (KOOMOCK_KEY, KOOMOCK_GENERAL_KEY, KOOMOCK_AK, KOOMOCK_SK or its config file)');
  }
  const unknown = Object.keys(input).filter((k) => !REQUEST_FIELDS.includes(k));
  if (unknown.length > 0) throw usageError(`unknown field ${unknown.join(', ')}: a run request takes ${REQUEST_FIELDS.join(', ')}`);
  const { sellerUrl, profile, waitForSellerMs } = input;
  if (sellerUrl !== undefined && typeof sellerUrl !== 'string') throw usageError('sellerUrl must be the production interface URL as text, e.g. "http://127.0.0.1:8080/produce"');
  if (sellerUrl !== undefined) parseSellerUrl(sellerUrl, 'sellerUrl');
  if (profile !== undefined && (typeof profile !== 'object' || profile === null || Array.isArray(profile))) {
    throw usageError('profile must be an object of fidelity profile options (docs/config.md), e.g. {"callTimeoutMs": 20000}');
  }
  if (waitForSellerMs !== undefined && (typeof waitForSellerMs !== 'number' || !Number.isInteger(waitForSellerMs) || waitForSellerMs < 0 || waitForSellerMs > MAX_WAIT_MS)) {
    throw usageError(`waitForSellerMs must be a whole number of ms from 0 to ${MAX_WAIT_MS}, received ${JSON.stringify(waitForSellerMs)}`);
  }
  const { sellerPushesUsage } = input;
  if (sellerPushesUsage !== undefined && typeof sellerPushesUsage !== 'boolean') throw usageError(`sellerPushesUsage must be true or false, received ${JSON.stringify(sellerPushesUsage)}`);
  const scenarios = textList('scenarios', input['scenarios']);
  const groups = textList('groups', input['groups']);
  return {
    ...(sellerUrl === undefined ? {} : { sellerUrl }),
    ...(scenarios === undefined ? {} : { scenarios }),
    ...(groups === undefined ? {} : { groups }),
    ...(profile === undefined ? {} : { profile: profile as Record<string, unknown> }),
    ...(waitForSellerMs === undefined ? {} : { waitForSellerMs }),
    ...(sellerPushesUsage === undefined ? {} : { sellerPushesUsage }),
  };
}

/** The configured profile with the request's options over it, validated as a config would be. */
function withProfile(config: KoomockConfig, overrides: Readonly<Record<string, unknown>> | undefined): KoomockConfig {
  if (overrides === undefined) return config;
  let resolved: KoomockConfig;
  try {
    resolved = resolveConfig({ profile: overrides }, { cwd: process.cwd(), label: 'the run request' });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const picked = Object.fromEntries(Object.keys(overrides).map((k) => [k, (resolved.profile as unknown as Record<string, unknown>)[k]]));
  return { ...config, profile: { ...config.profile, ...picked } };
}

function pickScenarios(request: RunRequest, options: SuiteRunsOptions): Scenario[] {
  const dir = options.scenariosDir ?? SCENARIOS_DIR;
  const all = loadScenarios([dir], { cwd: dir, catalog: options.config.catalog });
  const groupOf = (s: Scenario): string => s.group;
  const groups = [...new Set(all.map(groupOf))];
  const unknownGroups = (request.groups ?? []).filter((g) => !groups.includes(g));
  if (unknownGroups.length > 0) throw usageError(`groups ${unknownGroups.join(', ')}: no such group; the groups are ${groups.join(', ')}`);
  const known = all.map((s) => s.id);
  const unknownIds = (request.scenarios ?? []).filter((id) => !known.includes(id));
  if (unknownIds.length > 0) throw usageError(`scenarios ${unknownIds.join(', ')}: no such scenario; known ids: ${known.join(', ')}`);
  // Like a plain `koomock run`: the opt-in groups (kit) only when named.
  if (request.scenarios === undefined && request.groups === undefined) return all.filter((s) => !OPT_IN_GROUPS.includes(groupOf(s)));
  return all.filter((s) => request.scenarios?.includes(s.id) === true || request.groups?.includes(groupOf(s)) === true);
}

/**
 * @example
 *   const runs = createSuiteRuns({ config, selfUrl: () => running.url });
 *   const { id } = runs.start({ sellerUrl: 'http://127.0.0.1:8080/produce' });
 */
export function createSuiteRuns(options: SuiteRunsOptions): SuiteRuns {
  const runs = new Map<string, RunState>();
  let counter = 0;
  let active: string | undefined;
  const update = (id: string, patch: Partial<RunState>) => {
    const current = runs.get(id);
    if (current !== undefined) runs.set(id, { ...current, ...patch });
  };
  return {
    start(body) {
      const request = parseRunRequest(body);
      if (active !== undefined) throw new KoomockError('CONFLICT', `run ${active} is still going on: one run at a time shares the emulator's state; poll GET /_koomock/runs/${active} until it finishes`);
      const config = withProfile(options.config, request.profile);
      const sellerUrl = request.sellerUrl ?? config.seller.productionUrl;
      const scenarios = pickScenarios(request, options);
      if (scenarios.length === 0) throw usageError('the request selects no scenario: name scenario ids or groups that exist');
      counter += 1;
      const id = `run-${Date.now().toString(36)}-${counter}`;
      const state: RunState = { id, status: 'running', sellerUrl, startedAt: new Date().toISOString(), progress: { scenariosDone: 0, scenariosTotal: scenarios.length } };
      runs.set(id, state);
      for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - MAX_KEPT_RUNS))) runs.delete(old);
      active = id;
      const run = runSuite({
        config: { ...config, seller: { ...config.seller, productionUrl: sellerUrl } },
        scenarios,
        emulator: { url: options.selfUrl(), ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }) },
        ...(request.waitForSellerMs === undefined ? {} : { waitForSellerMs: request.waitForSellerMs }),
        ...(request.sellerPushesUsage === undefined ? {} : { sellerPushesUsage: request.sellerPushesUsage }),
        onEvent: (event) => {
          if (event.kind === 'scenario-end') update(id, { progress: { scenariosDone: event.index + 1, scenariosTotal: event.total } });
        },
      });
      run
        .then((report: RunReport) => update(id, { status: 'finished', report, passed: report.summary.scenariosFailed === 0 }))
        .catch((e: unknown) => {
          const code = e instanceof KoomockError ? e.code : 'INTERNAL';
          const message = e instanceof KoomockError ? e.message : 'koomock failed while running the suite; the emulator keeps running';
          update(id, { status: 'error', error: { code, message } });
        })
        .finally(() => {
          active = undefined;
        });
      return state;
    },
    get: (id) => runs.get(id),
    reportText: (report, kind) => options.renderReport(report, kind),
  };
}

