import { describe, expect, test } from 'vitest';
import { checkHttpProtocol } from '../../../../mock-server/core/checks/http-protocol.js';
import { checkTransportReachable } from '../../../../mock-server/core/checks/transport-reachable.js';
import { checkTransportReset } from '../../../../mock-server/core/checks/transport-reset.js';
import { checkTransportTimeout } from '../../../../mock-server/core/checks/transport-timeout.js';
import type { TransportErrorKind, TransportResult } from '../../../../mock-server/core/ports.js';

const ok: TransportResult = { kind: 'response', status: 200, headers: {}, body: new Uint8Array(), truncated: false, durationMs: 12 };
const failed = (error: TransportErrorKind, message = 'boom', partial?: { status: number; bytes: number }): TransportResult => ({
  kind: 'error',
  error,
  message,
  durationMs: 20_001,
  ...(partial === undefined ? {} : { partial }),
});

describe('transport.reachable', () => {
  test('passes when an answer arrived', () => {
    expect(checkTransportReachable(ok, 'https://seller.example')).toMatchObject({ id: 'transport.reachable', ok: true, received: 'HTTP 200' });
  });

  test.for([
    ['refused', 'connection refused', 'start the seller'],
    ['dns', 'host name not found', 'does not resolve'],
    ['tls', 'TLS handshake failed', '--ca'],
    ['other', 'request could not be sent', 'could not be sent'],
  ] as const)('fails on %s, saying so in words, with a hint', ([kind, words, hint]) => {
    const r = checkTransportReachable(failed(kind, 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9'));
    expect(r.ok).toBe(false);
    expect(r.received).toBe(`${words} (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9)`);
    expect(r.hint).toContain(hint);
  });

  test.for(['timeout', 'reset', 'protocol'] as const)('leaves a %s to its own check', (kind) => {
    expect(checkTransportReachable(failed(kind)).ok).toBe(true);
  });

  test('cuts a long network message', () => {
    expect(checkTransportReachable(failed('other', 'x'.repeat(1000))).received?.length).toBeLessThan(260);
  });
});

describe('transport.reset', () => {
  test('fails for a connection closed before any answer', () => {
    const r = checkTransportReset(failed('reset', 'UND_ERR_SOCKET: other side closed'));
    expect(r).toMatchObject({ id: 'transport.reset', ok: false, received: 'connection closed before any answer (UND_ERR_SOCKET: other side closed)' });
    expect(r.hint).toContain('crash');
  });

  test('fails for a connection closed mid-body, saying how far the answer got', () => {
    const r = checkTransportReset(failed('reset', 'ECONNRESET', { status: 200, bytes: 16 }));
    expect(r.received).toBe('connection closed after the HTTP 200 headers and 16 body bytes (ECONNRESET)');
    expect(r.hint).toContain('Content-Length');
  });

  test('passes for anything but a reset', () => {
    expect(checkTransportReset(ok).ok).toBe(true);
    expect(checkTransportReset(failed('timeout')).ok).toBe(true);
  });
});

describe('transport.timeout', () => {
  test('passes for an answer and says how long it took', () => {
    expect(checkTransportTimeout(ok, 20_000)).toMatchObject({ id: 'transport.timeout', ok: true, received: 'answered in 12 ms' });
  });

  test('fails for slow headers, naming the limit', () => {
    expect(checkTransportTimeout(failed('timeout'), 20_000)).toMatchObject({
      ok: false,
      expected: 'a complete answer within 20000 ms',
      received: 'no status line or headers after 20001 ms',
    });
  });

  test('fails for a body that never ends, telling it apart from slow headers', () => {
    const r = checkTransportTimeout(failed('timeout', 'timeout', { status: 200, bytes: 14 }), 20_000);
    expect(r.received).toBe('HTTP 200 headers and 14 body bytes arrived, but the body was still not complete after 20001 ms');
    expect(r.hint).toContain('never ended');
  });
});

describe('http.protocol', () => {
  test('fails for an answer that is not HTTP/1.1', () => {
    const r = checkHttpProtocol(failed('protocol', 'HTTPParserError: Response does not match the HTTP/1.1 protocol (Invalid header value char)'));
    expect(r).toMatchObject({ id: 'http.protocol', ok: false });
    expect(r.received).toContain('Invalid header value char');
    expect(r.hint).toContain('control characters');
  });

  test('passes for an answer', () => {
    expect(checkHttpProtocol(ok).ok).toBe(true);
  });
});
