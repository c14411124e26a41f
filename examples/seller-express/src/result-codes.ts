/** Seller result codes (produce-api.md §5). Only 000000 counts as success for the marketplace. */
export const RESULT = {
  SUCCESS: '000000',
  AUTH_FAILED: '000001',
  INVALID_PARAM: '000002',
  INSTANCE_NOT_FOUND: '000003',
  /** newInstance only: accepted, provisioning continues in the background. */
  PROCESSING: '000004',
  INTERNAL_ERROR: '000005',
  /** newInstance: the mobile number is missing, invalid or taken. */
  MOBILE_INVALID: '000101',
  /** newInstance: the e-mail address is missing, invalid or taken. */
  EMAIL_INVALID: '000102',
} as const;

export type ResultCode = (typeof RESULT)[keyof typeof RESULT];

const MAX_RESULT_MSG = 255;

/** Every produce and kit answer: `resultCode`, `resultMsg`, plus activity-specific fields. */
export type ProduceResponse = { readonly resultCode: ResultCode; readonly resultMsg: string } & Readonly<Record<string, unknown>>;

/**
 * @example
 *   reply(RESULT.SUCCESS, 'success', { instanceId }); // { resultCode: '000000', resultMsg: 'success', instanceId }
 */
export const reply = (resultCode: ResultCode, resultMsg: string, extra: Readonly<Record<string, unknown>> = {}): ProduceResponse => ({
  resultCode,
  // resultMsg is String 255 (produce-api.md §3): a longer one fails the marketplace's checks.
  resultMsg: resultMsg.length > MAX_RESULT_MSG ? `${resultMsg.slice(0, MAX_RESULT_MSG - 1)}…` : resultMsg,
  ...extra,
});

export const success = (extra?: Readonly<Record<string, unknown>>): ProduceResponse => reply(RESULT.SUCCESS, 'success', extra);
export const invalidParam = (detail: string): ProduceResponse => reply(RESULT.INVALID_PARAM, `invalid parameter: ${detail}`);
export const instanceNotFound = (instanceId: string): ProduceResponse =>
  reply(RESULT.INSTANCE_NOT_FOUND, `instance ${instanceId.slice(0, 64)} does not exist`);
