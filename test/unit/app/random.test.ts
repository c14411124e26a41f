import { describe, expect, test } from 'vitest';
import { createCryptoRandom } from '../../../mock-server/app/random.js';

describe('crypto random', () => {
  test('returns the requested number of bytes as a plain Uint8Array', () => {
    const bytes = createCryptoRandom().bytes(32);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.constructor).toBe(Uint8Array);
    expect(bytes).toHaveLength(32);
  });

  test('gives different values on each call', () => {
    const random = createCryptoRandom();
    expect(Buffer.from(random.bytes(16)).equals(Buffer.from(random.bytes(16)))).toBe(false);
    expect(random.uuid()).not.toBe(random.uuid());
  });

  test('uuids are version 4', () => {
    expect(createCryptoRandom().uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
