/**
 * The options `koomock run` and `koomock send` share: the config flags (`--seller-url`, `--key`,
 * `--ak`/`--sk`, `--port`, `--profile`, …), `--emulator-url`, `--lang` and `--time-scale`.
 */
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { addConfigOptions, toConfigOptions } from '../../config/cli-options.js';
import type { LoadedConfig } from '../../config/types.js';
import { chooseLang, type Lang } from './i18n.js';
import { parseFallbackPort } from '../../app/fallback-host.js';
import type { CliIo } from './io.js';
import type { EmulatorChoice } from '../../app/open-backend.js';

export interface SharedRunOptions {
  readonly loaded: LoadedConfig;
  readonly emulator: EmulatorChoice;
  readonly lang: Lang;
  readonly timeScale?: number;
}

/** Adds the shared options to a command. */
export function addRunOptions(command: Command): Command {
  return addConfigOptions(command)
    .option('--emulator-url <url>', 'use a running koomock emulator (koomock serve) instead of starting one on --port')
    .option('--lang <lang>', 'language of the checklist: en or zh (default: KOOMOCK_LANG, else zh when LC_ALL/LANG starts with zh, else en)')
    .option('--time-scale <n>', 'virtual ms per wall ms for retry and poll waits (default: waits cost no wall time)')
    .option('--fallback-port <port>', 'also serve the fallback Open API host (the second of server.hostNames, mkt.myhuaweicloud.cn) on this port, for failover scenarios');
}

/**
 * @example
 *   parseTimeScale('1000'); // 1000
 */
export function parseTimeScale(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(n > 0)) {
    throw usageError(`--time-scale expects a positive number of virtual ms per wall ms (e.g. 1000: a 3-minute retry interval takes 0.18 s), received ${JSON.stringify(text)}`);
  }
  return n;
}

/**
 * Loads the config (defaults <- file <- KOOMOCK_* <- flags) and reads the shared options. The
 * config loader is imported here, not at the top, so that `--help` does not load it.
 * @example
 *   const shared = await toSharedRunOptions(command.opts(), io);
 */
export async function toSharedRunOptions(opts: Readonly<Record<string, unknown>>, io: CliIo): Promise<SharedRunOptions> {
  const { loadConfig } = await import('../../config/load.js');
  const { file, flags } = toConfigOptions(opts);
  const loaded = loadConfig({ ...(file === undefined ? {} : { file }), env: io.env, flags, cwd: io.cwd });
  const { config } = loaded;
  const emulatorUrl = typeof opts['emulatorUrl'] === 'string' ? opts['emulatorUrl'] : undefined;
  // State of a run lives in memory unless a database was asked for on this command line.
  const dbPath = typeof opts['db'] === 'string' && config.server.db.kind === 'file' ? config.server.db.path : undefined;
  const timeScale = parseTimeScale(typeof opts['timeScale'] === 'string' ? opts['timeScale'] : undefined);
  const fallbackPort = parseFallbackPort(opts['fallbackPort']);
  return {
    loaded,
    emulator: {
      ...(emulatorUrl === undefined ? {} : { url: emulatorUrl }),
      ...(config.server.adminToken === undefined ? {} : { adminToken: config.server.adminToken }),
      ...(dbPath === undefined ? {} : { dbPath }),
      ...(fallbackPort === undefined ? {} : { fallbackPort }),
    },
    lang: chooseLang(typeof opts['lang'] === 'string' ? opts['lang'] : undefined, io.env),
    ...(timeScale === undefined ? {} : { timeScale }),
  };
}
