/**
 * The documented error codes of the fake Open APIs (open-api.md §2.3, §3.6; docs/fidelity.md),
 * so every handler answers with the real envelopes, statuses and messages.
 */

/** One documented answer: HTTP status, platform code and the doc's message. */
export interface OpenApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** The code table lists an `extra_info` field for this code. */
  readonly extraInfo?: true;
}

/** MKT table (open-api.md §3.6), with the HTTP statuses the doc lists. */
export const MKT_ERRORS = {
  'MKT.0000': { status: 200, code: 'MKT.0000', message: 'Success' },
  'MKT.0999': { status: 500, code: 'MKT.0999', message: 'System internal error' },
  'MKT.0100': { status: 500, code: 'MKT.0100', message: 'Failure of input parameter', extraInfo: true },
  'MKT.0101': { status: 400, code: 'MKT.0101', message: 'Invalid parameter' },
  'MKT.0102': { status: 400, code: 'MKT.0102', message: 'Invalid body sign' },
  'MKT.0199': { status: 400, code: 'MKT.0199', message: 'Request parameter error' },
  'MKT.0150': { status: 401, code: 'MKT.0150', message: 'Illegal operation', extraInfo: true },
  'MKT.0151': { status: 401, code: 'MKT.0151', message: 'No authority' },
  'MKT.0154': { status: 401, code: 'MKT.0154', message: 'Illegal token' },
  'MKT.0250': { status: 406, code: 'MKT.0250', message: 'Access frequency overlimit', extraInfo: true },
  'MKT.9001': { status: 500, code: 'MKT.9001', message: 'Instance ID not found', extraInfo: true },
  // "enties" is the doc's spelling; sellers may match on it.
  'MKT.9002': { status: 500, code: 'MKT.9002', message: 'Invalid usage enties', extraInfo: true },
  'MKT.9003': { status: 500, code: 'MKT.9003', message: 'Usage records extends size limit' },
  'MKT.9004': { status: 500, code: 'MKT.9004', message: 'Record beginTime extends Limit', extraInfo: true },
} as const satisfies Readonly<Record<string, OpenApiError>>;

/** Common (公共) codes used by the file upload API (open-api.md §3.6). */
export const CBC_ERRORS = {
  'CBC.0000': { status: 200, code: 'CBC.0000', message: 'Success' },
  'CBC.0101': { status: 400, code: 'CBC.0101', message: 'Invalid parameter' },
  'CBC.0150': { status: 403, code: 'CBC.0150', message: 'Illegal operation' },
  'CBC.0999': { status: 500, code: 'CBC.0999', message: 'System internal error' },
} as const satisfies Readonly<Record<string, OpenApiError>>;

/**
 * Gateway answers, keyed by situation because APIG.0201 has two statuses (open-api.md §2.3).
 * Messages of 0101/0201 follow the APIG error-code page; the 414 wording is not confirmed.
 */
export const APIG_ERRORS = {
  /** docs/fidelity.md#d21, #d22: bad signature or unknown AK. */
  aksk: {
    status: 401,
    code: 'APIG.0301',
    message: 'Incorrect IAM authentication information: verify aksk signature fail',
  },
  /** 5 failed signatures in a row lock the AK for 5 minutes (open-api.md §2.3). */
  akLocked: { status: 401, code: 'APIG.0301', message: 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.' },
  appSignature: { status: 401, code: 'APIG.0303', message: 'Incorrect app authentication information: verify signature fail' },
  apiNotFound: { status: 404, code: 'APIG.0101', message: 'The API does not exist or has not been published in the environment' },
  /** docs/fidelity.md#d28: bodies over 12 MB. */
  bodyTooLarge: { status: 413, code: 'APIG.0201', message: 'Request entity too large' },
  uriTooLong: { status: 414, code: 'APIG.0201', message: 'Request-URI too large' },
} as const satisfies Readonly<Record<string, OpenApiError>>;

export type MktCode = keyof typeof MKT_ERRORS;
export type CbcCode = keyof typeof CBC_ERRORS;
export type ApigErrorName = keyof typeof APIG_ERRORS;

/** `error_code`/`error_msg` body (usage push, file upload). */
export interface ErrorEnvelope {
  readonly error_code: string;
  readonly error_msg: string;
  readonly extra_info?: string;
}

/** `resultCode`/`resultMsg` body (order query). */
export interface ResultEnvelope {
  readonly resultCode: string;
  readonly resultMsg: string;
}

export interface ApigErrorBody {
  readonly error_code: string;
  readonly error_msg: string;
  readonly request_id: string;
}

export interface ErrorBodyOptions {
  /** Sent as `extra_info`, e.g. the offending instance id for MKT.9001. */
  readonly extraInfo?: string;
  /** Replaces the table's message where an API words it differently (usage push says `success`). */
  readonly message?: string;
}

const lookup = (code: MktCode | CbcCode): OpenApiError =>
  code.startsWith('MKT.') ? MKT_ERRORS[code as MktCode] : CBC_ERRORS[code as CbcCode];

/**
 * The HTTP status the doc lists for a code.
 * @example toHttpStatus('MKT.0102') // 400
 */
export const toHttpStatus = (code: MktCode | CbcCode): number => lookup(code).status;

/**
 * The `error_code`/`error_msg` body for a code.
 * @example
 *   toErrorBody('MKT.9001', { extraInfo: 'instance_id 7f14… is not yours' })
 *   // { error_code: 'MKT.9001', error_msg: 'Instance ID not found', extra_info: 'instance_id 7f14… is not yours' }
 */
export function toErrorBody(code: MktCode | CbcCode, options: ErrorBodyOptions = {}): ErrorEnvelope {
  const body = { error_code: code, error_msg: options.message ?? lookup(code).message };
  return options.extraInfo === undefined ? body : { ...body, extra_info: options.extraInfo };
}

/**
 * The `resultCode`/`resultMsg` body for a code (order query, docs/fidelity.md#d23, #d24).
 * @example toResultBody('MKT.0101') // { resultCode: 'MKT.0101', resultMsg: 'Invalid parameter' }
 */
export const toResultBody = (code: MktCode): ResultEnvelope => ({ resultCode: code, resultMsg: MKT_ERRORS[code].message });

/**
 * A gateway error body. `detail` is appended the way APIG does (`…, canonicalRequest:GET|/…`); never put a secret in it.
 * @example toApigErrorBody('aksk', '0123456789abcdef0123456789abcdef')
 */
export function toApigErrorBody(name: ApigErrorName, requestId: string, detail?: string): ApigErrorBody {
  const { code, message } = APIG_ERRORS[name];
  return { error_code: code, error_msg: detail === undefined ? message : `${message}, ${detail}`, request_id: requestId };
}
