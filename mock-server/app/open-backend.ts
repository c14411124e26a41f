/**
 * The emulator a run or a single call plays against: one started here, or a running one reached
 * through its admin API.
 */
import { usageError } from '../core/errors.js';
import type { KoomockConfig } from '../config/types.js';
import type { EmulatorBackend } from './backend.js';
import { toFallbackHostPorts } from './fallback-host.js';
import { startLocalEmulator } from './local-emulator.js';
import { connectRemoteEmulator } from './remote-emulator.js';

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

