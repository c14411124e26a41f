import type { Command } from 'commander';
import { usageError } from '../../../core/errors.js';
import type { Exchange } from '../../../core/store.js';
import { REPLAY_BREAKS } from '../../../core/security/replay-breaks.js';
import type { CliIo } from '../io.js';
import { toSafeText } from '../reporters/safe-text.js';
import type { RegisterCommand } from './register.js';

const BODY_MAX_CHARS = 4_000;

const EXAMPLES = `
Examples:
  koomock replay 12 --emulator-url http://127.0.0.1:7070
  koomock replay 12 --break tamper --emulator-url http://127.0.0.1:7070

--break sends the call broken one way and checks that the seller refuses it:
  tamper     the body changed after signing        stale      a correctly signed, 5-minute-old timestamp
  wrong-key  signed with a key that is not yours   replay     the accepted call sent again byte for byte
A kit or V1 call gets its family's attack (stale: kit-timestamp-stale, v1-timestamp-stale, …);
tamper is for V2 calls only.
Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run.`;

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

/** A journaled outbound exchange as `koomock send` prints one. */
export function toJournalLines(e: Exchange): string[] {
  const req = e.request;
  const headers = (req['headers'] ?? {}) as Record<string, string>;
  const res = e.response;
  const answer =
    res === undefined
      ? ['← no answer']
      : typeof res['status'] !== 'number'
        ? [`← no answer after ${e.durationMs} ms: ${toSafeText(text(res['error']))} (${toSafeText(text(res['message']))})`]
        : [
            `← HTTP ${res['status']} (${e.durationMs} ms)`,
            ...Object.entries((res['headers'] ?? {}) as Record<string, string>).map(([k, v]) => `  ${toSafeText(k, { max: 80 })}: ${toSafeText(v)}`),
            ...(text(res['body']) === '' ? [] : [`  ${toSafeText(text(res['body']), { max: BODY_MAX_CHARS })}`]),
          ];
  return [`→ ${text(req['method'])} ${text(req['url'])}`, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`), ...(req['body'] === undefined ? [] : [`  ${text(req['body'])}`]), ...answer];
}

/**
 * `koomock replay EXCHANGE_ID`: re-sends a journaled call of a running emulator with a fresh
 * signature, or broken (`--break`), and prints it with the checklist. The replay and the reporters
 * are imported when it runs (`--help` loads neither).
 */
export const registerReplay: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  program
    .command('replay')
    .description('re-send a journaled call to the seller through a running emulator, fresh or broken (重放)')
    .argument('<exchangeId>', 'the id of an outbound exchange (the console, GET /_koomock/exchanges?direction=outbound)')
    .option('--break <how>', `send it broken: ${Object.keys(REPLAY_BREAKS).join(', ')}`)
    .option('--emulator-url <url>', 'the running emulator (koomock serve)', 'http://127.0.0.1:7070')
    .option('--admin-token <token>', "the emulator's server.adminToken (or KOOMOCK_ADMIN_TOKEN)")
    .option('--lang <lang>', 'language of the checklist: en or zh', 'en')
    .addHelpText('after', EXAMPLES)
    .action(async (idText: string, opts: Record<string, unknown>) => {
      if (!/^\d+$/.test(idText)) throw usageError(`exchange id must be a whole number (the id in the journal), received ${JSON.stringify(idText)}`);
      const how = opts['break'];
      if (how !== undefined && (typeof how !== 'string' || !Object.hasOwn(REPLAY_BREAKS, how))) {
        throw usageError(`--break must be one of ${Object.keys(REPLAY_BREAKS).join(', ')}, received ${JSON.stringify(how)}`);
      }
      const lang = opts['lang'] === 'zh' ? 'zh' : 'en';
      const token = typeof opts['adminToken'] === 'string' ? opts['adminToken'] : io.env['KOOMOCK_ADMIN_TOKEN'];
      const url = String(opts['emulatorUrl']);
      const [{ replayOnEmulator }, { shouldUseColor, toExitCode, toReportText }] = await Promise.all([import('../../../app/replay-remote.js'), import('../reporters/index.js')]);
      const replay = await replayOnEmulator(url, Number(idText), { ...(token === undefined ? {} : { token }), ...(how === undefined ? {} : { break: how as string }) });
      for (const exchange of replay.exchanges) io.out([...toJournalLines(exchange), ''].join('\n'));
      io.out(toReportText(replay.report, 'pretty', { lang, color: shouldUseColor(process.stdout, io.env) }).replace(/\n$/, ''));
      setExit(toExitCode(replay.report));
    });
};
