/**
 * An emulator in this process for `koomock run`/`send`: the Open APIs on `server.host:port` (so the
 * seller can be configured to call them), the engine writing orders, instances and the journal
 * straight into its store, on one virtual clock.
 */
import type { Store } from '../core/store.js';
import type { KoomockConfig } from '../config/types.js';
import { createVirtualClock } from './clock.js';
import { createApp } from '../adapters/http/app.js';
import { createEmulatorRuntime, type EmulatorRuntime } from './emulator-runtime.js';
import { type HostListeners, startHostListeners } from '../adapters/http/host-listeners.js';
import { listen, type RunningServer } from '../adapters/http/server.js';
import { createMemoryStore } from '../adapters/store/memory-store.js';
import { createSqliteStore } from '../adapters/store/sqlite-store.js';
import type { EmulatorBackend } from './backend.js';
import { createOpenApiControl, toRuntimeSource } from './open-api-control.js';
import { createStoreBackend } from './store-backend.js';

export interface LocalEmulatorOptions {
  /** A SQLite file; memory when absent (a run needs no state from earlier runs). */
  readonly dbPath?: string;
  /** Extra ports for platform host names (`--fallback-port`). */
  readonly hostPorts?: Readonly<Record<string, number>>;
}

export interface LocalEmulator extends EmulatorBackend {
  readonly runtime: EmulatorRuntime;
}

/**
 * Starts the emulator with the resolved config; `close()` stops it and closes its store.
 * @example
 *   const emulator = await startLocalEmulator(config);
 *   // the seller calls `${emulator.url}/api/mkp-openapi-public/global/v1/order/query`
 *   await emulator.close();
 */
export async function startLocalEmulator(config: KoomockConfig, options: LocalEmulatorOptions = {}): Promise<LocalEmulator> {
  const store: Store = options.dbPath === undefined ? createMemoryStore() : createSqliteStore(options.dbPath);
  const clock = createVirtualClock({ offsetMs: store.getClockOffset(), onAdvance: (offset) => store.setClockOffset(offset) });
  let running: RunningServer | undefined;
  let extra: HostListeners;
  let runtime: EmulatorRuntime;
  try {
    runtime = createEmulatorRuntime({ config, store, clock });
    const { adminToken } = config.server;
    const app = createApp(runtime, { listenHost: config.server.host, ...(adminToken === undefined ? {} : { adminToken }) });
    running = await listen(app, { host: config.server.host, port: config.server.port });
    const primary = config.server.hostNames[0];
    if (primary !== undefined) runtime.hosts.set(primary.toLowerCase(), running.url);
    extra = await startHostListeners(runtime, { host: config.server.host, hostPorts: options.hostPorts ?? {} });
  } catch (e) {
    await running?.close(200);
    store.close();
    throw e;
  }
  const server = running;
  const listeners = extra;
  let closing: Promise<void> | undefined;
  const backend = createStoreBackend({
    url: server.url,
    store,
    clock,
    sellerId: runtime.seller.id,
    catalog: config.catalog,
    close: () => (closing ??= Promise.all([server.close(200), listeners.close(200)]).then(() => store.close())),
  });
  return { ...backend, runtime, openApi: createOpenApiControl(toRuntimeSource(runtime)) };
}
