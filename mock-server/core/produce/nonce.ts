import type { Random } from '../ports.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Bytes at or above this would make some characters likelier than others, so they are skipped.
const ALNUM_LIMIT = 256 - (256 % ALNUM.length);

/**
 * A fresh nonce of the shape docs/fidelity.md#d4 names: 32 alphanumerics (default) or 64 upper-case hex characters.
 * @example
 *   createNonce(random, 'alnum32'); // 'Of4lsV7H1qrzVDI52O5CFk2ofPcZRaA6'
 */
export function createNonce(random: Random, shape: 'alnum32' | 'hex64'): string {
  if (shape === 'hex64') return Buffer.from(random.bytes(32)).toString('hex').toUpperCase();
  let out = '';
  while (out.length < 32) {
    for (const b of random.bytes(48)) {
      if (b >= ALNUM_LIMIT) continue;
      out += ALNUM[b % ALNUM.length];
      if (out.length === 32) break;
    }
  }
  return out;
}
