import type { TransportResult } from '../ports.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const TRANSPORT_RESET = 'transport.reset';

const EXPECTED = 'the connection stays open until the whole answer has arrived';

/**
 * The seller (or something in front of it) did not close or reset the connection before the
 * answer was complete. Reported only when that happened; `received` says how far the answer got.
 * @example
 *   checkTransportReset({ kind: 'error', error: 'reset', message: 'ECONNRESET', durationMs: 3, partial: { status: 200, bytes: 16 } }).received;
 *   // 'connection closed after the HTTP 200 headers and 16 body bytes (ECONNRESET)'
 */
export function checkTransportReset(result: TransportResult): CheckResult {
  if (result.kind === 'response' || result.error !== 'reset') {
    return { id: TRANSPORT_RESET, ok: true, expected: EXPECTED, received: result.kind === 'response' ? 'a complete answer' : `no reset (${result.error})` };
  }
  const detail = cut(result.message);
  if (result.partial === undefined) {
    return {
      id: TRANSPORT_RESET,
      ok: false,
      expected: EXPECTED,
      received: `connection closed before any answer (${detail})`,
      hint:
        'The seller (or a proxy, gateway or load balancer in front of it) closed the connection without answering: look for a crash or an uncaught exception in the seller log at that time, and for an idle or keep-alive timeout on anything in between.',
    };
  }
  return {
    id: TRANSPORT_RESET,
    ok: false,
    expected: EXPECTED,
    received: `connection closed after the HTTP ${result.partial.status} headers and ${result.partial.bytes} body bytes (${detail})`,
    hint:
      'The answer started but the connection closed before its body was complete: the process crashed while writing, or the Content-Length header is larger than the body. Write the whole body and let the framework set Content-Length.',
  };
}
