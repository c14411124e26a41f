/**
 * Starting an emulator, the one way every entry point does it: open the store, build the runtime,
 * serve the app on its port, add a listener per platform host name that has a port of its own, and
 * close again whatever was opened when a step fails. `createEmulator()`, `koomock serve` and the
 * in-process emulator of `koomock run`/`send` all call it.
 */
import type { Store } from '../core/store.js';
import type { KoomockConfig } from '../config/types.js';
import { createApp } from '../adapters/http/app.js';
import { type HostListeners, startHostListeners } from '../adapters/http/host-listeners.js';
import { listen, type RunningServer } from '../adapters/http/server.js';
import { createMemoryStore } from '../adapters/store/memory-store.js';
import { createSqliteStore } from '../adapters/store/sqlite-store.js';
import type { RunsSetup } from '../adapters/http/admin/router.js';
import { type JournalRetention, startJournalRetention } from './journal-retention.js';
import { createEmulatorRuntime, type EmulatorRuntime, type EmulatorRuntimeOptions } from './emulator-runtime.js';

/** What the runtime takes besides config and store, chosen once the store is open (a clock kept in it, stored credentials). */
export type RuntimeExtras = Pick<EmulatorRuntimeOptions, 'clock' | 'random' | 'credentials'>;

export interface StartEmulatorOptions {
  readonly config: KoomockConfig;
  /** A store to use as it is; it stays open on close. Without it: SQLite at `dbPath`, or memory. */
  readonly store?: Store;
  readonly dbPath?: string;
  /** Default `config.server.host`. */
  readonly host?: string;
  /** Default `config.server.port`; 0 picks a free port. */
  readonly port?: number;
  /** Platform host name -> port (0: a free one), for failover tests. */
  readonly hostPorts?: Readonly<Record<string, number>>;
  /** Folders of the user's scenario files, listed by the console next to the shipped suite. */
  readonly scenarioDirs?: readonly string[];
  /** Runtime options that need the open store. */
  readonly extras?: (store: Store) => RuntimeExtras;
  /** How long answers in flight may take to finish on close (default: the server's). */
  readonly closeGraceMs?: number;
  /** The suite over HTTP (`/_koomock/runs`), served by `koomock serve`. */
  readonly runs?: RunsSetup;
}

export interface StartedEmulator {
  readonly runtime: EmulatorRuntime;
  readonly store: Store;
  /** `http://host:port` of the main listener. */
  readonly url: string;
  /** Platform host name -> base URL (the first of `server.hostNames` is `url`). */
  readonly hosts: Readonly<Record<string, string>>;
  /** Applies journal retention now (it also runs about once a second); answers how many entries went. */
  pruneJournal(): Promise<number>;
  /** Stops every listener, then closes the store if it was opened here. Safe to call twice. */
  close(): Promise<void>;
}

/** A SQLite store at `path`, or a memory store. */
export const openStore = (path: string | undefined): Store => (path === undefined ? createMemoryStore() : createSqliteStore(path));

/**
 * @example
 *   const emulator = await startEmulator({ config, port: 0 });
 *   // the seller calls `${emulator.url}/api/mkp-openapi-public/global/v1/order/query`
 *   await emulator.close();
 */
export async function startEmulator(options: StartEmulatorOptions): Promise<StartedEmulator> {
  const { config } = options;
  const host = options.host ?? config.server.host;
  const owned = options.store === undefined;
  const store = options.store ?? openStore(options.dbPath);
  let retention: JournalRetention | undefined;
  const closeStore = () => {
    retention?.stop();
    if (owned) store.close();
  };
  let server: RunningServer | undefined;
  let extra: HostListeners;
  let runtime: EmulatorRuntime;
  try {
    runtime = createEmulatorRuntime({ config, store, ...options.extras?.(store) });
    const clock = runtime.context.clock;
    // Age by the wall clock: a run moves the virtual clock years ahead, which must not prune its own entries.
    retention = startJournalRetention(store, config.journal, () => clock.wallNow());
    const { adminToken } = config.server;
    const app = createApp(runtime, { listenHost: host, ...(adminToken === undefined ? {} : { adminToken }), ...(options.runs === undefined ? {} : { runs: options.runs }), ...(options.scenarioDirs === undefined ? {} : { scenarioDirs: options.scenarioDirs }) });
    server = await listen(app, { host, port: options.port ?? config.server.port });
    const primary = config.server.hostNames[0];
    if (primary !== undefined) runtime.hosts.set(primary.toLowerCase(), server.url);
    extra = await startHostListeners(runtime, { host, hostPorts: options.hostPorts ?? {} });
  } catch (e) {
    await server?.close(options.closeGraceMs);
    closeStore();
    throw e;
  }
  const main = server;
  const listeners = extra;
  let closing: Promise<void> | undefined;
  return {
    runtime,
    store,
    pruneJournal: () => retention?.pruneNow() ?? Promise.resolve(0),
    url: main.url,
    hosts: Object.fromEntries(runtime.hosts),
    close: () => (closing ??= Promise.all([main.close(options.closeGraceMs), listeners.close(options.closeGraceMs)]).then(closeStore)),
  };
}
