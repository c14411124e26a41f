import { computeKitSignature, computeV1AuthToken, computeV2Signature, parseJsonObject, toCanonicalJson } from '../signing/index.js';
import { appendQuery, type BuildContext } from './build-context.js';
import { toV1Query } from './build-v1.js';
import { createNonce } from './nonce.js';
import { keyFor } from './seller-keys.js';
import { toMillisTime } from '../market/time-format.js';
import type { ProduceRequest, SellerKeys, SignedRequest } from './types.js';

type SignOverrides = Readonly<Record<string, string | null>> | undefined;

/**
 * A generated signature parameter unless overridden: a string replaces it (and is what gets
 * signed), `null` leaves it out of the request.
 */
function pick(overrides: SignOverrides, name: string, generated: string): { value: string; send: boolean } {
  const o = overrides?.[name];
  if (o === null) return { value: generated, send: false };
  return { value: o ?? generated, send: true };
}

const toQuery = (pairs: readonly (readonly [string, { value: string; send: boolean }])[]): string =>
  pairs
    .filter(([, p]) => p.send)
    .map(([k, p]) => `${k}=${encodeURIComponent(p.value)}`)
    .join('&');

/**
 * Signs a built request with the key of its category. V2 and orderNotify: URL parameters
 * `signature`, `timestamp` (wall clock, ms or seconds per docs/fidelity.md#d3) and `nonce` (docs/fidelity.md#d4), hex case per docs/fidelity.md#d5.
 * Kit: headers `x-sign`, `x-timestamp` (ms), `x-nonce`, over the key-sorted body (the body itself
 * keeps the documented field order, docs/fidelity.md#answer-rules-and-timing). V1: `timeStamp` (17-digit UTC) and a
 * URL-encoded `authToken`. `signOverrides` replace or drop any of these; a replaced timestamp or
 * nonce is also what gets signed, so a stale-timestamp probe still carries a valid signature.
 * @example
 *   const signed = signProduceRequest(buildProduceRequest(spec, ctx), { basic: key }, ctx);
 *   signed.url; // 'https://seller.example/produce?signature=…&timestamp=1680508066618&nonce=…'
 */
export function signProduceRequest(req: ProduceRequest, keys: SellerKeys, ctx: BuildContext, signOverrides?: SignOverrides): SignedRequest {
  const key = keyFor(req.keyCategory, keys);
  const wall = ctx.clock.wallNow();
  if (req.family === 'v1') {
    const timeStamp = pick(signOverrides, 'timeStamp', toMillisTime(wall));
    const params = { ...req.params, ...(timeStamp.send ? { timeStamp: timeStamp.value } : {}) };
    const authToken = pick(signOverrides, 'authToken', computeV1AuthToken({ key, params }));
    const query = toV1Query(params) + (authToken.send ? `&authToken=${encodeURIComponent(authToken.value)}` : '');
    return { ...req, url: appendQuery(req.address, query), signing: { timestamp: timeStamp.value, signature: authToken.value } };
  }
  const payload = req.body ?? '';
  const caseOf = (hex: string) => (ctx.profile.signatureCase === 'upper' ? hex.toUpperCase() : hex.toLowerCase());
  const nonceValue = createNonce(ctx.random, ctx.profile.nonce);
  if (req.family === 'kit') {
    // Kit bodies go out in the documented field order; the signature covers the key-sorted form.
    const parsed = parseJsonObject(payload);
    const signedPayload = parsed === undefined ? payload : toCanonicalJson(parsed);
    const timestamp = pick(signOverrides, 'x-timestamp', String(wall));
    const nonce = pick(signOverrides, 'x-nonce', nonceValue);
    const sign = pick(signOverrides, 'x-sign', caseOf(computeKitSignature({ key, payload: signedPayload, timestamp: timestamp.value, nonce: nonce.value })));
    const headers: Record<string, string> = { ...req.headers };
    for (const [name, p] of [['x-sign', sign], ['x-timestamp', timestamp], ['x-nonce', nonce]] as const) if (p.send) headers[name] = p.value;
    return { ...req, headers, signing: { timestamp: timestamp.value, nonce: nonce.value, signature: sign.value } };
  }
  const unit = ctx.profile.timestampUnit === 'seconds' ? Math.floor(wall / 1000) : wall;
  const timestamp = pick(signOverrides, 'timestamp', String(unit));
  const nonce = pick(signOverrides, 'nonce', nonceValue);
  const signature = pick(signOverrides, 'signature', caseOf(computeV2Signature({ key, payload, timestamp: timestamp.value, nonce: nonce.value })));
  const query = toQuery([
    ['signature', signature],
    ['timestamp', timestamp],
    ['nonce', nonce],
  ]);
  return { ...req, url: appendQuery(req.url, query), signing: { timestamp: timestamp.value, nonce: nonce.value, signature: signature.value } };
}
