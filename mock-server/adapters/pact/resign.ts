/**
 * Re-signing of replayed produce requests. A signature recorded in a pact is stale (outside the
 * 60 s window, nonce already used), so every request a verifier replays is signed again, with the
 * seller's real key, a fresh timestamp and nonce, over exactly the bytes forwarded. Used by the
 * Pact verifier's `requestFilter` and by `koomock pact resign-proxy`.
 */
import { createCryptoRandom } from '../../app/random.js';
import type { Clock } from '../../core/ports.js';
import { BASIC_CONTENT_TYPE, GENERAL_CONTENT_TYPE } from '../../core/produce/build-v2.js';
import { signProduceRequest } from '../../core/produce/sign-request.js';
import { KIT_OPERATIONS, type KeyCategory, type ProduceRequest, type SellerKeys } from '../../core/produce/types.js';
import { DEFAULT_PROFILE, type FidelityProfile } from '../../core/profile.js';
import { isJsonObject, toCanonicalJson } from '../../core/signing/index.js';

/** How the next request is signed: as the platform does, or broken the way a provider state asks. */
export type SigningMode = 'valid' | 'wrong-key' | 'stale-timestamp';

/** A request about to be forwarded: path with query, headers (lower-case), body bytes. */
export interface ForwardedRequest {
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

/** The same request, signed again. `body` is exactly what the signature covers. */
export interface ResignedRequest {
  readonly pathAndQuery: string;
  /** Headers to set (content-length and, for kit calls, x-sign/x-timestamp/x-nonce). */
  readonly setHeaders: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly activity: string;
}

export interface ResignOptions {
  readonly keys: SellerKeys;
  readonly profile?: FidelityProfile;
  readonly clock?: Pick<Clock, 'wallNow'>;
}

const SIGNATURE_PARAMS = new Set(['signature', 'timestamp', 'nonce']);
const STALE_MS = 10 * 60_000;
const WRONG_KEY = 'koomock-contract-a-key-that-is-not-the-sellers';
const KIT_PATH = new RegExp(`/produceAPI/v2/(${KIT_OPERATIONS.join('|')})$`);

function parseBody(body: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(body).toString('utf8'));
    return isJsonObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs a produce request again; undefined when it is not one (not JSON, no activity, a GET).
 * V2 calls get new `signature`, `timestamp` and `nonce` URL parameters; kit calls new `x-sign`,
 * `x-timestamp` and `x-nonce` headers. The body is written as koomock sends it (top-level keys
 * sorted, compact), whatever a proxy made of it on the way.
 * @example
 *   const out = resignProduceRequest({ pathAndQuery: '/produce?signature=old&timestamp=1&nonce=n', headers, body }, { keys });
 *   out?.pathAndQuery; // '/produce?signature=…&timestamp=<now>&nonce=…'
 */
export function resignProduceRequest(input: ForwardedRequest, options: ResignOptions, mode: SigningMode = 'valid'): ResignedRequest | undefined {
  const value = parseBody(input.body);
  if (value === undefined) return undefined;
  const url = new URL(input.pathAndQuery, 'http://seller.invalid');
  const kit = KIT_PATH.exec(url.pathname);
  const activity = kit?.[1] ?? (typeof value.activity === 'string' ? value.activity : undefined);
  if (activity === undefined) return undefined;
  for (const name of SIGNATURE_PARAMS) url.searchParams.delete(name);
  const body = toCanonicalJson(value);
  const keyCategory: KeyCategory = kit !== null ? 'kit' : activity === 'orderNotify' ? 'general' : 'basic';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  // The content type koomock's builders send for this call (a proxy on the way may have changed it).
  const contentType = keyCategory === 'basic' ? BASIC_CONTENT_TYPE : GENERAL_CONTENT_TYPE;
  headers['content-type'] = contentType;
  const request: ProduceRequest = {
    activity,
    family: kit !== null ? 'kit' : 'v2',
    method: 'POST',
    address: url.href,
    url: url.href,
    headers,
    body,
    keyCategory,
  };
  const wall = options.clock?.wallNow() ?? Date.now();
  const at = mode === 'stale-timestamp' ? wall - STALE_MS : wall;
  const keys = mode === 'wrong-key' ? { basic: WRONG_KEY, general: WRONG_KEY, kit: WRONG_KEY } : options.keys;
  const ctx = { profile: options.profile ?? DEFAULT_PROFILE, clock: { wallNow: () => at, now: () => at, advance: () => {} }, random: createCryptoRandom() };
  const signed = signProduceRequest(request, keys, ctx);
  const out = new URL(signed.url);
  const bytes = Buffer.from(body, 'utf8');
  const setHeaders: Record<string, string> = { 'content-length': String(bytes.length), 'content-type': contentType };
  if (kit !== null) for (const name of ['x-sign', 'x-timestamp', 'x-nonce']) setHeaders[name] = signed.headers[name] ?? '';
  return { pathAndQuery: `${out.pathname}${out.search}`, setHeaders, body: bytes, activity };
}
