/**
 * Answers the adapter gives before the Open API pipeline can run: the body could not be read.
 * Bodies over 12 MB are APIG's `APIG.0201` 413 (open-api.md §2.3, docs/fidelity.md#d28); any other unreadable body
 * (an upload cut short) is `MKT.0199` "Request parameter error".
 */
import { type ApiResponse, jsonResponse } from '../../core/http-types.js';
import { toRequestId } from '../../core/openapi/apig-auth.js';
import { MAX_BODY_BYTES } from '../../core/openapi/dispatch.js';
import { toApigErrorBody } from '../../core/openapi/error-codes.js';
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

/**
 * The gateway answer for a body that could not be read.
 * @example toBodyErrorResponse({ type: 'entity.too.large' }, random).status // 413
 */
export function toBodyErrorResponse(err: unknown, random: Random): ApiResponse {
  if (isBodyTooLarge(err)) {
    const requestId = toRequestId(random);
    const detail = `the body is larger than ${MAX_BODY_BYTES} bytes (12 MB), the API gateway's limit: send a smaller body`;
    return jsonResponse(413, toApigErrorBody('bodyTooLarge', requestId, detail), { 'x-request-id': requestId });
  }
  return toErrorResponse('MKT.0199', 'the request body could not be read (the connection ended before Content-Length bytes arrived): send the whole body');
}
