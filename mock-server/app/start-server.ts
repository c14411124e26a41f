/**
 * What `koomock serve` starts: the emulator on the configured store, host and port, with the seller
 * credentials the config names, or generated once and kept in the store. Loaded lazily by the CLI so
 * other commands never pay for express and SQLite.
 */
import type { LoadedConfig } from '../config/types.js';
import { createCryptoRandom } from './random.js';
import { resolveSellerCredentials, type SellerCredentials } from './seller-credentials.js';
import { startEmulator } from './start-emulator.js';

export interface StartServerOptions {
  /** Extra ports for platform host names (`--fallback-port`), e.g. `{ 'mkt.myhuaweicloud.cn': 7071 }`. */
  readonly hostPorts?: Readonly<Record<string, number>>;
  /** Folders of the user's scenario files, listed by the console next to the shipped suite. */
  readonly scenarioDirs?: readonly string[];
}

export interface StartedServer {
  /** `http://host:port` of the main listener. */
  readonly url: string;
  /** Platform host name -> base URL (the first host name is the main URL). */
  readonly hosts: Readonly<Record<string, string>>;
  readonly credentials: SellerCredentials;
  /** Stops the server, then closes the store. */
  stop(): Promise<void>;
}

/**
 * @example
 *   const started = await startServer(loadConfig({ env: process.env, cwd: process.cwd() }));
 *   console.log(started.url);
 *   await started.stop();
 */
export async function startServer(loaded: LoadedConfig, options: StartServerOptions = {}): Promise<StartedServer> {
  const { config } = loaded;
  let credentials: SellerCredentials | undefined;
  const emulator = await startEmulator({
    config,
    ...(config.server.db.kind === 'memory' ? {} : { dbPath: config.server.db.path }),
    hostPorts: options.hostPorts ?? {},
    ...(options.scenarioDirs === undefined ? {} : { scenarioDirs: options.scenarioDirs }),
    extras: (store) => {
      const random = createCryptoRandom();
      credentials = resolveSellerCredentials(loaded, store, random);
      return { random, credentials };
    },
  });
  if (credentials === undefined) throw new Error('koomock: the emulator started without seller credentials');
  return { url: emulator.url, hosts: emulator.hosts, credentials, stop: emulator.close };
}
