/**
 * The fixed clock and randomness the example requests of a pact are built with, so generating twice
 * writes the same file (a pact under version control must not change on every run).
 */
import { createHash } from 'node:crypto';
import type { Clock, Random } from '../../core/ports.js';
import { DEFAULT_PROFILE, type FidelityProfile } from '../../core/profile.js';
import type { BuildContext } from '../../core/produce/build-context.js';
import type { SellerKeys } from '../../core/produce/types.js';

/** 2026-12-07T00:00:00Z: the wall time written into example timestamps. */
export const EXAMPLE_WALL_MS = Date.UTC(2026, 11, 7);

/**
 * Placeholder keys that sign the example requests. A recorded signature is stale anyway (outside
 * the 60 s window, nonce used): verification re-signs every request with the seller's real keys.
 */
export const EXAMPLE_KEYS: SellerKeys = Object.freeze({
  basic: 'koomock-contract-example-basic-key',
  general: 'koomock-contract-example-general-key',
  kit: 'koomock-contract-example-kit-key',
});

const fixedClock = (wall: number): Clock => ({ wallNow: () => wall, now: () => wall, advance: () => {} });

/** A deterministic Random: SHA-256 of a label and a counter. */
function seededRandom(label: string): Random {
  let counter = 0;
  const next = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 32) out.set(createHash('sha256').update(`${label}:${counter++}`).digest().subarray(0, Math.min(32, n - i)), i);
    return out;
  };
  return {
    bytes: next,
    uuid: () => {
      const h = Buffer.from(next(16));
      h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x40, 6);
      h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
      const x = h.toString('hex');
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
    },
  };
}

/** The build context of one interaction's example request (seeded by the interaction id). */
export const toExampleContext = (id: string, profile: FidelityProfile = DEFAULT_PROFILE): BuildContext => ({
  profile,
  clock: fixedClock(EXAMPLE_WALL_MS),
  random: seededRandom(id),
});
