import { createHmac } from 'node:crypto';
import { isSameHex } from './secure-compare.js';
import { toSigningPayload } from './signing-payload.js';
import { checkTimestamp, MAX_NONCE_LENGTH, type Verdict } from './verdict.js';
import type { VerifyOptions } from './verify-v2.js';

/**
 * The joint-operation kit signature (produce-api.md §6.2, open-api.md §4.1): unlike V2 there is no
 * inner HMAC; x-sign = hex HMAC-SHA256(key, key + nonce + timestamp + payload).
 * @example
 *   computeKitSignature('testAccessKey123', payload, '50D8…17DA', '1680508066618'); // '258ae3a7…a8e9'
 */
export function computeKitSignature(key: string, payload: string, nonce: string, timestamp: string): string {
  return createHmac('sha256', key).update(key + nonce + timestamp + payload, 'utf8').digest('hex');
}

export interface KitSignedRequest {
  readonly rawBody: string;
  /** Headers `x-sign`, `x-timestamp`, `x-nonce`. */
  readonly sign: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
}

/**
 * Verifies a kit call (`/produceAPI/v2/*Sync`) with the 联营SaaS同步接口 (kit) key.
 * @example
 *   verifyKitSignature({ rawBody, sign: req.get('x-sign'), timestamp: req.get('x-timestamp'), nonce: req.get('x-nonce') }, opts);
 */
export function verifyKitSignature(req: KitSignedRequest, opts: VerifyOptions): Verdict {
  const { sign, timestamp, nonce } = req;
  if (!sign || !timestamp || !nonce) {
    const name = !sign ? 'x-sign' : !timestamp ? 'x-timestamp' : 'x-nonce';
    return { ok: false, reason: 'missing', detail: `header "${name}" is missing` };
  }
  if (nonce.length > MAX_NONCE_LENGTH) {
    return { ok: false, reason: 'malformed', detail: `x-nonce is longer than ${MAX_NONCE_LENGTH} characters` };
  }
  if (!/^[0-9a-fA-F]{64}$/.test(sign)) {
    return { ok: false, reason: 'malformed', detail: 'x-sign must be 64 hex characters' };
  }
  const time = checkTimestamp(timestamp, opts.nowMs, opts.windowMs);
  if (!time.ok) return time;
  const payload = toSigningPayload(req.rawBody);
  if (payload === undefined) {
    return { ok: false, reason: 'malformed', detail: 'the body is not a JSON object, so its signature cannot be checked' };
  }
  if (!isSameHex(sign, computeKitSignature(opts.key, payload, nonce, timestamp))) {
    return { ok: false, reason: 'mismatch', detail: 'x-sign does not match the body (is the kit key configured?)' };
  }
  if (!opts.nonces.remember(`kit:${nonce}`, time.ms, opts.nowMs)) {
    return { ok: false, reason: 'replayed', detail: 'x-nonce was already used within the time window' };
  }
  return { ok: true };
}
