/**
 * What `koomock serve` starts: the store the config names, the seller credentials (configured, or
 * generated once and stored), the runtime, the app and the listening server. Loaded lazily by the
 * CLI so other commands never pay for express and SQLite.
 */
import type { Store } from '../../core/store.js';
import type { KoomockConfig, LoadedConfig } from '../../config/types.js';
import { createCryptoRandom } from '../random.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import { createApp } from './app.js';
import { createEmulatorRuntime } from './emulator-runtime.js';
import { resolveSellerCredentials, type SellerCredentials } from './seller-credentials.js';
import { listen, type RunningServer } from './server.js';

export interface StartedServer {
  readonly running: RunningServer;
  readonly credentials: SellerCredentials;
  /** Stops the server, then closes the store. */
  stop(): Promise<void>;
}

const openStore = (config: KoomockConfig): Store =>
  config.server.db.kind === 'memory' ? createMemoryStore() : createSqliteStore(config.server.db.path);

/**
 * @example
 *   const started = await startServer(loadConfig({ env: process.env, cwd: process.cwd() }));
 *   console.log(started.running.url);
 *   await started.stop();
 */
export async function startServer(loaded: LoadedConfig): Promise<StartedServer> {
  const { config } = loaded;
  const store = openStore(config);
  try {
    const random = createCryptoRandom();
    const credentials = resolveSellerCredentials(loaded, store, random);
    const runtime = createEmulatorRuntime({ config, store, random, credentials });
    const adminToken = config.server.adminToken;
    const app = createApp(runtime, { listenHost: config.server.host, ...(adminToken === undefined ? {} : { adminToken }) });
    const running = await listen(app, { host: config.server.host, port: config.server.port });
    return {
      running,
      credentials,
      stop: async () => {
        await running.close();
        store.close();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
