/**
 * `--fallback-port`: the documented fallback Open API host (open-api.md §1: retry against
 * `mkt.myhuaweicloud.cn` when `mkt.myhuaweicloud.com` is unreachable) on a port of its own, so a
 * seller configured with both base URLs can be made to fail over (docs/security.md).
 */
import { usageError } from '../core/errors.js';
import type { KoomockConfig } from '../config/types.js';

/**
 * The port of `--fallback-port`, or undefined when the flag was not given.
 * @example parseFallbackPort('7071') // 7071
 */
export function parseFallbackPort(text: unknown): number | undefined {
  if (text === undefined) return undefined;
  const n = typeof text === 'string' && /^\d{1,5}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(Number.isInteger(n) && n >= 0 && n <= 65_535)) {
    throw usageError(`--fallback-port expects a port from 0 to 65535 (0 picks a free one), received ${JSON.stringify(text)}`);
  }
  return n;
}

/**
 * `hostPorts` for the emulator: the second of `server.hostNames` (the fallback host) on `port`.
 * @example toFallbackHostPorts(config, 7071) // { 'mkt.myhuaweicloud.cn': 7071 }
 */
export function toFallbackHostPorts(config: KoomockConfig, port: number | undefined): Record<string, number> {
  if (port === undefined) return {};
  const fallback = config.server.hostNames[1];
  if (fallback === undefined) {
    throw usageError(
      `--fallback-port serves the second of server.hostNames, but it lists ${config.server.hostNames.length === 0 ? 'none' : `only ${config.server.hostNames.join(', ')}`}: add the fallback host (e.g. mkt.myhuaweicloud.cn) to server.hostNames`,
    );
  }
  return { [fallback]: port };
}
