import type { TransportResult } from '../ports.js';
import type { CheckResult } from '../result.js';

export const TRANSPORT_TIMEOUT = 'transport.timeout';

const SLOW_HINT =
  'Answer within the timeout (20 s by default; older EU text says 5 s). Do slow provisioning in the background: newInstance may answer 000004 at once and the marketplace polls queryInstance.';

const STALLED_HINT =
  'The headers arrived but the body never ended: finish the response (res.end(), return from the handler), do not stream or hold the connection open, and do not send a Content-Length larger than the body.';

/**
 * The whole answer (status, headers and body) arrived within the call timeout (docs/fidelity.md#d7). `received`
 * tells slow headers apart from a body that started but never ended.
 * @example
 *   checkTransportTimeout({ kind: 'error', error: 'timeout', message: 'timeout', durationMs: 20000 }, 20000).received;
 *   // 'no status line or headers after 20000 ms'
 */
export function checkTransportTimeout(result: TransportResult, timeoutMs: number): CheckResult {
  const expected = `a complete answer within ${timeoutMs} ms`;
  if (result.kind === 'error' && result.error === 'timeout') {
    const after = Math.round(result.durationMs);
    if (result.partial === undefined) {
      return { id: TRANSPORT_TIMEOUT, ok: false, expected, received: `no status line or headers after ${after} ms`, hint: SLOW_HINT };
    }
    return {
      id: TRANSPORT_TIMEOUT,
      ok: false,
      expected,
      received: `HTTP ${result.partial.status} headers and ${result.partial.bytes} body bytes arrived, but the body was still not complete after ${after} ms`,
      hint: STALLED_HINT,
    };
  }
  const received = result.kind === 'response' ? `answered in ${Math.round(result.durationMs)} ms` : `no answer (${result.error})`;
  return { id: TRANSPORT_TIMEOUT, ok: true, expected, received };
}
