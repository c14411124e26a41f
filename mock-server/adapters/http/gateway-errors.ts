/**
 * Answers the adapter gives before the Open API pipeline can run: the body could not be read.
 * A body over APIG's limit gets the pipeline's own 413 `APIG.0201` (core/openapi/body-limit.ts);
 * any other unreadable body (an upload cut short) is `MKT.0199` "Request parameter error".
 */
import type { ApiResponse } from '../../core/http-types.js';
import { MAX_BODY_BYTES, toBodyTooLargeResponse } from '../../core/openapi/body-limit.js';
import { toErrorResponse } from '../../core/openapi/responses.js';
import type { Random } from '../../core/ports.js';

export { MAX_BODY_BYTES };

/** The `type` body-parser gives the error for a body over the limit. */
const TOO_LARGE = 'entity.too.large';

const errorType = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string' ? (err as { type: string }).type : undefined;

/** True for the error body-parser raises when the body is over MAX_BODY_BYTES. */
export const isBodyTooLarge = (err: unknown): boolean => errorType(err) === TOO_LARGE;

/** True for errors raised while reading a body (body-parser sets `type`), as opposed to bugs. */
export const isBodyReadError = (err: unknown): boolean => errorType(err) !== undefined;

/** The error to pass on when a declared `Content-Length` is already over the limit. */
export const bodyTooLargeError = (): Error => Object.assign(new Error('request entity too large'), { type: TOO_LARGE, status: 413 });

/**
 * The answer for a body that could not be read.
 * @example toBodyErrorResponse({ type: 'entity.too.large' }, random).status // 413
 */
export function toBodyErrorResponse(err: unknown, random: Random): ApiResponse {
  if (isBodyTooLarge(err)) return toBodyTooLargeResponse(random);
  return toErrorResponse('MKT.0199', 'the request body could not be read (the connection ended before Content-Length bytes arrived): send the whole body');
}
