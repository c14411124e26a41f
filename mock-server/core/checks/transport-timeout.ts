import type { TransportResult } from '../produce/ports.js';
import type { CheckResult } from '../result.js';

export const TRANSPORT_TIMEOUT = 'transport.timeout';

/**
 * The whole answer (status, headers and body) arrived within the call timeout (D7).
 * @example
 *   checkTransportTimeout({ kind: 'error', error: 'timeout', message: 'timeout', durationMs: 20000 }, 20000).ok; // false
 */
export function checkTransportTimeout(result: TransportResult, timeoutMs: number): CheckResult {
  const expected = `a complete answer within ${timeoutMs} ms`;
  if (result.kind === 'error' && result.error === 'timeout') {
    return {
      id: TRANSPORT_TIMEOUT,
      ok: false,
      expected,
      received: `no complete answer after ${Math.round(result.durationMs)} ms`,
      hint:
        'Answer within the timeout (20 s by default; older EU text says 5 s). Do slow provisioning in the background: newInstance may answer 000004 at once and the marketplace polls queryInstance.',
    };
  }
  const received = result.kind === 'response' ? `answered in ${Math.round(result.durationMs)} ms` : `no answer (${result.error})`;
  return { id: TRANSPORT_TIMEOUT, ok: true, expected, received };
}
