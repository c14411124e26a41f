import { describe, expect, test } from 'vitest';
import { createRunTransport } from '../../../mock-server/app/run-transport.js';
import type { TransportResult } from '../../../mock-server/core/ports.js';
import { createFixedClock } from '../../support/fixed-clock.js';

const OK: TransportResult = { kind: 'response', status: 200, headers: {}, body: new Uint8Array(), truncated: false, durationMs: 1 };
const REQUEST = { method: 'POST', url: 'http://127.0.0.1:1/p', headers: {} };

describe('createRunTransport', () => {
  test.for([
    { name: 'waits cost no wall time without a scale', scale: undefined, advance: 180_000, slept: [] },
    { name: 'a 3-minute wait costs 180 ms at scale 1000', scale: 1000, advance: 180_000, slept: [180] },
    { name: 'a long wait is capped at 10 s', scale: 10, advance: 86_400_000, slept: [10_000] },
  ])('$name', async ({ scale, advance, slept }) => {
    const clock = createFixedClock();
    const pauses: number[] = [];
    const synced: number[] = [];
    const transport = createRunTransport({ send: async () => OK }, {
      clock,
      ...(scale === undefined ? {} : { timeScale: scale }),
      sleep: async (ms) => void pauses.push(ms),
      sync: async () => void synced.push(clock.now()),
    });
    await transport.send(REQUEST, { timeoutMs: 1000 });
    clock.advance(advance);
    await transport.send(REQUEST, { timeoutMs: 1000 });
    expect(pauses).toEqual(slept);
    expect(synced).toHaveLength(2);
  });
});
