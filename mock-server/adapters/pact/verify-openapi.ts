/**
 * `koomock pact verify-openapi`: a seller's consumer pacts for the Open APIs (order query, usage
 * push, file upload, OAuth) verified against koomock's emulation of KooGallery as the provider.
 * Requests are re-signed with the configured AK/SK (and usage key); what fails is reported as
 * what the emulated platform would not do (a field it does not send, a status it does not answer).
 */
import { KoomockError } from '../../core/errors.js';
import type { InstanceRecord } from '../../core/market/instance.js';
import { loadPact } from './load-pact.js';
import { OPENAPI_STATES, createOpenApiStateHandlers } from './openapi-states.js';
import { type OpenApiCredentials, type OpenApiSigningMode, resignOpenApiRequest } from './openapi-resign.js';
import { listPactFiles, readProviderStates } from './pact-files.js';
import type { PactOrders } from './ports.js';
import { PACT_STATE_PATH } from './verify-produce.js';
import { toUnmetExpectations, type UnmetExpectation } from './openapi-report.js';
import { toVerifierOutcome, type VerifierOutcome } from './verifier-outcome.js';

/** The provider name sellers give koomock's emulation in their consumer pacts (a suggestion; any name verifies). */
export const OPENAPI_PROVIDER = 'koomock-koogallery-openapi';

export interface VerifyOpenApiOptions {
  readonly pacts: readonly string[];
  /** The running koomock emulation to verify against. */
  readonly emulatorUrl: string;
  /** Creates orders in that emulation (provider states). */
  readonly orders: PactOrders;
  readonly credentials: OpenApiCredentials;
  /** Records instances in the emulation (state "an ON_DEMAND instance exists"); `EmulatorBackend.market.putInstance`. */
  readonly putInstance?: (instance: InstanceRecord) => void | Promise<void>;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

export interface OpenApiVerification extends VerifierOutcome {
  readonly unmet: readonly UnmetExpectation[];
}

/**
 * @example
 *   const v = await verifyOpenApiPacts({ pacts: ['pacts/'], emulatorUrl: emulator.url, credentials: { ak, sk, usageKey } });
 *   v.unmet; // [{ interaction: '…', expectation: 'field orderInfo.foo', detail: '…' }]
 */
export async function verifyOpenApiPacts(options: VerifyOpenApiOptions): Promise<OpenApiVerification> {
  const files = listPactFiles(options.pacts);
  const known: readonly string[] = Object.values(OPENAPI_STATES);
  const unknown = readProviderStates(files).filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    throw new KoomockError('USAGE', `provider state ${unknown.map((s) => JSON.stringify(s)).join(', ')} is not one koomock's emulation sets up; use one of: ${known.map((s) => JSON.stringify(s)).join(', ')} (docs/pact.md)`);
  }
  const { Verifier } = await loadPact();
  let mode: OpenApiSigningMode = 'valid';
  const stateHandlers = createOpenApiStateHandlers({
    orders: options.orders,
    ...(options.putInstance === undefined ? {} : { putInstance: options.putInstance }),
    setSigningMode: (m) => {
      mode = m;
    },
  });
  const verifier = new Verifier({
    providerBaseUrl: options.emulatorUrl,
    pactUrls: files,
    stateHandlers: stateHandlers as never,
    requestFilter: (req, _res, next) => {
      if (req.path === PACT_STATE_PATH) {
        next();
        return;
      }
      // Pact's proxy parsed JSON and would forward JSON.stringify of it: sign and send one Buffer.
      const body = Buffer.isBuffer(req.body) ? req.body : req.body !== undefined && typeof req.body === 'object' && Object.keys(req.body as object).length > 0 ? Buffer.from(JSON.stringify(req.body)) : Buffer.alloc(0);
      const set = resignOpenApiRequest({ method: req.method, pathAndQuery: req.url, headers: req.headers, body }, options.credentials, mode);
      mode = 'valid';
      req.body = body;
      req.headers['content-length'] = String(body.length);
      for (const [k, v] of Object.entries(set)) req.headers[k.toLowerCase()] = v;
      next();
    },
    logLevel: options.logLevel ?? 'error',
    failIfNoPactsFound: true,
  });
  const outcome = await verifier.verifyProvider().then(
    (t) => toVerifierOutcome(t, true),
    (e: unknown) => toVerifierOutcome(e, false),
  );
  return { ...outcome, unmet: toUnmetExpectations(outcome.failures) };
}
