import type { Command } from 'commander';
import { closestName } from '../../../../core/suggest.js';
import { usageError } from '../../../../core/errors.js';

/**
 * A command whose first argument picks a subcommand (`koomock sign v2`, `koomock aes encrypt`).
 * Errors under it are printed on one line (commander puts its "Did you mean" on a second), and a
 * missing or unknown subcommand is a one-line usage error instead of the help text on stderr.
 * Call `finishGroup` once the subcommands are added.
 * @example
 *   const sign = createGroup(program, 'sign', 'compute a signature');
 *   sign.command('v2')…;
 *   finishGroup(sign, 'scheme');
 */
export function createGroup(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .configureOutput({ outputError: (text, write) => write(`${text.replace(/\s*\n\s*/g, ' ').trim()}\n`) });
}

/**
 * Adds the catch-all action. Unknown options are let through to it only so that `sign v3 --key …`
 * reports the unknown scheme rather than `--key`; the subcommands keep commander's strict checks.
 */
export function finishGroup(group: Command, what: string): void {
  const names = group.commands.map((c) => c.name());
  for (const sub of group.commands) sub.allowUnknownOption(false).allowExcessArguments(false);
  group
    .usage(`<${what}> [options]`)
    .argument(`[${what}]`, `one of ${names.join(', ')}`)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((given: string | undefined) => {
      const path = `koomock ${group.name()}`;
      const example = `e.g. \`${path} ${names[0] ?? ''} --help\``;
      // Never echo an argument that is not a plausible name: it may be a secret typed in the wrong place.
      if (given === undefined || given.startsWith('-')) {
        throw usageError(`${path} needs ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}; pass one of ${names.join(', ')}, ${example}`);
      }
      const shown = /^[A-Za-z0-9_-]{1,20}$/.test(given) ? ` ${JSON.stringify(given)}` : '';
      const near = closestName(given, names);
      throw usageError(
        `unknown ${what}${shown} for ${path}; pass one of ${names.join(', ')}${near === undefined ? '' : ` (did you mean ${near}?)`}`,
      );
    });
}
