/**
 * `createEmulator()`: a real koomock server for a test suite, on 127.0.0.1 and a free port, with a
 * typed admin client, `reset()` between tests and `close()` at the end.
 */
import { createAdminClient, type AdminClient } from './adapters/http/admin/client.js';
import { startEmulator, type StartEmulatorOptions } from './app/start-emulator.js';
import { usageError } from './core/errors.js';
import type { SellerAccount } from './core/openapi/context.js';
import type { FaultPlan } from './core/openapi/fault-plan.js';
import type { Clock } from './core/ports.js';
import type { Store } from './core/store.js';
import { resolveConfig } from './config/load.js';
import type { KoomockConfig, KoomockConfigInput } from './config/types.js';

export interface EmulatorOptions {
  /** Default 0: a free port; read the result from `url`. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `memory`. `sqlite` opens `dbPath` (or the config's `server.db`); a Store object is used as is and not closed. */
  readonly store?: 'memory' | 'sqlite' | Store;
  readonly dbPath?: string;
  /** Any part of a koomock config (the shape of koomock.config.yaml), over the documented defaults. */
  readonly config?: KoomockConfigInput;
  /** A fixed clock for deterministic virtual time; default a virtual clock kept in the store. */
  readonly clock?: Clock;
  /** Relative paths in `config` start here; default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * Extra ports, one per platform host name (from `server.hostNames`), for failover tests:
   * `{ 'mkt.myhuaweicloud.cn': 0 }` serves the fallback host on a free port of its own (see `hosts`).
   */
  readonly hostPorts?: Readonly<Record<string, number>>;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`: point the seller's Open API base URL here. */
  readonly url: string;
  readonly config: KoomockConfig;
  /** The seller the fake Open APIs expect: account id, AK/SK (sign with these), usage key. */
  readonly seller: SellerAccount;
  readonly store: Store;
  readonly admin: AdminClient;
  /**
   * Platform host name -> base URL: the first of `server.hostNames` is the main `url`, the others are
   * there when `hostPorts` gave them a port. Configure the seller with these as its Open API hosts.
   */
  readonly hosts: Readonly<Record<string, string>>;
  /** Fault rules, in process (the admin API's `/_koomock/faults` does the same over HTTP). */
  readonly faults: FaultPlan;
  /** Forgets orders, instances, usage, files, the journal, virtual time and fault rules; keeps config and catalog. */
  reset(): Promise<void>;
  /** Stops the server and closes the store (unless the store was passed in). Safe to call twice. */
  close(): Promise<void>;
}

/** The store choice as startEmulator takes it: a store given, a SQLite file, or memory. */
function toStoreChoice(options: EmulatorOptions, config: KoomockConfig): Pick<StartEmulatorOptions, 'store' | 'dbPath'> {
  const choice = options.store ?? 'memory';
  if (typeof choice === 'object') return { store: choice };
  if (choice === 'memory') return {};
  const path = options.dbPath ?? (config.server.db.kind === 'file' ? config.server.db.path : undefined);
  if (path === undefined) throw usageError("createEmulator({ store: 'sqlite' }) needs a file: pass dbPath, or set config.server.db to a path");
  return { dbPath: path };
}

/**
 * Starts an emulator.
 * @example
 *   const emulator = await createEmulator({ config: { seller: { ak: 'MYAK', sk: 'MYSK' } } });
 *   const res = await fetch(`${emulator.url}/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW`, { headers: signed });
 *   await emulator.close();
 */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const cwd = options.cwd ?? process.cwd();
  const config = resolveConfig(options.config ?? {}, { cwd, label: 'createEmulator({ config })' });
  const emulator = await startEmulator({
    config,
    ...toStoreChoice(options, config),
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    hostPorts: options.hostPorts ?? {},
    ...(options.clock === undefined ? {} : { extras: () => ({ clock: options.clock }) }),
  });
  const { runtime } = emulator;
  const { adminToken } = config.server;
  return {
    url: emulator.url,
    config,
    seller: runtime.seller,
    store: emulator.store,
    admin: createAdminClient(emulator.url, adminToken === undefined ? {} : { token: adminToken }),
    hosts: emulator.hosts,
    faults: runtime.faults,
    reset: async () => runtime.reset('state'),
    close: emulator.close,
  };
}
