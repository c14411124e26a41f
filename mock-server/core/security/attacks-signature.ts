/**
 * Attacks on what the signature covers: the body, the key, the activity.
 */
import { parseJsonObject, toCanonicalJson } from '../signing/index.js';
import type { Attack } from './forgery.js';
import { signatureParamsOf, withSignatureParams } from './signature-params.js';

/** The field whose value differs between the signed body and the sent one: the first present. */
const TAMPER_FIELDS = ['instanceId', 'orderLineId', 'orderId', 'businessId', 'status', 'scene'] as const;

/** Another value of the same shape (last character changed), so only the signature can tell. */
const otherValue = (v: string): string => `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}`;

/** The activity whose signature is copied: a harmless read for a write, a write for the read. */
const otherActivity = (activity: string): string => (activity === 'queryInstance' ? 'releaseInstance' : 'queryInstance');

const bodyOf = (body: string | undefined): Record<string, unknown> => parseJsonObject(body ?? '') ?? {};

/**
 * Signs a body that differs in one field value, sends the request's own body: on the wire this is a
 * signed request whose field was changed afterwards (a captured call re-targeted).
 */
export const bodyChangedAfterSigning: Attack = (request, tools) => {
  const body = bodyOf(request.body);
  const field = TAMPER_FIELDS.find((f) => typeof body[f] === 'string') ?? 'activity';
  const sent = String(body[field] ?? '');
  const signedValue = otherValue(sent);
  const params = signatureParamsOf(request);
  const signature = tools.sign(request, { payload: toCanonicalJson({ ...body, [field]: signedValue }), timestamp: params.timestamp ?? '', nonce: params.nonce ?? '' });
  return {
    request: withSignatureParams(request, { ...params, signature }),
    detail: `signed with ${field} ${JSON.stringify(signedValue)}, sent with ${field} ${JSON.stringify(sent)}`,
  };
};

/** Signed correctly, with a key that is not the seller's. */
export const wrongKey: Attack = (request, tools) => {
  const params = signatureParamsOf(request);
  const signature = tools.sign(request, { payload: request.body ?? '', timestamp: params.timestamp ?? '', nonce: params.nonce ?? '', key: 'wrong' });
  return { request: withSignatureParams(request, { ...params, signature }), detail: 'signed with a key that is not the seller\'s' };
};

/**
 * The signature, timestamp and nonce of another activity's body for the same ids (a captured
 * queryInstance reused on a releaseInstance): valid parameters, but not for this body.
 */
export const signatureOfOtherActivity: Attack = (request, tools) => {
  const body = bodyOf(request.body);
  const other = otherActivity(request.activity);
  const params = signatureParamsOf(request);
  const signature = tools.sign(request, { payload: toCanonicalJson({ ...body, activity: other }), timestamp: params.timestamp ?? '', nonce: params.nonce ?? '' });
  return {
    request: withSignatureParams(request, { ...params, signature }),
    detail: `signature, timestamp and nonce of the same body with activity ${JSON.stringify(other)}, sent with activity ${JSON.stringify(request.activity)}`,
  };
};
