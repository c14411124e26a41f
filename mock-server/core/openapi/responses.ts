/**
 * The error answers of the fake Open APIs in each API's own envelope (open-api.md §3.6, docs/fidelity.md#d23, #d24, §6).
 */
import { type ApiResponse, jsonResponse } from '../http-types.js';
import { type CbcCode, type MktCode, toErrorBody, toHttpStatus, toResultBody } from './error-codes.js';
import type { Envelope } from './request-context.js';

const MAX_EXTRA_INFO = 1000;

const clip = (text: string): string => (text.length > MAX_EXTRA_INFO ? `${text.slice(0, MAX_EXTRA_INFO - 1)}…` : text);

/**
 * An `error_code`/`error_msg` answer; `detail` travels as `extra_info` (what was expected, what was received).
 * @example toErrorResponse('MKT.9001', 'usage_records[0].instance_id … is not an on-demand instance of this seller')
 */
export const toErrorResponse = (code: MktCode | CbcCode, detail?: string): ApiResponse =>
  jsonResponse(toHttpStatus(code), toErrorBody(code, detail === undefined ? {} : { extraInfo: clip(detail) }));

/**
 * A `resultCode`/`resultMsg` answer (order query). The body is exactly the platform's: no detail.
 * @example toResultResponse('MKT.0101') // 400 {"resultCode":"MKT.0101","resultMsg":"Invalid parameter"}
 */
export const toResultResponse = (code: MktCode): ApiResponse => jsonResponse(toHttpStatus(code), toResultBody(code));

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'unauthorized'
  | 'server_error';

/**
 * An OAuth error answer (open-api.md §6.2/§6.3).
 * @example toOAuthError(400, 'invalid_grant', 'Invalid authorization code')
 */
export const toOAuthError = (status: number, error: OAuthErrorCode, description: string): ApiResponse =>
  jsonResponse(status, { error, error_description: clip(description) }, { 'cache-control': 'no-store' });

/** The answer for a handler that threw: the documented internal error, never a stack trace. */
export function toInternalError(envelope: Envelope): ApiResponse {
  switch (envelope) {
    case 'result':
      return toResultResponse('MKT.0999');
    case 'mkt':
      return toErrorResponse('MKT.0999');
    case 'cbc':
      return toErrorResponse('CBC.0999');
    case 'oauth':
      return toOAuthError(500, 'server_error', 'Internal server error');
  }
}

/** docs/fidelity.md#d30: too many calls of one seller in one second. */
export function toRateLimited(envelope: Envelope, limit: number): ApiResponse {
  const detail = `more than ${limit} calls per second from this seller (koomock rateLimitPerSecond): slow down and retry after a second`;
  return envelope === 'result' ? toResultResponse('MKT.0250') : toErrorResponse('MKT.0250', detail);
}
