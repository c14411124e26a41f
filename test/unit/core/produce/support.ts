import { createHash } from 'node:crypto';
import type { Clock, Random } from '../../../../mock-server/core/ports.js';
import type { TransportRequest, TransportResult, SellerTransport } from '../../../../mock-server/core/ports.js';
import type { SellerKeys } from '../../../../mock-server/core/produce/types.js';

/** Wall clock fixed at the §6.1 doc example's timestamp unless told; virtual clock from 0. */
export interface TestClock extends Clock {
  setWall(ms: number): void;
}

export function createTestClock(wall = 1_680_508_066_618, now = 0): TestClock {
  let w = wall;
  let v = now;
  return {
    wallNow: () => w,
    now: () => v,
    advance(ms) {
      if (ms < 0) throw new Error('the virtual clock never goes back');
      v += ms;
    },
    setWall(ms) {
      w = ms;
    },
  };
}

/** Deterministic randomness: SHA-256 of seed + counter, so every call returns new bytes. */
export function createTestRandom(seed = 'koomock'): Random {
  let counter = 0;
  const bytes = (n: number): Uint8Array => {
    const out = Buffer.alloc(n);
    for (let off = 0; off < n; off += 32) {
      createHash('sha256').update(`${seed}:${counter++}`).digest().copy(out, off);
    }
    return new Uint8Array(out);
  };
  return {
    bytes,
    uuid() {
      const b = Buffer.from(bytes(16));
      b[6] = ((b[6] as number) & 0x0f) | 0x40;
      b[8] = ((b[8] as number) & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

export const TEST_KEYS: SellerKeys = {
  basic: 'testAccessKey123',
  general: 'exampleAccessKey',
  kit: 'kitKey-0123456789',
  v1: 'testAccessKey123',
};

export const SELLER_URL = 'https://seller.example/saasproduce';

/** A JSON answer as the transport returns it. */
export function jsonResult(body: unknown, init: { status?: number; headers?: Record<string, string>; durationMs?: number } = {}): TransportResult {
  return {
    kind: 'response',
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...init.headers },
    body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
    truncated: false,
    durationMs: init.durationMs ?? 5,
  };
}

/** A transport port fake: answers by a function of the request and its index; records requests. */
export function createScriptedTransport(answer: (req: TransportRequest, index: number) => TransportResult): SellerTransport & { requests: TransportRequest[] } {
  const requests: TransportRequest[] = [];
  return {
    requests,
    send(req) {
      requests.push(req);
      return Promise.resolve(answer(req, requests.length - 1));
    },
  };
}
