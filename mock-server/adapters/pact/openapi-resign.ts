/**
 * Re-signing of a seller's replayed Open API requests (the seller is the consumer, koomock's
 * emulation the provider): APIG `SDK-HMAC-SHA256` with the configured AK/SK, and for the usage push
 * also the body signature (`signature`/`ts`/`nonce` headers) with the usage key, over exactly the
 * bytes forwarded.
 */
import { randomBytes } from 'node:crypto';
import type { RouteAuth } from '../../core/openapi/route.js';
import { OPEN_API_ROUTES } from '../../core/openapi/routes.js';
import { computeUsageSignature, signApigRequest } from '../../core/signing/index.js';

export interface OpenApiCredentials {
  readonly ak: string;
  readonly sk: string;
  /** The ISV key of the usage-push body signature. */
  readonly usageKey: string;
}

export type OpenApiSigningMode = 'valid' | 'wrong-sk';

export interface OpenApiForwarded {
  readonly method: string;
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

const USAGE_PUSH_PATH = '/api/mkp-openapi-public/global/v1/isv/usage-data';
const toPattern = (path: string): RegExp => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
const ROUTES: readonly { pattern: RegExp; auth: RouteAuth }[] = OPEN_API_ROUTES.map((r) => ({ pattern: toPattern(r.path), auth: r.auth }));

/** True when the emulation checks an APIG signature on this path. */
export const needsApigSignature = (path: string): boolean => ROUTES.some((r) => r.auth === 'apig' && r.pattern.test(path));

/**
 * The headers to set on the forwarded request (empty for unsigned routes such as OAuth).
 * @example
 *   resignOpenApiRequest({ method: 'GET', pathAndQuery: '/api/…/order/query?orderId=X', headers: { host }, body }, creds);
 *   // { Authorization: 'SDK-HMAC-SHA256 Access=…', 'X-Sdk-Date': '20261207T020000Z' }
 */
export function resignOpenApiRequest(req: OpenApiForwarded, creds: OpenApiCredentials, mode: OpenApiSigningMode = 'valid', now = Date.now()): Record<string, string> {
  const path = req.pathAndQuery.split('?')[0] ?? '/';
  if (!needsApigSignature(path)) return {};
  const set: Record<string, string> = {};
  if (path === USAGE_PUSH_PATH) {
    const ts = String(now);
    const nonce = randomBytes(16).toString('hex');
    Object.assign(set, { ts, nonce, signature: computeUsageSignature({ key: creds.usageKey, ts, nonce, body: req.body }) });
  }
  const host = typeof req.headers.host === 'string' ? req.headers.host : '127.0.0.1';
  const contentType = typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : undefined;
  const signed = signApigRequest({
    method: req.method,
    url: `http://${host}${req.pathAndQuery}`,
    headers: { Host: host, ...(contentType === undefined ? {} : { 'Content-Type': contentType }) },
    body: req.body,
    ak: creds.ak,
    sk: mode === 'wrong-sk' ? `${creds.sk}-not-the-secret-key` : creds.sk,
    now,
  });
  return { ...set, Authorization: signed.authorization, 'X-Sdk-Date': signed.headers['X-Sdk-Date'] ?? '' };
}
