/**
 * The answer of an `error` fault: the documented code in the envelope the operation really uses
 * (open-api.md §2.3, §3.6), so the seller's error handling meets exactly what production sends.
 */
import { type ApiResponse, jsonResponse } from '../http-types.js';
import type { Random } from '../ports.js';
import { toRequestId } from './apig-auth.js';
import { APIG_ERRORS, type ApigErrorName, CBC_ERRORS, type CbcCode, MKT_ERRORS, type MktCode, toApigErrorBody, toErrorBody } from './error-codes.js';
import type { Envelope } from './request-context.js';
import { toOAuthError } from './responses.js';

/** APIG codes an error fault may send, by the situation they stand for. */
const APIG_FAULT_CODES: Readonly<Record<string, ApigErrorName>> = {
  'APIG.0301': 'aksk',
  'APIG.0303': 'appSignature',
  'APIG.0101': 'apiNotFound',
  'APIG.0201': 'bodyTooLarge',
};

/** Every code an error fault may send: the documented MKT, CBC and APIG codes except the success codes. */
export const FAULT_ERROR_CODES: readonly string[] = [
  ...Object.keys(MKT_ERRORS).filter((c) => c !== 'MKT.0000'),
  ...Object.keys(CBC_ERRORS).filter((c) => c !== 'CBC.0000'),
  ...Object.keys(APIG_FAULT_CODES),
];

/** The HTTP status the documentation lists for a code (APIG.0201: 413); undefined for an unknown code. */
function toFaultStatus(code: string): number | undefined {
  const apig = APIG_FAULT_CODES[code];
  if (apig !== undefined) return APIG_ERRORS[apig].status;
  if (code in MKT_ERRORS) return MKT_ERRORS[code as MktCode].status;
  if (code in CBC_ERRORS) return CBC_ERRORS[code as CbcCode].status;
  return undefined;
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** A gateway or load balancer failing in front of the API: no JSON, no code. */
const bareError = (status: number): ApiResponse => ({
  status,
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
  body: `${status} ${STATUS_TEXT[status] ?? 'Error'}`,
  kind: 'text',
});

function apigError(name: ApigErrorName, status: number | undefined, random: Random): ApiResponse {
  const requestId = toRequestId(random);
  // APIG.0201 has two statuses: 414 stands for a URI over 32 KB.
  const situation: ApigErrorName = name === 'bodyTooLarge' && status === 414 ? 'uriTooLong' : name;
  return jsonResponse(status ?? APIG_ERRORS[situation].status, toApigErrorBody(situation, requestId), { 'x-request-id': requestId });
}

/** An MKT/CBC code in the operation's envelope. */
function businessError(code: MktCode | CbcCode, status: number, envelope: Envelope): ApiResponse {
  const { message } = code.startsWith('MKT.') ? MKT_ERRORS[code as MktCode] : CBC_ERRORS[code as CbcCode];
  switch (envelope) {
    case 'result':
      return jsonResponse(status, { resultCode: code, resultMsg: message });
    case 'mkt':
    case 'cbc':
      return jsonResponse(status, toErrorBody(code));
    case 'oauth':
      // OneAccess has no MKT codes: a server-side code is its server_error, anything else a bad request.
      return status >= 500 ? toOAuthError(status, 'server_error', message) : toOAuthError(status, 'invalid_request', message);
  }
}

/**
 * The answer of an error fault on an operation with this envelope. `code` must be one of
 * FAULT_ERROR_CODES (validated when the rule was added); without it, `status` must be set.
 * @example
 *   toFaultErrorResponse({ code: 'MKT.0999' }, 'result', random) // 500 {"resultCode":"MKT.0999","resultMsg":"System internal error"}
 *   toFaultErrorResponse({ status: 503 }, 'mkt', random)         // 503 "503 Service Unavailable" (text/plain)
 */
export function toFaultErrorResponse(action: { readonly code?: string; readonly status?: number }, envelope: Envelope, random: Random): ApiResponse {
  const { code, status } = action;
  if (code === undefined) return bareError(status ?? 502);
  const apig = APIG_FAULT_CODES[code];
  if (apig !== undefined) return apigError(apig, status, random);
  return businessError(code as MktCode | CbcCode, status ?? toFaultStatus(code) ?? 500, envelope);
}
