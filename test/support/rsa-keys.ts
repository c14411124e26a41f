import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A PEM key pair: PKCS#8 private key, SPKI public key. */
export interface RsaPemPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

const read = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rsa', name), 'utf8');

/**
 * A committed RSA test key pair of `bits` (2048 or 3072): generating one costs seconds.
 * @example
 *   const { publicKey, privateKey } = rsaKeyPair(3072);
 */
export const rsaKeyPair = (bits: 2048 | 3072): RsaPemPair => ({ privateKey: read(`rsa-${bits}-private.pem`), publicKey: read(`rsa-${bits}-public.pem`) });
