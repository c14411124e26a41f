import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { usageError } from '../../../core/errors.js';

/** Where `koomock init --kit` puts the demo key pair, relative to the config file. */
export const KIT_KEY_DIR = 'keys';
const PUBLIC_NAME = 'kit-public.pem';
const PRIVATE_NAME = 'kit-private.pem';

export interface KitKeyFiles {
  /** The public key file, relative to the config file (for seller.kitPublicKeyFile). */
  readonly publicRelative: string;
  readonly publicPath: string;
  readonly privatePath: string;
}

function writeKeyFile(path: string, pem: string, force: boolean): void {
  try {
    // Mode 0600: a demo private key still protects whatever the seller decrypts with it.
    writeFileSync(path, pem, { encoding: 'utf8', mode: 0o600, flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : 'unknown error';
    if (code === 'EEXIST') throw usageError(`${path} already exists; use --force to overwrite it`, { path });
    throw usageError(`cannot write ${path}: ${code}`, { path });
  }
}

/**
 * `koomock init --kit`: a demo RSA-3072 key pair for the kit clientSecret (docs/joint-operation.md),
 * PKCS#8 private and SPKI public PEM, both files mode 0600, in `keys/` next to the config file.
 * @example
 *   writeKitKeyPair('/srv/my-saas/koomock.config.yaml', false).publicRelative; // 'keys/kit-public.pem'
 */
export function writeKitKeyPair(configPath: string, force: boolean): KitKeyFiles {
  const dir = join(dirname(configPath), KIT_KEY_DIR);
  mkdirSync(dir, { recursive: true });
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const publicPath = join(dir, PUBLIC_NAME);
  const privatePath = join(dir, PRIVATE_NAME);
  writeKeyFile(privatePath, pair.privateKey, force);
  writeKeyFile(publicPath, pair.publicKey, force);
  return { publicRelative: relative(dirname(configPath), publicPath).split('\\').join('/'), publicPath, privatePath };
}
