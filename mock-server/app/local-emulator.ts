/**
 * An emulator in this process for `koomock run`/`send`: the Open APIs on `server.host:port` (so the
 * seller can be configured to call them), the engine writing orders, instances and the journal
 * straight into its store, on one virtual clock.
 */
import type { KoomockConfig } from '../config/types.js';
import type { EmulatorBackend } from './backend.js';
import { createVirtualClock } from './clock.js';
import type { EmulatorRuntime } from './emulator-runtime.js';
import { createOpenApiControl, toRuntimeSource } from './open-api-control.js';
import { startEmulator } from './start-emulator.js';
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
  const emulator = await startEmulator({
    config,
    ...(options.dbPath === undefined ? {} : { dbPath: options.dbPath }),
    hostPorts: options.hostPorts ?? {},
    closeGraceMs: 200,
    extras: (store) => ({ clock: createVirtualClock({ offsetMs: store.getClockOffset(), onAdvance: (offset) => store.setClockOffset(offset) }) }),
  });
  const { runtime } = emulator;
  const backend = createStoreBackend({
    url: emulator.url,
    store: emulator.store,
    clock: runtime.context.clock,
    sellerId: runtime.seller.id,
    catalog: config.catalog,
    close: emulator.close,
  });
  return { ...backend, runtime, openApi: createOpenApiControl(toRuntimeSource(runtime)), oauthClients: runtime.oauthClients };
}
