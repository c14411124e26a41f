/**
 * Verifying the marketplace's signature on a V2 produce call, written from koomock's
 * docs/signing.md §1 only: sort the top-level keys of the body, drop null members, serialise
 * compactly, inner = hex HMAC-SHA256(key, payload), signature = hex HMAC-SHA256(key,
 * key + nonce + timestamp + inner), compared case-insensitively; timestamp in milliseconds within
 * 60 s; a nonce is accepted once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const WINDOW_MS = 60_000;

const hmacHex = (key: string, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('hex');

/** The RequestPayload: top-level keys in code-unit order, nulls dropped, nested values as received. */
export function requestPayload(body: Record<string, unknown>): string {
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(body).sort()) if (body[name] !== null) sorted[name] = body[name];
  return JSON.stringify(sorted);
}

export interface SignatureParams {
  readonly signature: string | null;
  readonly timestamp: string | null;
  readonly nonce: string | null;
}

/** Remembers nonces for twice the window, so a replayed call is refused. */
export class NonceBook {
  private readonly seen = new Map<string, number>();
  /** True the first time a nonce is seen. */
  take(nonce: string, now: number): boolean {
    for (const [n, at] of this.seen) if (now - at > 2 * WINDOW_MS) this.seen.delete(n);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

/** Why a call is refused, or undefined when its signature holds. */
export function checkSignature(key: string, body: Record<string, unknown>, p: SignatureParams, now: number, nonces: NonceBook): string | undefined {
  if (p.signature === null || p.timestamp === null || p.nonce === null) return 'signature, timestamp and nonce are required';
  if (!/^\d{13}$/.test(p.timestamp)) return 'timestamp must be 13-digit milliseconds';
  if (Math.abs(now - Number(p.timestamp)) > WINDOW_MS) return 'timestamp outside the 60 s window';
  const inner = hmacHex(key, requestPayload(body));
  const expected = Buffer.from(hmacHex(key, key + p.nonce + p.timestamp + inner), 'utf8');
  const given = Buffer.from(p.signature.toLowerCase(), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  if (!nonces.take(p.nonce, now)) return 'nonce already used';
  return undefined;
}
