/**
 * `koomock run` without the command line: load and select scenarios, make sure the seller is
 * there, start (or connect to) the emulator, play every scenario, and hand back the report.
 */
import { usageError } from '../core/errors.js';
import { runScenarios } from '../core/scenario/run/engine.js';
import { formatDuration } from '../core/duration.js';
import type { ProduceExchange } from '../core/ports.js';
import type { FidelityProfile } from '../core/profile.js';
import type { EngineEvent, JournalContext } from '../core/scenario/run/engine-types.js';
import type { Scenario } from '../core/scenario/load/model.js';
import type { RunReport } from '../core/scenario/run/report.js';
import type { KoomockConfig } from '../config/types.js';
import { loadScenarios, OPT_IN_GROUPS, SCENARIOS_DIR } from './scenario-files.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import { AGENT_ANSWER_MAX_BYTES } from '../core/agent/answer.js';
import { type EmulatorChoice, openBackend } from './open-backend.js';
import { hasAgentBackend, toEngineDeps } from './engine-deps.js';
import { checkSellerReachable, waitForSeller } from './preflight.js';
import { createRunTransport } from './run-transport.js';
import { KOOMOCK_VERSION } from './version.js';

/**
 * The scenarios to run: the files under `paths` (the shipped suite when empty, without the opt-in
 * groups unless `--group` or `--only` names them), then `--group`, then `--only`.
 * @example
 *   selectScenarios([], ['renew'], { cwd, catalog }).map((s) => s.id); // ['renew']
 *   selectScenarios([], [], { cwd, catalog, groups: ['kit'] }).map((s) => s.id); // ['kit-application', …]
 */
export function selectScenarios(
  paths: readonly string[],
  only: readonly string[],
  options: { readonly cwd: string; readonly config: KoomockConfig; readonly groups?: readonly string[] },
): Scenario[] {
  const loaded = loadScenarios(paths.length === 0 ? [SCENARIOS_DIR] : paths, { cwd: options.cwd, catalog: options.config.catalog });
  const groups = options.groups ?? [];
  let all = loaded;
  if (groups.length > 0) {
    const known = [...new Set(loaded.map((s) => s.group))];
    const unknownGroups = groups.filter((g) => !known.includes(g));
    if (unknownGroups.length > 0) throw usageError(`--group ${unknownGroups.join(', ')}: no such group; known groups: ${known.join(', ')}`, { unknown: unknownGroups });
    all = loaded.filter((s) => groups.includes(s.group));
  } else if (paths.length === 0 && only.length === 0) {
    all = loaded.filter((s) => !OPT_IN_GROUPS.includes(s.group));
  }
  if (only.length === 0) return all;
  const known = all.map((s) => s.id);
  const unknown = only.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw usageError(`--only ${unknown.join(', ')}: no such scenario; known ids: ${known.join(', ')}`, { unknown });
  }
  return all.filter((s) => only.includes(s.id));
}

export interface RunSuiteOptions {
  readonly config: KoomockConfig;
  readonly scenarios: readonly Scenario[];
  readonly emulator: EmulatorChoice;
  /** Virtual ms per wall ms for waits (`--time-scale`); waits cost nothing when absent. */
  readonly timeScale?: number;
  /** How long to keep trying the seller's port (`--wait-for-seller`); one attempt when absent. */
  readonly waitForSellerMs?: number;
  /** The seller pushes usage by itself: scenarios with `requires: [usage-push]` run instead of being skipped. */
  readonly sellerPushesUsage?: boolean;
  readonly onEvent?: (event: EngineEvent, emulatorUrl: string) => void;
  /** Called once the emulator is up, with its URL and where each platform host is served. */
  readonly onEmulator?: (url: string, hosts: Readonly<Record<string, string>>) => void;
  /** Called as every attempt of a call ends (a progress line per attempt). */
  readonly onAttempt?: (exchange: ProduceExchange, context: JournalContext) => void;
  /** Wall ms the run may take before the remaining scenarios are failed as not run; default from the suite. */
  readonly deadlineMs?: number;
}

/** Scenario steps that call the seller (each may retry). */
const callsOf = (scenario: Scenario): number => scenario.steps.filter((s) => s.kind !== 'wait' && s.kind !== 'order' && s.kind !== 'faults').length;

/**
 * The run's default deadline: every call of every scenario may wait `transportGiveUpAfter` (at
 * least 1) call timeouts, plus a minute per scenario for everything else. Against a seller that
 * answers, the suite takes seconds; this only bounds a run against one that hangs.
 * @example defaultDeadlineMs(scenarios, DEFAULT_PROFILE) // e.g. 26 scenarios -> about 1 h 40 min
 */
export function defaultDeadlineMs(scenarios: readonly Scenario[], profile: FidelityProfile): number {
  const perCall = Math.max(1, profile.transportGiveUpAfter) * profile.callTimeoutMs;
  return scenarios.reduce((ms, s) => ms + 60_000 + callsOf(s) * perCall, 0);
}

/**
 * Runs the scenarios against the configured seller. Throws (exit 2) when koomock cannot run: the
 * seller unreachable, the port taken, a scenario that cannot run against this catalog.
 * @example
 *   const report = await runSuite({ config, scenarios, emulator: {} });
 */
export async function runSuite(options: RunSuiteOptions): Promise<RunReport> {
  const { config } = options;
  // A suite of Agents gateway calls only (scenarios-opt-in/agents) never calls the production interface.
  const callsSeller = options.scenarios.some((s) => s.steps.some((step) => step.kind !== 'agent' && step.kind !== 'wait'));
  if (callsSeller) {
    await (options.waitForSellerMs === undefined
      ? checkSellerReachable(config.seller.productionUrl)
      : waitForSeller(config.seller.productionUrl, options.waitForSellerMs));
  }
  const backend = await openBackend(config, options.emulator);
  const fetchTransport = createFetchTransport();
  const agentTransport = hasAgentBackend(config) ? createFetchTransport({ maxBodyBytes: AGENT_ANSWER_MAX_BYTES }) : undefined;
  try {
    options.onEmulator?.(backend.url, (await backend.openApi?.hosts()) ?? {});
    const transport = createRunTransport(fetchTransport, {
      clock: backend.clock,
      sync: () => backend.sync(),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    });
    const deps = toEngineDeps(config, backend, transport, options.onEvent === undefined ? undefined : (e) => options.onEvent?.(e, backend.url), options.onAttempt, {
      ...(options.sellerPushesUsage === true ? { pushesUsage: true } : {}),
      ...(agentTransport === undefined ? {} : { agentTransport }),
    });
    const deadlineMs = options.deadlineMs ?? defaultDeadlineMs(options.scenarios, config.profile);
    const deadlineText = options.deadlineMs === undefined ? `${formatDuration(deadlineMs)}, derived from the suite` : `--deadline ${formatDuration(deadlineMs)}`;
    return await runScenarios(options.scenarios, deps, { version: KOOMOCK_VERSION, deadline: backend.clock.wallNow() + deadlineMs, deadlineText });
  } finally {
    await agentTransport?.close();
    await fetchTransport.close();
    await backend.close();
  }
}
