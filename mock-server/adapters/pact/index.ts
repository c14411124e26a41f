/**
 * `koomock/pact`: Pact contracts for KooGallery sellers. Needs `@pact-foundation/pact` 16 installed
 * next to koomock (an optional peer dependency). docs/pact.md walks through both directions.
 *
 * @example
 *   // The seller verifies koomock's produce pacts in its own JS test suite:
 *   import { Verifier } from '@pact-foundation/pact';
 *   import { createResigningFilter, createProduceStateHandlers } from 'koomock/pact';
 *
 *   let mode = 'valid';
 *   await new Verifier({
 *     providerBaseUrl: 'http://127.0.0.1:8080',
 *     pactUrls: ['node_modules/koomock/contracts/pacts/koomock-koogallery-reference-seller.json'],
 *     stateHandlers: createProduceStateHandlers({ emulatorUrl, sellerUrl, keys, setSigningMode: (m) => (mode = m) }),
 *     requestFilter: createResigningFilter({ keys }, () => { const m = mode; mode = 'valid'; return m; }),
 *     customProviderHeaders: ['Content-Type: application/json;charset=utf-8'],
 *   }).verifyProvider();
 */
export { generateProducePact, PRODUCE_CONSUMER, type GenerateOptions, type GenerateResult } from './generate.js';
export { PRODUCE_INTERACTIONS, PRODUCE_STATES, type ProduceInteraction, type ProduceState } from './produce-interactions.js';
export { createProduceStateHandlers, type ProduceStateOptions } from './produce-states.js';
export { resignProduceRequest, type ResignOptions, type SigningMode } from './resign.js';
export { createResigningFilter, PACT_STATE_PATH, verifyProducePacts, type VerifyProduceOptions } from './verify-produce.js';
export { toVerifierSourceOptions, type PactSourceOptions } from './verifier-options.js';
export { OPENAPI_PROVIDER, verifyOpenApiPacts, type OpenApiVerification, type VerifyOpenApiOptions } from './verify-openapi.js';
export { OPENAPI_STATES, createOpenApiStateHandlers } from './openapi-states.js';
export { resignOpenApiRequest, type OpenApiCredentials } from './openapi-resign.js';
export { startResignProxy, type ResignProxy, type ResignProxyOptions } from './resign-proxy.js';
export type { VerifierOutcome, InteractionFailure } from './verifier-outcome.js';
