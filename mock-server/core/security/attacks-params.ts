/**
 * Attacks on the signature parameters themselves: left out, stale, or in the wrong unit. Where a
 * parameter is left out, the signature is valid for it read as "", so only a seller that requires
 * the parameter rejects the call.
 */
import { type Attack, STALE_BY_MS, toTimestamp } from './forgery.js';
import { signatureParamsOf, withSignatureParams } from './signature-params.js';

export const signatureMissing: Attack = (request) => ({
  request: withSignatureParams(request, { ...signatureParamsOf(request), signature: undefined }),
  detail: 'no signature parameter; timestamp and nonce present',
});

export const timestampMissing: Attack = (request, tools) => {
  const params = signatureParamsOf(request);
  const signature = tools.sign(request, { payload: request.body ?? '', timestamp: '', nonce: params.nonce ?? '' });
  return {
    request: withSignatureParams(request, { ...params, signature, timestamp: undefined }),
    detail: 'no timestamp parameter; the signature is valid for an empty timestamp',
  };
};

export const nonceMissing: Attack = (request, tools) => {
  const params = signatureParamsOf(request);
  const signature = tools.sign(request, { payload: request.body ?? '', timestamp: params.timestamp ?? '', nonce: '' });
  return {
    request: withSignatureParams(request, { ...params, signature, nonce: undefined }),
    detail: 'no nonce parameter; the signature is valid for an empty nonce',
  };
};

/** A timestamp five minutes old, correctly signed: only the time window can stop it. */
export const timestampStale: Attack = (request, tools) => {
  const params = signatureParamsOf(request);
  const timestamp = toTimestamp(tools.wallNow() - STALE_BY_MS, tools.timestampUnit);
  const signature = tools.sign(request, { payload: request.body ?? '', timestamp, nonce: params.nonce ?? '' });
  return {
    request: withSignatureParams(request, { ...params, signature, timestamp }),
    detail: `timestamp ${timestamp}, ${STALE_BY_MS / 60_000} minutes old, correctly signed`,
  };
};

/**
 * The current time as a 10-digit seconds timestamp, correctly signed. Read as milliseconds (docs/fidelity.md#d3)
 * it is in January 1970, so a seller that checks the window rejects it; one that rescales
 * 10-digit values lets a second-precision timestamp through.
 */
export const timestampInSeconds: Attack = (request, tools) => {
  const params = signatureParamsOf(request);
  const timestamp = toTimestamp(tools.wallNow(), 'seconds');
  const signature = tools.sign(request, { payload: request.body ?? '', timestamp, nonce: params.nonce ?? '' });
  return {
    request: withSignatureParams(request, { ...params, signature, timestamp }),
    detail: `timestamp ${timestamp} (seconds, 10 digits), correctly signed`,
  };
};
