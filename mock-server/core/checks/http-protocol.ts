import type { TransportResult } from '../ports.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const HTTP_PROTOCOL = 'http.protocol';

const EXPECTED = 'a well-formed HTTP/1.1 answer';

/**
 * What came back was HTTP/1.1: a valid status line, valid header names and values, and a body that
 * matches its Content-Length. Reported only when it was not.
 * @example
 *   checkHttpProtocol({ kind: 'error', error: 'protocol', message: 'Invalid header value char', durationMs: 2 }).received;
 *   // 'not HTTP/1.1: Invalid header value char'
 */
export function checkHttpProtocol(result: TransportResult): CheckResult {
  if (result.kind === 'response' || result.error !== 'protocol') return { id: HTTP_PROTOCOL, ok: true, expected: EXPECTED, received: 'HTTP/1.1' };
  const after = result.partial === undefined ? '' : ` after the HTTP ${result.partial.status} headers`;
  return {
    id: HTTP_PROTOCOL,
    ok: false,
    expected: EXPECTED,
    received: `not HTTP/1.1${after}: ${cut(result.message)}`,
    hint:
      'Let the web framework write the status line and headers: no control characters in header values, no spaces in header names, a Content-Length equal to the body length (none on 204/304), a status code from 100 to 599. If another (non-HTTP) service listens at the address, point the production address at the seller.',
  };
}
