/**
 * What `koomock serve` starts: the emulator on the configured store, host and port, with the seller
 * credentials the config names, or generated once and kept in the store, and the suite over HTTP
 * (`/_koomock/runs`). Loaded lazily by the CLI so other commands never pay for express and SQLite.
 * On an address other than loopback the admin API always needs a token: the configured one, or one
 * made up now and printed once.
 */
import { randomBytes } from 'node:crypto';
import type { LoadedConfig } from '../config/types.js';
import type { RunReport } from '../core/scenario/run/report.js';
import { createCryptoRandom } from './random.js';
import { resolveSellerCredentials, type SellerCredentials } from './seller-credentials.js';
import { startEmulator } from './start-emulator.js';
import type { RunPlayer } from './suite-runs.js';

export interface StartServerOptions {
  /** Extra ports for platform host names (`--fallback-port`), e.g. `{ 'mkt.myhuaweicloud.cn': 7071 }`. */
  readonly hostPorts?: Readonly<Record<string, number>>;
  /** Writes a finished run's JUnit or HTML report for `GET /_koomock/runs/{id}?format=…`. */
  readonly renderReport: (report: RunReport, kind: 'junit' | 'html') => string | Promise<string>;
  /** Folders of the user's scenario files, listed by the console next to the shipped suite. */
  readonly scenarioDirs?: readonly string[];
}

export interface StartedServer {
  /** `http://host:port` of the main listener. */
  readonly url: string;
  /** Platform host name -> base URL (the first host name is the main URL). */
  readonly hosts: Readonly<Record<string, string>>;
  readonly credentials: SellerCredentials;
  /** Set when no admin token was configured for a non-loopback address: koomock made one up. */
  readonly generatedAdminToken?: string;
  /** Stops the server, then closes the store. */
  stop(): Promise<void>;
}

/** Loopback listen addresses: only this machine reaches the admin API, so it may stay open. */
const isLoopback = (host: string): boolean => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host.toLowerCase()) || /^127\./.test(host);

/** A server on a wildcard address is reached by this process on loopback. */
const toLoopbackUrl = (url: string): string => url.replace(/^http:\/\/(0\.0\.0\.0|\[::\])(?=[:/]|$)/, 'http://127.0.0.1');

/**
 * @example
 *   const started = await startServer(loadConfig({ env: process.env, cwd: process.cwd() }), { renderReport: toReportText });
 *   console.log(started.url);
 *   await started.stop();
 */
export async function startServer(loaded: LoadedConfig, options: StartServerOptions): Promise<StartedServer> {
  const { config } = loaded;
  const generatedAdminToken = config.server.adminToken === undefined && !isLoopback(config.server.host) ? randomBytes(24).toString('base64url') : undefined;
  const adminToken = config.server.adminToken ?? generatedAdminToken;
  let credentials: SellerCredentials | undefined;
  // A run plays against this emulator through its own admin API, exactly as `koomock run
  // --emulator-url` would, with the credentials and URL known once it has started.
  let self: { url: string; ak: string; sk: string } | undefined;
  const play: RunPlayer = async (p) => {
    if (self === undefined) throw new Error('koomock: a run was asked for before the emulator finished starting');
    const { url, ak, sk } = self;
    // The scenario engine and the seller transport are loaded by the first run, not at start-up.
    const { runSuite } = await import('./run-suite.js');
    return runSuite({
      config: { ...p.config, seller: { ...p.config.seller, ak, sk } },
      scenarios: p.scenarios,
      emulator: { url, ...(adminToken === undefined ? {} : { adminToken }) },
      ...(p.request.waitForSellerMs === undefined ? {} : { waitForSellerMs: p.request.waitForSellerMs }),
      ...(p.request.sellerPushesUsage === undefined ? {} : { sellerPushesUsage: p.request.sellerPushesUsage }),
      onEvent: p.onEvent,
    });
  };
  const emulator = await startEmulator({
    config: adminToken === undefined ? config : { ...config, server: { ...config.server, adminToken } },
    ...(config.server.db.kind === 'memory' ? {} : { dbPath: config.server.db.path }),
    hostPorts: options.hostPorts ?? {},
    ...(options.scenarioDirs === undefined ? {} : { scenarioDirs: options.scenarioDirs }),
    extras: (store) => {
      const random = createCryptoRandom();
      credentials = resolveSellerCredentials(loaded, store, random);
      return { random, credentials };
    },
    runs: { play, renderReport: options.renderReport },
  });
  if (credentials === undefined) throw new Error('koomock: the emulator started without seller credentials');
  const { ak, sk } = credentials;
  self = { url: toLoopbackUrl(emulator.url), ak, sk };
  return { url: emulator.url, hosts: emulator.hosts, credentials, ...(generatedAdminToken === undefined ? {} : { generatedAdminToken }), stop: emulator.close };
}
