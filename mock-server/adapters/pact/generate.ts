/**
 * `koomock pact generate`: the consumer side of the produce contract. Every interaction is played
 * against the Pact mock server by koomock's own builders, signer and transport, so a pact that is
 * written also proves that code sends what the contract says.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCryptoRandom } from '../../app/random.js';
import { KOOMOCK_VERSION } from '../../app/version.js';
import { KoomockError } from '../../core/errors.js';
import { buildProduceRequest } from '../../core/produce/activities.js';
import { signProduceRequest } from '../../core/produce/sign-request.js';
import type { BuildContext } from '../../core/produce/build-context.js';
import { DEFAULT_PROFILE } from '../../core/profile.js';
import type { CreatePactTransport } from './ports.js';
import { EXAMPLE_KEYS, toExampleContext } from './example-context.js';
import { loadPact } from './load-pact.js';
import { isPending } from './pending.js';
import { PRODUCE_INTERACTIONS, PRODUCE_STATES, type ProduceInteraction, toExampleFields } from './produce-interactions.js';
import { toPactAnswer, toPactRequest } from './produce-pact.js';

/** The consumer name of koomock's produce pacts (the KooGallery side, as koomock emulates it). */
export const PRODUCE_CONSUMER = 'koomock-koogallery';

export interface GenerateOptions {
  /** Provider (seller) name in the pact; default `seller`. */
  readonly provider?: string;
  /** Path of the seller's production interface; default `/produce`. */
  readonly sellerPath?: string;
  /** Directory the pact file goes to. */
  readonly outDir: string;
  /** Marks interactions added in this release pending; default koomock's own version. */
  readonly version?: string;
  /** Only these interaction ids (default: all). */
  readonly only?: readonly string[];
  /** The HTTP transport koomock's requests go through. */
  readonly createTransport: CreatePactTransport;
  /** The interactions to write (default: koomock's produce contract). */
  readonly interactions?: readonly ProduceInteraction[];
}

export interface GenerateResult {
  readonly file: string;
  readonly interactions: readonly { readonly id: string; readonly pending: boolean }[];
}

const STALE_MS = 10 * 60_000;
const ATTEMPTS = 3;

/** Runs `attempt` until it succeeds, at most `times` times; the last error is thrown. */
async function withRetries(attempt: () => Promise<void>, times: number): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await attempt();
      return;
    } catch (e) {
      if (i >= times) throw e;
    }
  }
}
const WRONG_KEY = 'koomock-contract-a-key-that-is-not-the-sellers';

/** Signs like the platform, or breaks the signature the way an interaction's state says. */
function signFor(interaction: ProduceInteraction, built: ReturnType<typeof buildProduceRequest>, ctx: BuildContext) {
  const wrongKey = interaction.states.includes(PRODUCE_STATES.wrongKey);
  const keys = wrongKey ? { basic: WRONG_KEY, general: WRONG_KEY, kit: WRONG_KEY } : EXAMPLE_KEYS;
  const stale = interaction.states.includes(PRODUCE_STATES.staleTimestamp);
  const staleCtx: BuildContext = stale ? { ...ctx, clock: { ...ctx.clock, wallNow: () => ctx.clock.wallNow() - STALE_MS } } : ctx;
  return signProduceRequest(built, keys, staleCtx);
}

/**
 * Writes `<outDir>/koomock-koogallery-<provider>.json`.
 * @example
 *   const { file } = await generateProducePact({ provider: 'my-saas', outDir: 'contracts/pacts' });
 */
export async function generateProducePact(options: GenerateOptions): Promise<GenerateResult> {
  const { PactV4, MatchersV3 } = await loadPact();
  const provider = options.provider ?? 'seller';
  const sellerPath = options.sellerPath ?? '/produce';
  if (!sellerPath.startsWith('/')) throw new KoomockError('USAGE', `--seller-path must start with "/", received ${JSON.stringify(sellerPath)}`);
  const version = options.version ?? KOOMOCK_VERSION;
  const all = options.interactions ?? PRODUCE_INTERACTIONS;
  const unknown = (options.only ?? []).filter((id) => !all.some((i) => i.id === id));
  if (unknown.length > 0) throw new KoomockError('USAGE', `--only ${unknown.join(', ')}: no such interaction; known: ${all.map((i) => i.id).join(', ')}`);
  const selected = options.only === undefined ? all : all.filter((i) => options.only?.includes(i.id));
  mkdirSync(options.outDir, { recursive: true });
  // Pact merges into an existing file: start from nothing so removed interactions disappear.
  rmSync(join(options.outDir, `${PRODUCE_CONSUMER}-${provider}.json`), { force: true });
  const written: { id: string; pending: boolean }[] = [];
  for (const interaction of selected) {
    const fields = toExampleFields(interaction.fields);
    const exampleCtx = toExampleContext(interaction.id);
    // The example clientSecret stands for a ciphertext (a real one differs on every encryption and
    // needs the seller's public key): it is sent as written.
    const secret = interaction.activity === 'applicationSync' ? fields['clientSecret'] : undefined;
    const spec = { activity: interaction.activity, url: `http://127.0.0.1${sellerPath}`, fields, ...(secret === undefined ? {} : { overrides: { clientSecret: secret } }) };
    const example = signFor(interaction, buildProduceRequest(spec, exampleCtx), exampleCtx);
    const request = toPactRequest(interaction, example, MatchersV3);
    const answer = toPactAnswer(interaction.answer, MatchersV3);
    const pending = isPending(interaction.since, version);
    // One Pact per interaction (each merges into the file), so that an attempt the mock server lost
    // on a busy machine can be made again without leaving a half-recorded interaction behind.
    const attempt = async (): Promise<void> => {
      const pact = new PactV4({ consumer: PRODUCE_CONSUMER, provider, dir: options.outDir, logLevel: 'error' });
      let builder = pact.addInteraction();
      for (const state of interaction.states) builder = builder.given(state);
      await builder
        .uponReceiving(interaction.description)
        .pending(pending)
        .comment(`koomock ${interaction.id}, since ${interaction.since}`)
        .withRequest(request.method, request.path, (b) => b.query(request.query as never).headers(request.headers as never).jsonBody(request.body))
        .willRespondWith(200, (b) => b.jsonBody(answer.body))
        .executeTest(async (server) => {
          // A fresh call, as the platform would make it now: real clock, real randomness.
          const ctx: BuildContext = { profile: DEFAULT_PROFILE, clock: { wallNow: Date.now, now: Date.now, advance: () => {} }, random: createCryptoRandom() };
          const signed = signFor(interaction, buildProduceRequest({ ...spec, url: `${server.url}${sellerPath}` }, ctx), ctx);
          // A transport per interaction: a kept-alive connection to the previous mock server must not be reused.
          const transport = options.createTransport();
          const result = await transport
            .send({ method: signed.method, url: signed.url, headers: signed.headers, ...(signed.body === undefined ? {} : { body: signed.body }) }, { timeoutMs: 10_000 })
            .finally(() => transport.close());
          if (result.kind !== 'response' || result.status !== 200) {
            throw new KoomockError('INPUT_INVALID', `${interaction.id}: the Pact mock server did not accept koomock's request (${result.kind === 'response' ? `HTTP ${result.status}: ${Buffer.from(result.body).toString('utf8').slice(0, 500)}` : result.message})`);
          }
        });
    };
    await withRetries(attempt, ATTEMPTS);
    written.push({ id: interaction.id, pending });
  }
  return { file: join(options.outDir, `${PRODUCE_CONSUMER}-${provider}.json`), interactions: written };
}
