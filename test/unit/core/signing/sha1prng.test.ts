import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createSha1Prng } from '../../../../mock-server/core/signing/v1/sha1prng.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('createSha1Prng', () => {
  test('starts with SHA1(SHA1(seed)), as Java does after setSeed', () => {
    const seed = Buffer.from('testAccessKey123');
    const first = createHash('sha1').update(createHash('sha1').update(seed).digest()).digest('hex');
    expect(hex(createSha1Prng(seed).nextBytes(20))).toBe(first);
  });

  test('continues the stream across calls exactly as one long call', () => {
    const seed = Buffer.from('ebf72724-bacc-414b-a86b-fda5bcc8153c');
    const whole = hex(createSha1Prng(seed).nextBytes(61));
    const prng = createSha1Prng(seed);
    expect([1, 19, 20, 0, 21].map((n) => hex(prng.nextBytes(n))).join('')).toBe(whole);
  });

  test('uses Java signed-byte carries, not unsigned addition (bytes 20..31 of the §7 key)', () => {
    expect(hex(createSha1Prng(Buffer.from('testAccessKey123')).nextBytes(32)).slice(40)).toBe('7f68c442f5d9aa865fb0d176');
  });
});
