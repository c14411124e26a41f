import type { TransportErrorKind, TransportResult } from '../ports.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const TRANSPORT_REACHABLE = 'transport.reachable';

/** The kinds this check judges; the others have their own check (transport.timeout, transport.reset, http.protocol). */
type ReachKind = Exclude<TransportErrorKind, 'timeout' | 'reset' | 'protocol'>;

const LABELS: Readonly<Record<ReachKind, string>> = {
  refused: 'connection refused',
  dns: 'host name not found',
  tls: 'TLS handshake failed',
  other: 'request could not be sent',
};

const HINTS: Readonly<Record<ReachKind, string>> = {
  refused: 'Nothing accepts connections at the production address: start the seller and check the host and port of the address.',
  dns: 'The host name of the production address does not resolve: check the spelling (the marketplace requires a domain name).',
  tls: 'The TLS handshake failed: the marketplace requires HTTPS with TLS 1.2+ and a CA-issued certificate; for a local certificate pass --ca <file> (or --insecure for a first try).',
  other: 'The request could not be sent: check the production address and the network between koomock and the seller.',
};

const isReachKind = (kind: TransportErrorKind): kind is ReachKind => kind in LABELS;

/**
 * The seller's address accepted the connection (no refusal, DNS or TLS failure). A timeout, a
 * reset and a malformed answer are judged by `transport.timeout`, `transport.reset` and
 * `http.protocol`: they pass here, since a connection was made (or may still have been).
 * @example
 *   checkTransportReachable({ kind: 'error', error: 'refused', message: 'ECONNREFUSED', durationMs: 1 }).received;
 *   // 'connection refused (ECONNREFUSED)'
 */
export function checkTransportReachable(result: TransportResult, address?: string): CheckResult {
  const expected = `a connection to ${address === undefined ? 'the production address' : cut(address)}`;
  if (result.kind === 'response') return { id: TRANSPORT_REACHABLE, ok: true, expected, received: `HTTP ${result.status}` };
  if (!isReachKind(result.error)) return { id: TRANSPORT_REACHABLE, ok: true, expected, received: `connected or still connecting (then: ${result.error})` };
  return {
    id: TRANSPORT_REACHABLE,
    ok: false,
    expected,
    received: `${LABELS[result.error]} (${cut(result.message)})`,
    hint: HINTS[result.error],
  };
}
