import { resolve } from 'node:path';
import type { Command } from 'commander';
import { addConfigOptions, toConfigOptions } from '../../../config/cli-options.js';
import { describeSource } from '../../../config/describe.js';
import { maskSecret } from '../../../config/secrets.js';
import type { KoomockConfig } from '../../../config/types.js';
import { parseFallbackPort, toFallbackHostPorts } from '../../../app/fallback-host.js';
import type { SellerCredentials } from '../../../app/seller-credentials.js';
import type { RunReport } from '../../../core/scenario/run/report.js';
import { EXIT_OK, type CliIo } from '../io.js';
import type { RegisterCommand } from './register.js';

const OPEN_API_PREFIX = '/api/mkp-openapi-public/global/v1/';

function credentialLines(c: SellerCredentials, state: string): string[] {
  const ak =
    c.akOrigin === 'config' && c.akSource !== undefined ? `${c.ak}  (from ${describeSource(c.akSource)})`
    : c.akOrigin === 'generated' ? `${c.ak}  (generated now, kept in ${state})`
    : `${c.ak}  (generated on an earlier start, kept in ${state})`;
  const sk =
    c.skOrigin === 'generated' ? `${c.sk}  (generated now and shown in full only this once: copy it into your seller's config, or choose your own with KOOMOCK_SK)`
    : c.skOrigin === 'stored' ? `${maskSecret(c.sk)}  (generated on the first start, kept in ${state}; set KOOMOCK_SK to choose your own)`
    : `${maskSecret(c.sk)}  (from ${c.skSource === undefined ? 'the config' : describeSource(c.skSource)})`;
  return [`  seller AK   ${ak}`, `  seller SK   ${sk}`];
}

function printBanner(io: CliIo, config: KoomockConfig, started: { readonly url: string; readonly hosts: Readonly<Record<string, string>>; readonly credentials: SellerCredentials; readonly generatedAdminToken?: string }, ms: number): void {
  const { url, hosts, credentials, generatedAdminToken } = started;
  const { server } = config;
  const state = server.db.kind === 'memory' ? 'memory' : server.db.path;
  const names = server.hostNames.length === 0 ? '' : `  (also answers as ${server.hostNames.join(', ')})`;
  io.out(`koomock is listening on ${url}  (ready in ${ms} ms)`);
  io.out(`  Open APIs   ${url}${OPEN_API_PREFIX}…${names}`);
  for (const [name, hostUrl] of Object.entries(hosts)) if (hostUrl !== url) io.out(`  ${name}  ${hostUrl}${OPEN_API_PREFIX}…  (its own port, for failover tests)`);
  io.out(`  seller id   ${config.seller.accountId}  (the {partner_id} of Open API paths)`);
  for (const line of credentialLines(credentials, state)) io.out(line);
  const tokenNote = generatedAdminToken !== undefined ? '; needs Authorization: Bearer <admin token>' : server.adminToken === undefined ? '' : '; needs Authorization: Bearer <server.adminToken>';
  io.out(`  admin API   ${url}/_koomock/  (docs/admin-api.md${tokenNote})`);
  if (generatedAdminToken !== undefined) {
    io.out(`  admin token ${generatedAdminToken}  (generated now, since ${server.host} is not loopback; set KOOMOCK_ADMIN_TOKEN to choose your own)`);
  }
  io.out(`  console     ${server.console ? `${url}/_koomock/console/  (${url}/ opens it)` : 'off (--no-console)'}`);
  io.out(`  state       ${server.db.kind === 'memory' ? 'memory only: nothing is kept after exit' : server.db.path}`);
  io.out('Press Ctrl+C to stop.');
}

/** Resolves with the first SIGINT or SIGTERM, and stops listening for them. */
const nextStopSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

/**
 * `koomock serve`: the fake Open APIs and the admin API on one port, until SIGINT/SIGTERM; then the
 * server and the store close and the exit code is 0. Config: defaults <- file <- KOOMOCK_* <- flags.
 */
export const registerServe: RegisterCommand = (program, io, setExit) => {
  const command: Command = program
    .command('serve')
    .description('start the emulator: fake KooGallery Open APIs and the admin API (启动模拟器)');
  addConfigOptions(command)
    .option('--fallback-port <port>', 'also serve the fallback host (the second of server.hostNames, mkt.myhuaweicloud.cn) on this port, for failover tests')
    .option('--scenarios <dir>', 'a folder of your scenario files, listed by the console next to the shipped suite (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .action(async (opts: Record<string, unknown>) => {
      const { loadConfig } = await import('../../../config/load.js');
      const loaded = loadConfig({ ...toConfigOptions(opts), env: io.env, cwd: io.cwd });
      const hostPorts = toFallbackHostPorts(loaded.config, parseFallbackPort(opts['fallbackPort']));
      // Loaded here, not at the top, so other commands never load express and SQLite.
      const { startServer } = await import('../../../app/start-server.js');
      const scenarioDirs = ((opts['scenarios'] as string[] | undefined) ?? []).map((d) => resolve(io.cwd, d));
      // The reporters load with the first JUnit or HTML report asked for, not at start-up.
      const renderReport = async (report: RunReport, kind: 'junit' | 'html'): Promise<string> => (await import('../reporters/index.js')).toReportText(report, kind);
      const started = await startServer(loaded, { hostPorts, scenarioDirs, renderReport });
      const stopping = nextStopSignal();
      // performance.now() counts from process start: the time a user waits for `koomock serve`.
      printBanner(io, loaded.config, started, Math.round(performance.now()));
      const signal = await stopping;
      io.out(`koomock: ${signal} received, stopping`);
      await started.stop();
      setExit(EXIT_OK);
    });
};
