import { Command, CommanderError } from 'commander';
import { isKoomockError } from '../../core/errors.js';
import { loadCommands } from './commands/index.js';
import { chooseLang, type Lang } from './i18n.js';
import { EXIT_USAGE, processIo, type CliIo } from './io.js';

/**
 * Runs the koomock CLI and resolves to its exit code.
 * @example
 *   const code = await main(['sign', 'v2', '--key', 'k', '--timestamp', '1', '--nonce', 'n', '--body', '{}']);
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('koomock')
    .description('Local emulator of Huawei Cloud KooGallery (云商店) and contract-test harness for sellers')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    })
    .showSuggestionAfterError(true);
  for (const register of await loadCommands(argv)) register(program, io, (code) => {
    exitCode = code;
  });
  if (wantsHelp(argv) && errorLang(argv, io.env) === 'zh') {
    // The catalogue is loaded only for a help page in Chinese.
    const { toChineseHelp } = await import('./help-zh.js');
    toChineseHelp(program);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (isKoomockError(e)) {
      const lang = errorLang(argv, io.env);
      // The message catalogue is loaded only when there is a message to translate.
      const { localise } = await import('../../core/messages/localise.js');
      // A message of several lines (one problem each, as for a scenario or config file) is put in the language line by line.
      io.err(`koomock${lang === 'zh' ? '：' : ': '}${e.message.split('\n').map((line) => localise(line, lang)).join('\n')}`);
      return EXIT_USAGE;
    }
    io.err(`koomock: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_USAGE;
  }
}

/** Whether the command line asks for a help page (`--help`, `-h`, `help`, or nothing at all). */
const wantsHelp = (argv: readonly string[]): boolean => argv.length === 0 || argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');

/** The language of an error message: `--lang` of the command line when it names one, else the environment's (i18n.ts chooseLang). */
function errorLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = argv[at];
  const flag = given === undefined ? undefined : given.startsWith('--lang=') ? given.slice('--lang='.length) : argv[at + 1];
  try {
    return chooseLang(flag, env);
  } catch {
    return 'en';
  }
}
