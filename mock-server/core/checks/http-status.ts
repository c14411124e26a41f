import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const HTTP_STATUS = 'http.status';

function hintFor(status: number): string {
  if (status >= 300 && status < 400) {
    return 'The marketplace does not follow redirects: configure the final URL as the production address (https, no trailing redirect), and answer there directly.';
  }
  if (status === 401 || status === 403) {
    return 'Something in front of the produce endpoint demanded authentication: let marketplace calls through (they carry their own signature) and verify the signature in the application.';
  }
  if (status === 404) return 'No route at this path: the marketplace calls the production address exactly as configured (kit calls add /produceAPI/v2/<operation>).';
  if (status === 405) return 'The route does not accept this method: V2 and kit calls are POST, V1 calls are GET.';
  if (status === 413 || status === 415) return 'The endpoint rejected the body or its Content-Type: accept application/json (charset utf8 or utf-8).';
  if (status >= 500) return "The seller failed while handling the call: see its logs. Report business errors as HTTP 200 with a resultCode (e.g. 000005), not as a 5xx.";
  return 'Answer every produce call with HTTP 200 and report errors in resultCode.';
}

/**
 * The seller answered HTTP 200 (docs/fidelity.md#d9): every other status is a failed call, whatever the body says.
 * `bodyText`, when given, is quoted (cut short) after a failing status: an error page or a
 * gateway's message usually says what went wrong.
 * @example
 *   checkHttpStatus(302).hint; // 'The marketplace does not follow redirects: …'
 *   checkHttpStatus(503, 'upstream connect error').received; // '503, body "upstream connect error"'
 */
export function checkHttpStatus(status: number, bodyText?: string): CheckResult {
  if (status === 200) return { id: HTTP_STATUS, ok: true, expected: '200', received: '200' };
  const body = bodyText === undefined || bodyText.trim() === '' ? '' : `, body "${cut(bodyText.trim(), 80)}"`;
  return { id: HTTP_STATUS, ok: false, expected: '200', received: `${status}${body}`, hint: hintFor(status) };
}
