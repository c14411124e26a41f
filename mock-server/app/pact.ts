/**
 * `koomock/pact` and the `koomock pact …` commands: the Pact adapter wired to koomock's admin API
 * client (orders for provider states) and its seller transport. Needs `@pact-foundation/pact` 16
 * next to koomock (an optional peer dependency); docs/pact.md walks through both directions.
 *
 * @example
 *   // The seller verifies koomock's produce pacts in its own JS test suite:
 *   import { createEmulator } from 'koomock';
 *   import { verifyProducePacts } from 'koomock/pact';
 *
 *   const emulator = await createEmulator({ config: { seller: { ak, sk } } });
 *   const outcome = await verifyProducePacts({ sellerUrl: 'http://127.0.0.1:8080/produce', keys, emulatorUrl: emulator.url,
 *     pacts: ['node_modules/koomock/contracts/pacts/koomock-koogallery-reference-seller.json'] });
 *   outcome.ok; // true when every interaction verified
 */
import { createAdminClient } from '../adapters/http/admin/client.js';
import { type GenerateOptions, type GenerateResult, generateProducePact as generate } from '../adapters/pact/generate.js';
import { createOpenApiStateHandlers as openApiStates, type OpenApiStateOptions } from '../adapters/pact/openapi-states.js';
import type { CreatePactTransport, PactOrders } from '../adapters/pact/ports.js';
import { createProduceStateHandlers as produceStates, type ProduceStateOptions } from '../adapters/pact/produce-states.js';
import { type OpenApiVerification, type VerifyOpenApiOptions, verifyOpenApiPacts as verifyOpenApi } from '../adapters/pact/verify-openapi.js';
import { type VerifyProduceOptions, verifyProducePacts as verifyProduce } from '../adapters/pact/verify-produce.js';
import type { VerifierOutcome } from '../adapters/pact/verifier-outcome.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';

export { createResigningFilter, PACT_STATE_PATH } from '../adapters/pact/verify-produce.js';
export { PRODUCE_CONSUMER } from '../adapters/pact/generate.js';
export { OPENAPI_PROVIDER } from '../adapters/pact/verify-openapi.js';
export { PRODUCE_INTERACTIONS, PRODUCE_STATES, type ProduceInteraction } from '../adapters/pact/produce-interactions.js';
export { OPENAPI_STATES } from '../adapters/pact/openapi-states.js';
export { resignProduceRequest, type SigningMode } from '../adapters/pact/resign.js';
export { resignOpenApiRequest } from '../adapters/pact/openapi-resign.js';
export { startResignProxy, type ResignProxy, type ResignProxyOptions } from '../adapters/pact/resign-proxy.js';
export type { InteractionFailure, VerifierOutcome } from '../adapters/pact/verifier-outcome.js';
export type { OpenApiVerification } from '../adapters/pact/verify-openapi.js';

/** Where provider states create their orders: a running koomock (`koomock serve`, `createEmulator()`). */
export interface EmulatorTarget {
  readonly emulatorUrl: string;
  /** `server.adminToken`, when the emulator has one. */
  readonly adminToken?: string;
}

const ordersOf = (target: EmulatorTarget): PactOrders => createAdminClient(target.emulatorUrl, target.adminToken === undefined ? {} : { token: target.adminToken });
const createTransport: CreatePactTransport = () => createFetchTransport();

/**
 * Writes koomock's produce pact (`<outDir>/koomock-koogallery-<provider>.json`).
 * @example await generateProducePact({ provider: 'my-saas', outDir: 'pacts' });
 */
export const generateProducePact = (options: Omit<GenerateOptions, 'createTransport'>): Promise<GenerateResult> => generate({ ...options, createTransport });

/**
 * Verifies produce pacts against the seller: provider states in the running koomock, requests re-signed.
 * @example (await verifyProducePacts({ sellerUrl, keys, emulatorUrl, pacts: ['pacts'] })).ok
 */
export const verifyProducePacts = (options: Omit<VerifyProduceOptions, 'orders' | 'createTransport'> & EmulatorTarget): Promise<VerifierOutcome> =>
  verifyProduce({ ...options, orders: ordersOf(options), createTransport });

/**
 * Verifies a seller's Open API consumer pacts against koomock's emulation of KooGallery.
 * @example (await verifyOpenApiPacts({ pacts: ['pacts'], emulatorUrl, credentials: { ak, sk, usageKey } })).unmet
 */
export const verifyOpenApiPacts = (options: Omit<VerifyOpenApiOptions, 'orders'> & EmulatorTarget): Promise<OpenApiVerification> =>
  verifyOpenApi({ ...options, orders: ordersOf(options) });

/**
 * The produce provider states, for a Verifier of your own.
 * @example new Verifier({ …, stateHandlers: createProduceStateHandlers({ emulatorUrl, sellerUrl, keys, setSigningMode }) })
 */
export const createProduceStateHandlers = (options: Omit<ProduceStateOptions, 'orders' | 'createTransport'> & EmulatorTarget) =>
  produceStates({ ...options, orders: ordersOf(options), createTransport });

/** The Open API provider states of koomock's emulation, for a Verifier of your own. */
export const createOpenApiStateHandlers = (options: Omit<OpenApiStateOptions, 'orders'> & EmulatorTarget) => openApiStates({ ...options, orders: ordersOf(options) });
