/**
 * APIG's body limit and its one answer (open-api.md §2.3, docs/fidelity.md#d28): the pipeline
 * decides with it for bodies it receives, and an adapter that must stop reading earlier (a declared
 * `Content-Length` over the limit) answers with the same 413, so every adapter sends the same body.
 */
import { type ApiResponse, jsonResponse } from '../http-types.js';
import type { Random } from '../ports.js';
import { toRequestId } from './apig-auth.js';
import { toApigErrorBody } from './error-codes.js';

/** APIG's body limit: 12 MB. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** True when a body of `bytes` bytes is over APIG's limit. */
export const isOverBodyLimit = (bytes: number): boolean => bytes > MAX_BODY_BYTES;

/**
 * The gateway's 413 `APIG.0201` for a body over the limit, exactly as the platform words it.
 * @example toBodyTooLargeResponse(random).status // 413
 */
export function toBodyTooLargeResponse(random: Random): ApiResponse {
  const requestId = toRequestId(random);
  return jsonResponse(413, toApigErrorBody('bodyTooLarge', requestId), { 'x-request-id': requestId });
}
