/**
 * `koomock pact verify`: replays produce pacts against the seller's real, signature-checking
 * endpoint. Provider states are set up in a running koomock and at the seller; every replayed
 * request is signed again (fresh timestamp, nonce and signature over the bytes forwarded).
 */
import type { RequestHandler } from 'express';
import type { SellerKeys } from '../../core/produce/types.js';
import type { FidelityProfile } from '../../core/profile.js';
import { loadPact } from './load-pact.js';
import { listPactFiles } from './pact-files.js';
import type { CreatePactTransport, PactOrders } from './ports.js';
import { toVerifierOutcome, type VerifierOutcome } from './verifier-outcome.js';
import { createProduceStateHandlers } from './produce-states.js';
import { type ResignOptions, resignProduceRequest, type SigningMode } from './resign.js';
import { type PactSourceOptions, toVerifierSourceOptions } from './verifier-options.js';

/** The path Pact's verifier posts provider-state changes to; it passes the request filter too. */
export const PACT_STATE_PATH = '/_pactSetup';

/** What Pact's proxy is told the body is (it can parse this one). */
const PROXY_CONTENT_TYPE = 'application/json;charset=utf-8';


export interface VerifyProduceOptions extends PactSourceOptions {
  /** The seller's production interface address (its origin is where requests go). */
  readonly sellerUrl: string;
  readonly keys: SellerKeys;
  /** Creates orders in the running koomock the seller's order query goes to. */
  readonly orders: PactOrders;
  readonly createTransport: CreatePactTransport;
  readonly profile?: FidelityProfile;
  /** Re-sign replayed requests (default true). Off only to show that a recorded signature is stale. */
  readonly resign?: boolean;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Express middleware for Pact's verification proxy: skips state calls, re-signs everything else.
 * Pact's proxy has already parsed JSON bodies (and would send `JSON.stringify` of them), so the
 * body is replaced by a Buffer of the signed bytes with its own content-length; Express 5's
 * `req.query` is read-only, so the new URL parameters go into `req.url`.
 * @example
 *   new Verifier({ …, requestFilter: createResigningFilter({ keys }) });
 */
export function createResigningFilter(options: ResignOptions, takeMode: () => SigningMode = () => 'valid'): RequestHandler {
  return (req, _res, next) => {
    if (req.path === PACT_STATE_PATH || req.method !== 'POST') {
      next();
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : req.body !== undefined && typeof req.body === 'object' ? Buffer.from(JSON.stringify(req.body)) : Buffer.alloc(0);
    const out = resignProduceRequest({ pathAndQuery: req.url, headers: req.headers, body: raw }, options, takeMode());
    if (out !== undefined) {
      req.url = out.pathAndQuery;
      req.body = out.body;
      for (const [k, v] of Object.entries(out.setHeaders)) req.headers[k] = v;
    }
    next();
  };
}

/**
 * Runs the verification; resolves with each interaction's result (never rejects for a seller's
 * failure; rejects for bad input such as a missing pact file).
 * @example
 *   await verifyProducePacts({ sellerUrl, keys, emulatorUrl, pacts: ['contracts/pacts'] });
 */
export async function verifyProducePacts(options: VerifyProduceOptions): Promise<VerifierOutcome> {
  const { Verifier } = await loadPact();
  let mode: SigningMode = 'valid';
  const takeMode = (): SigningMode => {
    const m = mode;
    mode = 'valid';
    return m;
  };
  const stateHandlers = createProduceStateHandlers({
    sellerUrl: options.sellerUrl,
    keys: options.keys,
    orders: options.orders,
    createTransport: options.createTransport,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    setSigningMode: (m) => {
      mode = m;
    },
  });
  const resign = options.resign ?? true;
  const verifier = new Verifier({
    providerBaseUrl: new URL(options.sellerUrl).origin,
    ...toVerifierSourceOptions({ ...options, ...(options.pacts === undefined ? {} : { pacts: listPactFiles(options.pacts) }) }, options.env ?? process.env),
    stateHandlers: stateHandlers as never,
    // Pact's proxy parses JSON bodies before any filter runs and rejects `charset=utf8` (the
    // platform's spelling) with 415; the filter puts the pact's own content type back.
    customProviderHeaders: [`Content-Type: ${PROXY_CONTENT_TYPE}`],
    ...(resign ? { requestFilter: createResigningFilter({ keys: options.keys, ...(options.profile === undefined ? {} : { profile: options.profile }) }, takeMode) } : {}),
    logLevel: options.logLevel ?? 'error',
  });
  return verifier.verifyProvider().then(
    (t) => toVerifierOutcome(t, true),
    (e: unknown) => toVerifierOutcome(e, false),
  );
}
