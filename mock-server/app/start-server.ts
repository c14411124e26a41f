/**
 * What `koomock serve` starts: the store the config names, the seller credentials (configured, or
 * generated once and stored), the runtime, the app and the listening server. Loaded lazily by the
 * CLI so other commands never pay for express and SQLite. On an address other than loopback the
 * admin API always needs a token: the configured one, or one made up now and printed once.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../core/store.js';
import type { KoomockConfig, LoadedConfig } from '../config/types.js';
import { createCryptoRandom } from './random.js';
import { createMemoryStore } from '../adapters/store/memory-store.js';
import { createSqliteStore } from '../adapters/store/sqlite-store.js';
import { createApp } from '../adapters/http/app.js';
import { createEmulatorRuntime } from './emulator-runtime.js';
import { type HostListeners, startHostListeners } from '../adapters/http/host-listeners.js';
import { resolveSellerCredentials, type SellerCredentials } from './seller-credentials.js';
import { listen, type RunningServer } from '../adapters/http/server.js';
import { createSuiteRuns } from './suite-runs.js';

/** Loopback listen addresses: only this machine reaches the admin API, so it may stay open. */
const isLoopback = (host: string): boolean => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host.toLowerCase()) || /^127\./.test(host);

/** A server on a wildcard address is reached by this process on loopback. */
const toLoopbackUrl = (url: string): string => url.replace(/^http:\/\/(0\.0\.0\.0|\[::\])(?=[:/]|$)/, 'http://127.0.0.1');

export interface StartServerOptions {
  /** Extra ports for platform host names (`--fallback-port`), e.g. `{ 'mkt.myhuaweicloud.cn': 7071 }`. */
  readonly hostPorts?: Readonly<Record<string, number>>;
}

export interface StartedServer {
  readonly running: RunningServer;
  /** Platform host name -> base URL (the first host name is the main URL). */
  readonly hosts: Readonly<Record<string, string>>;
  readonly credentials: SellerCredentials;
  /** Set when no admin token was configured for a non-loopback address: koomock made one up. */
  readonly generatedAdminToken?: string;
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
export async function startServer(loaded: LoadedConfig, options: StartServerOptions = {}): Promise<StartedServer> {
  const { config } = loaded;
  const store = openStore(config);
  let running: RunningServer | undefined;
  try {
    const random = createCryptoRandom();
    const credentials = resolveSellerCredentials(loaded, store, random);
    const runtime = createEmulatorRuntime({ config, store, random, credentials });
    const generatedAdminToken = config.server.adminToken === undefined && !isLoopback(config.server.host) ? randomBytes(24).toString('base64url') : undefined;
    const adminToken = config.server.adminToken ?? generatedAdminToken;
    let selfUrl = '';
    const runs = createSuiteRuns({ config: { ...config, seller: { ...config.seller, ak: credentials.ak, sk: credentials.sk } }, selfUrl: () => selfUrl, ...(adminToken === undefined ? {} : { adminToken }) });
    const app = createApp(runtime, { listenHost: config.server.host, runs, ...(adminToken === undefined ? {} : { adminToken }) });
    running = await listen(app, { host: config.server.host, port: config.server.port });
    selfUrl = toLoopbackUrl(running.url);
    const primary = config.server.hostNames[0];
    if (primary !== undefined) runtime.hosts.set(primary.toLowerCase(), running.url);
    const extra: HostListeners = await startHostListeners(runtime, { host: config.server.host, hostPorts: options.hostPorts ?? {} });
    const main = running;
    return {
      running: main,
      hosts: Object.fromEntries(runtime.hosts),
      credentials,
      ...(generatedAdminToken === undefined ? {} : { generatedAdminToken }),
      stop: async () => {
        await Promise.all([main.close(), extra.close()]);
        store.close();
      },
    };
  } catch (e) {
    await running?.close();
    store.close();
    throw e;
  }
}
