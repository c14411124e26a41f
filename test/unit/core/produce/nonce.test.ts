import { describe, expect, test } from 'vitest';
import type { Random } from '../../../../mock-server/core/ports.js';
import { createNonce } from '../../../../mock-server/core/produce/nonce.js';
import { createTestRandom } from './support.js';

describe('nonce (docs/fidelity.md#d4)', () => {
  test('alnum32 is 32 letters and digits', () => {
    expect(createNonce(createTestRandom(), 'alnum32')).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  test('hex64 is 64 upper-case hex characters', () => {
    expect(createNonce(createTestRandom(), 'hex64')).toMatch(/^[0-9A-F]{64}$/);
  });

  test('alnum32 skips biased bytes instead of folding them', () => {
    // 248..255 would map onto A..H a second time; they must be skipped.
    let call = 0;
    const random: Random = { uuid: () => '', bytes: (n) => new Uint8Array(n).fill(call++ === 0 ? 250 : 0) };
    expect(createNonce(random, 'alnum32')).toBe('A'.repeat(32));
    expect(call).toBe(2);
  });
});
