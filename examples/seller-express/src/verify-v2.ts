import { createHmac } from 'node:crypto';
import type { NonceCache } from './nonce-cache.js';
import { isSameHex } from './secure-compare.js';
import { toSigningPayload } from './signing-payload.js';
import { checkTimestamp, MAX_NONCE_LENGTH, type Verdict } from './verdict.js';

const hmacHex = (key: string, message: string): string => createHmac('sha256', key).update(message, 'utf8').digest('hex');

/**
 * The V2 basic / orderNotify signature (produce-api.md §6.1):
 * inner = hex HMAC-SHA256(key, payload); signature = hex HMAC-SHA256(key, key + nonce + timestamp + inner).
 * Returns lower-case hex; the marketplace sends upper case, so compare case-insensitively.
 * @example
 *   computeV2Signature('testAccessKey123', payload, '50D8…17DA', '1680508066618'); // 'bef083bc…7889'
 */
export function computeV2Signature(key: string, payload: string, nonce: string, timestamp: string): string {
  const inner = hmacHex(key, payload);
  return hmacHex(key, key + nonce + timestamp + inner);
}

export interface V2SignedRequest {
  /** The request body exactly as received (UTF-8 text). */
  readonly rawBody: string;
  /** URL query parameters `signature`, `timestamp`, `nonce`. */
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
}

export interface VerifyOptions {
  readonly key: string;
  readonly nowMs: number;
  readonly windowMs: number;
  readonly nonces: NonceCache;
}

/**
 * Verifies a V2 produce call. Order matters: cheap checks first, the HMAC next, and the nonce is
 * remembered only once the signature is known to be good.
 * @example
 *   const v = verifyV2Signature({ rawBody, signature, timestamp, nonce }, { key, nowMs: Date.now(), windowMs: 60_000, nonces });
 *   if (!v.ok) reply('000001', v.detail);
 */
export function verifyV2Signature(req: V2SignedRequest, opts: VerifyOptions): Verdict {
  const { signature, timestamp, nonce } = req;
  if (!signature || !timestamp || !nonce) {
    const name = !signature ? 'signature' : !timestamp ? 'timestamp' : 'nonce';
    return { ok: false, reason: 'missing', detail: `URL query parameter "${name}" is missing` };
  }
  if (nonce.length > MAX_NONCE_LENGTH) {
    return { ok: false, reason: 'malformed', detail: `nonce is longer than ${MAX_NONCE_LENGTH} characters` };
  }
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) {
    return { ok: false, reason: 'malformed', detail: 'signature must be 64 hex characters' };
  }
  const time = checkTimestamp(timestamp, opts.nowMs, opts.windowMs);
  if (!time.ok) return time;
  const payload = toSigningPayload(req.rawBody);
  if (payload === undefined) {
    return { ok: false, reason: 'malformed', detail: 'the body is not a JSON object, so its signature cannot be checked' };
  }
  if (!isSameHex(signature, computeV2Signature(opts.key, payload, nonce, timestamp))) {
    return { ok: false, reason: 'mismatch', detail: 'signature does not match the body (is the key of the right interface category configured?)' };
  }
  if (!opts.nonces.remember(`v2:${nonce}`, time.ms, opts.nowMs)) {
    return { ok: false, reason: 'replayed', detail: 'nonce was already used within the time window' };
  }
  return { ok: true };
}
