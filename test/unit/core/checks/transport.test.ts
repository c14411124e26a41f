import { describe, expect, test } from 'vitest';
import { checkTransportReachable } from '../../../../mock-server/core/checks/transport-reachable.js';
import { checkTransportTimeout } from '../../../../mock-server/core/checks/transport-timeout.js';
import type { TransportErrorKind, TransportResult } from '../../../../mock-server/core/produce/ports.js';

const ok: TransportResult = { kind: 'response', status: 200, headers: {}, body: new Uint8Array(), truncated: false, durationMs: 12 };
const failed = (error: TransportErrorKind, message = 'boom'): TransportResult => ({ kind: 'error', error, message, durationMs: 20_001 });

describe('transport.reachable', () => {
  test('passes when an answer arrived', () => {
    expect(checkTransportReachable(ok, 'https://seller.example')).toMatchObject({ id: 'transport.reachable', ok: true, received: 'HTTP 200' });
  });

  test.for([
    ['refused', 'start the seller'],
    ['reset', 'closed the connection'],
    ['dns', 'does not resolve'],
    ['tls', '--ca'],
    ['other', 'could not be sent'],
  ] as const)('fails on %s with a hint', ([kind, hint]) => {
    const r = checkTransportReachable(failed(kind, 'connect ECONNREFUSED 127.0.0.1:9'));
    expect(r.ok).toBe(false);
    expect(r.received).toBe(`${kind}: connect ECONNREFUSED 127.0.0.1:9`);
    expect(r.hint).toContain(hint);
  });

  test('leaves a timeout to transport.timeout', () => {
    expect(checkTransportReachable(failed('timeout')).ok).toBe(true);
  });

  test('cuts a long network message', () => {
    expect(checkTransportReachable(failed('other', 'x'.repeat(1000))).received?.length).toBeLessThan(260);
  });
});

describe('transport.timeout', () => {
  test('passes for an answer and says how long it took', () => {
    expect(checkTransportTimeout(ok, 20_000)).toMatchObject({ id: 'transport.timeout', ok: true, received: 'answered in 12 ms' });
  });

  test('fails for a timeout, naming the limit', () => {
    expect(checkTransportTimeout(failed('timeout'), 20_000)).toMatchObject({
      ok: false,
      expected: 'a complete answer within 20000 ms',
      received: 'no complete answer after 20001 ms',
    });
  });
});
