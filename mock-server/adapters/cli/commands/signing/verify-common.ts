import type { Command } from 'commander';
import type { Verdict } from '../../../../core/result.js';
import { chooseLang, type Lang } from '../../i18n.js';
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK } from '../../io.js';
import type { VerifyReport } from './report.js';

/** Options every `koomock verify <scheme>` has. */
export interface VerifyCommonOptions {
  readonly lang?: string;
  readonly now?: string;
}

/** Adds `--lang`, and `--now` (saying what it defaults to) for schemes with a time window. */
export function withVerifyOptions(command: Command, nowDefault?: string): Command {
  if (nowDefault !== undefined) {
    command.option('--now <ms>', `the verifier's clock, Unix ms or "now"; default ${nowDefault} (no time check)`);
  }
  return command.option('--lang <lang>', 'language of the advice: en or zh (中文); default KOOMOCK_LANG, else zh when LC_ALL/LANG starts with zh');
}

export const toLang = (o: VerifyCommonOptions, env: Readonly<Record<string, string | undefined>>): Lang => chooseLang(o.lang, env);

/**
 * Ends a verify command: `ok` and exit 0, or the diagnosis on stdout and exit 1. `diagnose` runs only
 * on failure (it recomputes every known mistake); the report's texts are loaded only then.
 * @example
 *   await finishVerify(io, setExit, lang, verdict, (fail) => ({ subject: 'V2 signature', verdict: fail, … }));
 */
export async function finishVerify(
  io: CliIo,
  setExit: (code: number) => void,
  lang: Lang,
  verdict: Verdict,
  diagnose: (fail: Extract<Verdict, { ok: false }>) => VerifyReport,
): Promise<void> {
  if (verdict.ok) {
    io.out('ok');
    setExit(EXIT_OK);
    return;
  }
  const { toReportLines } = await import('./report.js');
  for (const line of toReportLines(diagnose(verdict), lang)) io.out(line);
  setExit(EXIT_CHECK_FAILED);
}
