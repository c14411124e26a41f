/**
 * Attacks on a legacy V1 call (GET, query parameters, `timeStamp` and `authToken`,
 * docs/signing.md). The parameters stay as the valid call's; only `timeStamp` or `authToken` change.
 */
import { toV1Query } from '../produce/build-v1.js';
import { appendQuery } from '../produce/build-context.js';
import type { SignedRequest } from '../produce/types.js';
import { toMillisTime } from '../market/time-format.js';
import { type Attack, STALE_BY_MS } from './forgery.js';

/** The request with `timeStamp` and `authToken` replaced, its URL rebuilt the way the signer writes it. */
function withV1Auth(request: SignedRequest, timeStamp: string, authToken: string): SignedRequest {
  const params = { ...(request.params ?? {}), timeStamp };
  return {
    ...request,
    url: appendQuery(request.address, `${toV1Query(params)}&authToken=${encodeURIComponent(authToken)}`),
    signing: { timestamp: timeStamp, signature: authToken },
  };
}

/** Signed correctly, with a key that is not the seller's. */
export const v1WrongKey: Attack = (request, tools) => {
  const timeStamp = request.signing.timestamp;
  const authToken = tools.signV1({ params: { ...(request.params ?? {}), timeStamp }, key: 'wrong' });
  return { request: withV1Auth(request, timeStamp, authToken), detail: 'authToken computed with a key that is not the seller\'s' };
};

/** A `timeStamp` five minutes old, correctly signed (the authToken's key includes it). */
export const v1TimestampStale: Attack = (request, tools) => {
  const timeStamp = toMillisTime(tools.wallNow() - STALE_BY_MS);
  const authToken = tools.signV1({ params: { ...(request.params ?? {}), timeStamp } });
  return { request: withV1Auth(request, timeStamp, authToken), detail: `timeStamp ${timeStamp} (UTC), ${STALE_BY_MS / 60_000} minutes old, correctly signed` };
};
