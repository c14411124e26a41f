import type { Command } from 'commander';
import { CONFIG_FLAGS, type ConfigFlags } from './flags.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Adds the config flags (`--config`, `--port`, `--seller-url`, `--profile name=value`, ...) to a
 * command, so every command that runs the emulator takes them with the same names.
 * @example
 *   addConfigOptions(program.command('serve')).action((opts) => loadConfig({ ...toConfigOptions(opts), env, cwd }));
 */
export function addConfigOptions(command: Command): Command {
  command.option('--config <path>', 'config file (default: koomock.config.yaml, .yml or .json in the current folder)');
  for (const f of CONFIG_FLAGS) command.option(`${f.flag} ${f.argument}`, f.description);
  return command
    .option('--memory', 'keep state in memory only (same as --db memory)')
    // Both forms, so that leaving them out sets nothing and the file's value stands.
    .option('--console', 'serve the web console')
    .option('--no-console', 'do not serve the web console')
    .option('--profile <name=value>', 'set a fidelity profile option, e.g. callTimeoutMs=5s (repeatable)', collect);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const flag = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/**
 * The config file and flags from a command's parsed options (`command.opts()`).
 * @example
 *   toConfigOptions({ config: 'ci.yaml', port: '9090' }); // { file: 'ci.yaml', flags: { port: '9090' } }
 */
export function toConfigOptions(opts: Readonly<Record<string, unknown>>): { file?: string; flags: ConfigFlags } {
  const flags: Record<string, unknown> = {};
  for (const f of CONFIG_FLAGS) {
    const v = text(opts[f.property]);
    if (v !== undefined) flags[f.property] = v;
  }
  const memory = flag(opts['memory']);
  const consoleFlag = flag(opts['console']);
  const profile = Array.isArray(opts['profile']) ? opts['profile'].filter((p): p is string => typeof p === 'string') : [];
  if (memory !== undefined) flags['memory'] = memory;
  if (consoleFlag !== undefined) flags['console'] = consoleFlag;
  if (profile.length > 0) flags['profile'] = profile;
  const file = text(opts['config']);
  return file === undefined ? { flags: flags as ConfigFlags } : { file, flags: flags as ConfigFlags };
}
