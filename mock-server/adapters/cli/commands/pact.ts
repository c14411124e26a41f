import type { Command } from 'commander';
import { addRunOptions, toSharedRunOptions } from '../command-options.js';
import { EXIT_CHECK_FAILED, EXIT_OK, type CliIo } from '../io.js';
import { toSafeText } from '../reporters/safe-text.js';
import type { RegisterCommand } from './register.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const EXAMPLES = `
Examples:
  koomock pact generate --provider my-saas --seller-path /produce --out contracts/pacts
  koomock pact verify --pact contracts/pacts --seller-url http://127.0.0.1:8080/produce --key "$BASIC_KEY" --general-key … --kit-key … --port 7070
  koomock pact verify --broker-url https://broker.example --provider my-saas --provider-version "$GIT_COMMIT" --seller-url … --key …
  koomock pact resign-proxy --seller-url http://127.0.0.1:8080/produce --key … --listen-port 9292
  koomock pact verify-openapi --pact pacts/my-saas-koomock-koogallery-openapi.json --ak … --sk …

Needs @pact-foundation/pact 16 next to koomock (npm i -D @pact-foundation/pact@16). docs/pact.md walks through both directions.
Exit codes: 0 every interaction verified, 1 an interaction failed, 2 koomock could not run.`;

/** ✔/✗ lines of a verification, one per interaction, then the mismatches of the failed ones. */
function printOutcome(io: CliIo, outcome: import('../../../app/pact.js').VerifierOutcome): void {
  const failed = new Map(outcome.failures.map((f) => [f.interaction, f]));
  for (const r of outcome.results) io.out(`${r.result === 'OK' && !failed.has(r.description) ? '✔' : '✗'} ${toSafeText(r.description, { max: 200 })}`);
  for (const f of outcome.failures) {
    io.out(`\n✗ ${toSafeText(f.interaction, { max: 200 })}`);
    for (const m of f.mismatches) io.out(`    ${toSafeText(m.mismatch ?? JSON.stringify(m), { max: 500 })}`);
    if (f.error !== undefined) io.out(`    ${toSafeText(f.error, { max: 500 })}`);
  }
  const passed = outcome.results.filter((r) => r.result === 'OK' && !failed.has(r.description)).length;
  io.out(`\n${outcome.results.length} interactions: ${passed} passed, ${outcome.results.length - passed} failed`);
}

function registerGenerate(pact: Command, io: CliIo, setExit: (code: number) => void): void {
  pact
    .command('generate')
    .description("write koomock's produce pact (KooGallery as consumer, the seller as provider)")
    .option('--provider <name>', 'provider (seller) name in the pact', 'seller')
    .option('--seller-path <path>', 'path of your production interface, as in your production address', '/produce')
    .option('--out <dir>', 'directory for the pact file', 'contracts/pacts')
    .option('--only <id>', 'only this interaction (repeatable)', collect)
    .action(async (opts: Record<string, unknown>) => {
      const { generateProducePact } = await import('../../../app/pact.js');
      const { resolve } = await import('node:path');
      const result = await generateProducePact({
        provider: text(opts['provider']) ?? 'seller',
        sellerPath: text(opts['sellerPath']) ?? '/produce',
        outDir: resolve(io.cwd, text(opts['out']) ?? 'contracts/pacts'),
        ...(Array.isArray(opts['only']) ? { only: opts['only'] as string[] } : {}),
      });
      for (const i of result.interactions) io.out(`✔ ${i.id}${i.pending ? ' (pending)' : ''}`);
      io.out(`${result.interactions.length} interactions written to ${result.file}`);
      setExit(EXIT_OK);
    });
}

function registerVerify(pact: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = pact
    .command('verify')
    .description("verify koomock's produce pacts against your running, signature-checking seller")
    .option('--pact <file|dir>', 'pact file or directory (repeatable)', collect)
    .option('--broker-url <url>', 'fetch the pacts from a Pact Broker instead')
    .option('--broker-token <token>', 'broker bearer token (or PACT_BROKER_TOKEN)')
    .option('--provider <name>', 'your provider name in the broker')
    .option('--provider-version <version>', 'your build version, e.g. the commit (or GIT_COMMIT)')
    .option('--provider-branch <branch>', 'your branch (or GIT_BRANCH)')
    .option('--publish', 'publish the results to the broker (default when CI=true)')
    .option('--no-publish', 'do not publish the results, even in CI')
    .option('--no-resign', 'replay the recorded signatures as they are (they are stale: every call fails; for diagnosis only)');
  addRunOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (opts: Record<string, unknown>) => {
      const shared = await toSharedRunOptions(opts, io);
      const { config } = shared.loaded;
      const { openBackend } = await import('../../../app/open-backend.js');
      const { verifyProducePacts } = await import('../../../app/pact.js');
      const { checkSellerReachable } = await import('../../../app/preflight.js');
      // An unreachable seller is exit 2 (nothing was verified), not twenty failed interactions.
      await checkSellerReachable(config.seller.productionUrl);
      const backend = await openBackend(config, shared.emulator);
      try {
        const outcome = await verifyProducePacts({
          sellerUrl: config.seller.productionUrl,
          keys: config.seller.keys,
          emulatorUrl: backend.url,
          ...(config.server.adminToken === undefined ? {} : { adminToken: config.server.adminToken }),
          profile: config.profile,
          ...(Array.isArray(opts['pact']) ? { pacts: opts['pact'] as string[] } : {}),
          ...optional('brokerUrl', text(opts['brokerUrl'])),
          ...optional('brokerToken', text(opts['brokerToken'])),
          ...optional('provider', text(opts['provider'])),
          ...optional('providerVersion', text(opts['providerVersion'])),
          ...optional('providerBranch', text(opts['providerBranch'])),
          // With both --publish and --no-publish defined, commander leaves it undefined unless given.
          ...(typeof opts['publish'] === 'boolean' ? { publish: opts['publish'] } : {}),
          resign: opts['resign'] !== false,
          env: io.env,
        });
        printOutcome(io, outcome);
        setExit(outcome.ok ? EXIT_OK : EXIT_CHECK_FAILED);
      } finally {
        await backend.close();
      }
    });
}

const optional = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } => (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

function registerResignProxy(pact: Command, io: CliIo): void {
  const command = pact
    .command('resign-proxy')
    .description('a proxy that re-signs replayed produce requests, for Pact verifiers that are not JS')
    .option('--listen-port <port>', 'port of the proxy (0: any free port)', '9292')
    .option('--listen-host <host>', 'address of the proxy', '127.0.0.1');
  addRunOptions(command).action(async (opts: Record<string, unknown>) => {
    const shared = await toSharedRunOptions(opts, io);
    const { config } = shared.loaded;
    const port = Number(text(opts['listenPort']) ?? '9292');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      const { usageError } = await import('../../../core/errors.js');
      throw usageError(`--listen-port expects a port number 0-65535, received ${JSON.stringify(opts['listenPort'])}`);
    }
    const { openBackend } = await import('../../../app/open-backend.js');
    const { startResignProxy } = await import('../../../app/pact.js');
    const { createProduceStateHandlers } = await import('../../../app/pact.js');
    const backend = await openBackend(config, shared.emulator);
    let mode: import('../../../app/pact.js').SigningMode = 'valid';
    const proxy = await startResignProxy({
      sellerUrl: config.seller.productionUrl,
      keys: config.seller.keys,
      profile: config.profile,
      port,
      host: text(opts['listenHost']) ?? '127.0.0.1',
      takeMode: () => {
        const m = mode;
        mode = 'valid';
        return m;
      },
      states: createProduceStateHandlers({
        sellerUrl: config.seller.productionUrl,
        keys: config.seller.keys,
        emulatorUrl: backend.url,
        ...(config.server.adminToken === undefined ? {} : { adminToken: config.server.adminToken }),
        setSigningMode: (m) => {
          mode = m;
        },
      }),
      log: (line) => io.err(line),
    });
    io.out(`koomock resign-proxy: ${proxy.url} -> ${new URL(config.seller.productionUrl).origin} (provider states: POST ${proxy.url}/_pactSetup; emulator ${backend.url})`);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await proxy.close();
    await backend.close();
  });
}

function registerVerifyOpenApi(pact: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = pact
    .command('verify-openapi')
    .description("verify your consumer pacts for the Open APIs against koomock's emulation of KooGallery")
    .option('--pact <file|dir>', 'your consumer pact file or directory (repeatable)', collect);
  addRunOptions(command).action(async (opts: Record<string, unknown>) => {
    const shared = await toSharedRunOptions(opts, io);
    const { config } = shared.loaded;
    const pacts = Array.isArray(opts['pact']) ? (opts['pact'] as string[]) : [];
    if (pacts.length === 0) {
      const { usageError } = await import('../../../core/errors.js');
      throw usageError('give the consumer pacts to verify with --pact FILE|DIR (repeatable)');
    }
    const { openBackend } = await import('../../../app/open-backend.js');
    const { verifyOpenApiPacts } = await import('../../../app/pact.js');
    const backend = await openBackend(config, shared.emulator);
    try {
      const v = await verifyOpenApiPacts({
        pacts,
        emulatorUrl: backend.url,
        ...(config.server.adminToken === undefined ? {} : { adminToken: config.server.adminToken }),
        credentials: { ak: config.seller.ak, sk: config.seller.sk, usageKey: config.seller.keys.usage },
        putInstance: (instance) => backend.market.putInstance(instance),
      });
      printOutcome(io, v);
      if (v.unmet.length > 0) {
        io.out("\nExpectations KooGallery would not meet (as koomock's emulation of it shows):");
        for (const u of v.unmet) io.out(`  ✗ ${toSafeText(u.interaction, { max: 200 })}: expects ${toSafeText(u.expectation, { max: 200 })}; ${toSafeText(u.detail, { max: 500 })}`);
      }
      setExit(v.ok ? EXIT_OK : EXIT_CHECK_FAILED);
    } finally {
      await backend.close();
    }
  });
}

/**
 * `koomock pact …`: Pact contracts in both directions (docs/pact.md). Pact JS is loaded only when
 * one of these commands runs.
 */
export const registerPact: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const pact = program.command('pact').description('Pact contracts: generate and verify produce pacts, verify your Open API pacts (Pact 契约测试)').addHelpText('after', EXAMPLES);
  registerGenerate(pact, io, setExit);
  registerVerify(pact, io, setExit);
  registerResignProxy(pact, io);
  registerVerifyOpenApi(pact, io, setExit);
};
