/**
 * Attacks on a joint-operation kit call (headers `x-sign`, `x-timestamp`, `x-nonce`, signed with
 * the kit key over the key-sorted body, docs/joint-operation.md). The body and URL stay as the valid
 * call's; only the headers change.
 */
import { parseJsonObject, toCanonicalJson } from '../signing/index.js';
import type { SignedRequest } from '../produce/types.js';
import type { ForgeryKey } from './attack-tools.js';
import { type Attack, STALE_BY_MS } from './forgery.js';

interface KitHeaders {
  readonly sign: string;
  readonly timestamp: string;
  readonly nonce: string;
}

/** The request with its kit headers replaced; `signing` records what was sent. */
function withKitHeaders(request: SignedRequest, h: KitHeaders): SignedRequest {
  return {
    ...request,
    headers: { ...request.headers, 'x-sign': h.sign, 'x-timestamp': h.timestamp, 'x-nonce': h.nonce },
    signing: { signature: h.sign, timestamp: h.timestamp, nonce: h.nonce },
  };
}

/** What the kit signature covers: the body with its keys sorted (the body itself keeps the documented order). */
const signedPayload = (body: string | undefined): string => {
  const parsed = parseJsonObject(body ?? '');
  return parsed === undefined ? (body ?? '') : toCanonicalJson(parsed);
};

const resigned = (key: ForgeryKey): Attack => (request, tools) => {
  const { timestamp } = request.signing;
  const nonce = request.signing.nonce ?? '';
  const sign = tools.signKit({ payload: signedPayload(request.body), timestamp, nonce, key });
  return {
    request: withKitHeaders(request, { sign, timestamp, nonce }),
    detail: key === 'basic' ? 'x-sign computed with the seller\'s basic (基础接口) key instead of the kit key' : 'x-sign computed with a key that is not the seller\'s',
  };
};

/** Signed correctly, with a key that is not the seller's. */
export const kitWrongKey: Attack = resigned('wrong');

/** Signed correctly, with the seller's basic key: what a seller verifying kit calls with the basic key accepts. */
export const kitBasicKey: Attack = resigned('basic');

/** An `x-timestamp` five minutes old (always milliseconds for kit calls), correctly signed. */
export const kitTimestampStale: Attack = (request, tools) => {
  const nonce = request.signing.nonce ?? '';
  const timestamp = String(tools.wallNow() - STALE_BY_MS);
  const sign = tools.signKit({ payload: signedPayload(request.body), timestamp, nonce });
  return {
    request: withKitHeaders(request, { sign, timestamp, nonce }),
    detail: `x-timestamp ${timestamp}, ${STALE_BY_MS / 60_000} minutes old, correctly signed`,
  };
};
