/**
 * `koomock run` without the command line: load and select scenarios, make sure the seller is
 * there, start (or connect to) the emulator, play every scenario, and hand back the report.
 */
import { usageError } from '../core/errors.js';
import { runScenarios } from '../core/scenario/run/engine.js';
import type { EngineEvent } from '../core/scenario/run/engine-types.js';
import type { Scenario } from '../core/scenario/load/model.js';
import type { RunReport } from '../core/scenario/run/report.js';
import type { KoomockConfig } from '../config/types.js';
import { toFallbackHostPorts } from './fallback-host.js';
import { loadScenarios, SCENARIOS_DIR } from './scenario-files.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import type { EmulatorBackend } from './backend.js';
import { toEngineDeps } from './engine-deps.js';
import { startLocalEmulator } from './local-emulator.js';
import { checkSellerReachable, waitForSeller } from './preflight.js';
import { connectRemoteEmulator } from './remote-emulator.js';
import { createRunTransport } from './run-transport.js';
import { KOOMOCK_VERSION } from './version.js';

export interface EmulatorChoice {
  /** Connect to a running emulator instead of starting one. */
  readonly url?: string;
  /** Its admin token (`server.adminToken` of that emulator). */
  readonly adminToken?: string;
  /** SQLite file for an emulator started here; memory when absent. */
  readonly dbPath?: string;
  /** `--fallback-port`: the fallback Open API host on a port of its own (an emulator started here). */
  readonly fallbackPort?: number;
}

/** Starts an emulator here, or connects to the one at `choice.url`. */
export function openBackend(config: KoomockConfig, choice: EmulatorChoice): Promise<EmulatorBackend> {
  if (choice.url === undefined) {
    const hostPorts = toFallbackHostPorts(config, choice.fallbackPort);
    return startLocalEmulator(config, { ...(choice.dbPath === undefined ? {} : { dbPath: choice.dbPath }), hostPorts });
  }
  if (choice.fallbackPort !== undefined) {
    throw usageError('--fallback-port starts a listener of the emulator koomock run starts; with --emulator-url, start that emulator with koomock serve --fallback-port instead');
  }
  return connectRemoteEmulator(choice.url, { ...(choice.adminToken === undefined ? {} : { token: choice.adminToken }), catalog: config.catalog });
}

/**
 * The scenarios to run: the files under `paths` (the shipped suite when empty), then `--only`.
 * @example
 *   selectScenarios([], ['renew'], { cwd, catalog }).map((s) => s.id); // ['renew']
 */
export function selectScenarios(paths: readonly string[], only: readonly string[], options: { readonly cwd: string; readonly config: KoomockConfig }): Scenario[] {
  const all = loadScenarios(paths.length === 0 ? [SCENARIOS_DIR] : paths, { cwd: options.cwd, catalog: options.config.catalog });
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
  readonly onEvent?: (event: EngineEvent, emulatorUrl: string) => void;
  /** Called once the emulator is up, with its URL and where each platform host is served. */
  readonly onEmulator?: (url: string, hosts: Readonly<Record<string, string>>) => void;
}

/**
 * Runs the scenarios against the configured seller. Throws (exit 2) when koomock cannot run: the
 * seller unreachable, the port taken, a scenario that cannot run against this catalog.
 * @example
 *   const report = await runSuite({ config, scenarios, emulator: {} });
 */
export async function runSuite(options: RunSuiteOptions): Promise<RunReport> {
  const { config } = options;
  await (options.waitForSellerMs === undefined
    ? checkSellerReachable(config.seller.productionUrl)
    : waitForSeller(config.seller.productionUrl, options.waitForSellerMs));
  const backend = await openBackend(config, options.emulator);
  const fetchTransport = createFetchTransport();
  try {
    options.onEmulator?.(backend.url, (await backend.openApi?.hosts()) ?? {});
    const transport = createRunTransport(fetchTransport, {
      clock: backend.clock,
      sync: () => backend.sync(),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    });
    const deps = toEngineDeps(config, backend, transport, options.onEvent === undefined ? undefined : (e) => options.onEvent?.(e, backend.url));
    return await runScenarios(options.scenarios, deps, { version: KOOMOCK_VERSION });
  } finally {
    await fetchTransport.close();
    await backend.close();
  }
}
