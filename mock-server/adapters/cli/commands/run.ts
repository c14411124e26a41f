import type { Command } from 'commander';
import { addRunOptions, toSharedRunOptions } from '../command-options.js';
import { parseDuration } from '../../../core/duration.js';
import { usageError } from '../../../core/errors.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './register.js';
import { fill, MESSAGES } from '../i18n.js';

const MAX_WAIT_FOR_SELLER_MS = 10 * 60_000;

/**
 * `--wait-for-seller 60s`: a duration of at most 10 minutes.
 * @example parseWaitForSeller('2m'); // 120000
 */
export function parseWaitForSeller(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined || ms > MAX_WAIT_FOR_SELLER_MS) {
    throw usageError(`--wait-for-seller expects a duration of at most 10m, such as 60s or 2m, received ${JSON.stringify(value)}`);
  }
  return ms;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--deadline 30m` in ms; undefined when not given. */
function parseDeadline(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw usageError(`--deadline expects a duration such as 30m or 2h, received ${JSON.stringify(value)}`);
  return ms;
}

const EXAMPLES = `
Examples:
  koomock run --seller-url https://saas.example.com/produce --key "$BASIC_KEY" --ak "$AK" --sk "$SK"
  koomock run scenarios/ my-scenarios/ --only subscribe-monthly,renew --report junit=koomock-junit.xml
  koomock run --emulator-url http://127.0.0.1:7070 --report json=koomock-report.json --report html=report.html
  koomock run --seller-url http://127.0.0.1:8080/produce --wait-for-seller 60s   # the seller is still starting
  koomock run scenarios/faults --port 7070 --fallback-port 7071   # seller's Open API URLs: :7070, then :7071
  koomock run --group kit --config koomock.config.yaml            # joint-operation kit sync (needs seller.kitPublicKeyFile)
  koomock run --group agents --config koomock.config.yaml         # Agents gateway calls (needs agent.url, agent.ak, agent.sk)
  koomock run --group v1 --v1-key "$V1_KEY"                        # legacy V1 calls (GET, authToken, Body-Sign, AES fields)

Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run (flags, scenario files, seller unreachable).`;

/**
 * `koomock run [PATH...]`: plays the marketplace against the seller's production interface, one
 * progress line per scenario (standard error), then the ✔/✗ checklist and the summary (standard
 * output), and the reports asked for with `--report`. What it runs is imported when it runs, so
 * that `koomock --help` loads none of it.
 */
export const registerRun: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const command = program
    .command('run')
    .description('run conformance scenarios against the seller (运行一致性测试场景)')
    .argument('[paths...]', 'scenario files or folders (default: the shipped suite)')
    .option('--only <ids>', 'run only these scenario ids (repeatable, or a comma list)', collect)
    .option('--group <names>', 'run only these groups, e.g. kit (repeatable, or a comma list); the kit, v1 and agents groups run only when named', collect)
    .option('--report <kind=file>', 'also write a report: junit=FILE, json=FILE, html=FILE (repeatable; FILE - is standard output)', collect)
    .option('--deadline <duration>', 'wall time the run may take (e.g. 30m, 2h); scenarios whose turn comes later fail as not run (default: derived from the suite)')
    .option('--quiet', 'no progress lines on standard error (for CI logs): only the checklist and the reports')
    .option('--seller-pushes-usage', 'the seller pushes usage for on-demand instances by itself: run the scenarios that wait for it (otherwise skipped)')
    .option('--wait-for-seller <duration>', 'keep trying the seller for this long before giving up (e.g. 60s, 2m), for a seller that is still starting');
  addRunOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const [{ runSuite, selectScenarios }, { parseReportSpecs, shouldUseColor, toExitCode, writeReports }, { toAttemptLine, toProgressLine }] = await Promise.all([
        import('../../../app/run-suite.js'),
        import('../reporters/index.js'),
        import('../progress.js'),
      ]);
      const shared = await toSharedRunOptions(opts, io);
      const { config } = shared.loaded;
      const only = ((opts['only'] as string[] | undefined) ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter((o) => o !== '');
      const specs = parseReportSpecs((opts['report'] as string[] | undefined) ?? []);
      const groups = ((opts['group'] as string[] | undefined) ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter((o) => o !== '');
      const waitForSellerMs = parseWaitForSeller(opts['waitForSeller']);
      const scenarios = selectScenarios(paths, only, { cwd: io.cwd, config, groups });
      const quiet = opts['quiet'] === true;
      const deadlineMs = parseDeadline(opts['deadline']);
      // A line per attempt only on a terminal: CI logs keep one line per scenario.
      const perAttempt = !quiet && io.isTTY;
      const report = await runSuite({
        config,
        scenarios,
        emulator: shared.emulator,
        ...(shared.timeScale === undefined ? {} : { timeScale: shared.timeScale }),
        ...(waitForSellerMs === undefined ? {} : { waitForSellerMs }),
        ...(deadlineMs === undefined ? {} : { deadlineMs }),
        ...(perAttempt ? { onAttempt: (exchange, context) => io.err(toAttemptLine(exchange, context, { lang: shared.lang })) } : {}),
        ...(opts['sellerPushesUsage'] === true ? { sellerPushesUsage: true } : {}),
        onEmulator: (url, hosts) => {
          if (quiet) return;
          const m = MESSAGES[shared.lang];
          const others = Object.entries(hosts).filter(([, u]) => u !== url).map(([name, u]) => fill(m.hostAt, { name, url: u })).join('');
          const watch = config.server.console ? fill(m.watchAt, { url: `${url}/_koomock/console/` }) : '';
          io.err(fill(m.runStart, { n: scenarios.length, seller: config.seller.productionUrl, openApi: url, others: `${others}${watch}` }));
        },
        onEvent: (event, url) => {
          if (quiet) return;
          const line = toProgressLine(event, { lang: shared.lang, adminUrl: url });
          if (line !== undefined) io.err(line);
        },
      });
      const toStdout = specs.some((s) => s.file === '-');
      const color = shouldUseColor(io, io.env);
      await writeReports(report, toStdout ? specs : [{ kind: 'pretty', file: '-' }, ...specs], {
        lang: shared.lang,
        cwd: io.cwd,
        color,
        stdout: (text) => io.out(text.replace(/\n$/, '')),
      });
      setExit(toExitCode(report));
    });
};
