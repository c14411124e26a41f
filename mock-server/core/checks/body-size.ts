import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const BODY_SIZE = 'body.size';

/** The most koomock reads of an answer body: the seller transport stops there and hangs up. */
export const ANSWER_MAX_BYTES = 1024 * 1024;

export interface BodySizeInput {
  /** The transport stopped reading: the body was longer than `bytes`. */
  readonly truncated: boolean;
  /** Body bytes read (the cap when truncated). */
  readonly bytes: number;
  /** The `Content-Length` header as sent, if any. */
  readonly contentLength?: string | undefined;
}

/**
 * The answer body fits in what koomock reads (1 MiB). A longer body is cut off, never held in
 * memory, and none of the body checks run on it.
 * @example
 *   checkBodySize({ truncated: true, bytes: 1048576, contentLength: '1073741824' }).received;
 *   // 'more than 1048576 bytes (Content-Length: 1073741824); koomock stopped reading there'
 */
export function checkBodySize(input: BodySizeInput): CheckResult {
  const expected = `at most ${ANSWER_MAX_BYTES} bytes (1 MiB)`;
  if (!input.truncated) return { id: BODY_SIZE, ok: true, expected, received: `${input.bytes} bytes` };
  const declared = input.contentLength === undefined ? 'no Content-Length' : `Content-Length: ${cut(input.contentLength, 40)}`;
  return {
    id: BODY_SIZE,
    ok: false,
    expected,
    received: `more than ${input.bytes} bytes (${declared}); koomock stopped reading there`,
    hint:
      'Produce answers are small JSON objects (well under 1 KiB): the endpoint sent something else, such as a file, a log, an endless stream or a whole object graph. Answer {"resultCode":"000000","resultMsg":"success", …} and nothing more.',
  };
}
