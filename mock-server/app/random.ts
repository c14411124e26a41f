/**
 * The production Random port: node:crypto, suitable for nonces and ids a seller must not guess.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Random } from '../core/ports.js';

/**
 * @example createCryptoRandom().uuid() // "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
 */
export const createCryptoRandom = (): Random => ({
  bytes: (n: number) => new Uint8Array(randomBytes(n)),
  uuid: () => randomUUID(),
});
