import { appendQuery } from '../produce/build-context.js';
import type { SignedRequest } from '../produce/types.js';

/**
 * The V2 signature parameters as sent in the URL query: a value, or undefined for "left out".
 * The order of the names is the order koomock writes them in (produce/sign-request.ts).
 */
export interface SignatureParams {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
}

const NAMES = ['signature', 'timestamp', 'nonce'] as const;

/** The parameters a signed request carries. */
export const signatureParamsOf = (request: SignedRequest): SignatureParams => ({
  signature: request.signing.signature,
  timestamp: request.signing.timestamp,
  nonce: request.signing.nonce,
});

/**
 * The request with its signature parameters replaced: the URL is rebuilt on the production
 * address (a V2 call's unsigned URL), a parameter that is undefined is left out of it. `signing`
 * records what was sent ("" for a parameter left out). The body is kept unless one is given.
 * @example
 *   withSignatureParams(signed, { ...signatureParamsOf(signed), nonce: undefined }).url;
 *   // 'https://seller.example/produce?signature=…&timestamp=1680508066618'
 */
export function withSignatureParams(request: SignedRequest, params: SignatureParams, body: string | undefined = request.body): SignedRequest {
  const query = NAMES.flatMap((name) => {
    const value = params[name];
    return value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`];
  }).join('&');
  return {
    ...request,
    url: appendQuery(request.address, query),
    body,
    signing: { signature: params.signature ?? '', timestamp: params.timestamp ?? '', nonce: params.nonce ?? '' },
  };
}
