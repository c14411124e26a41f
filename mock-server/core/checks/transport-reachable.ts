import type { TransportErrorKind, TransportResult } from '../produce/ports.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const TRANSPORT_REACHABLE = 'transport.reachable';

const HINTS: Readonly<Record<Exclude<TransportErrorKind, 'timeout'>, string>> = {
  refused: 'Nothing accepts connections at the production address: start the seller and check the host and port of the address.',
  reset: 'The seller (or a proxy in front of it) closed the connection before the answer was complete: check its logs for a crash, and any gateway between koomock and the seller.',
  dns: 'The host name of the production address does not resolve: check the spelling (the marketplace requires a domain name).',
  tls: 'The TLS handshake failed: the marketplace requires HTTPS with TLS 1.2+ and a CA-issued certificate; for a local certificate pass --ca <file> (or --insecure for a first try).',
  other: 'The request could not be sent: check the production address and the network between koomock and the seller.',
};

/**
 * The seller's address accepted the connection and answered (a timeout is judged by
 * `transport.timeout`, not here).
 * @example
 *   checkTransportReachable({ kind: 'error', error: 'refused', message: 'connect ECONNREFUSED', durationMs: 1 }).ok; // false
 */
export function checkTransportReachable(result: TransportResult, address?: string): CheckResult {
  const expected = `a connection to ${address === undefined ? 'the production address' : cut(address)}`;
  if (result.kind === 'response') return { id: TRANSPORT_REACHABLE, ok: true, expected, received: `HTTP ${result.status}` };
  if (result.error === 'timeout') return { id: TRANSPORT_REACHABLE, ok: true, expected, received: 'no network error before the timeout' };
  return {
    id: TRANSPORT_REACHABLE,
    ok: false,
    expected,
    received: `${result.error}: ${cut(result.message)}`,
    hint: HINTS[result.error],
  };
}
