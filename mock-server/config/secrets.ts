import { CREDENTIAL_PATHS, type CredentialPath } from './types.js';

/** Credentials that are not secret: a public key may be printed. */
const PUBLIC_CREDENTIALS: ReadonlySet<CredentialPath> = new Set(['seller.kitPublicKey']);

/** Key paths whose values are secrets: never printed, never put into a message. */
const SECRET_PATHS: ReadonlySet<string> = new Set(CREDENTIAL_PATHS.filter((path) => !PUBLIC_CREDENTIALS.has(path)));

/** Whether the value at a dotted key path (e.g. `seller.keys.kit`) is a secret. */
export const isSecretPath = (keyPath: string): boolean => SECRET_PATHS.has(keyPath);

/**
 * A secret shortened for display: the first and last 4 characters when the secret has at least
 * 16 (so at most half of it shows), otherwise `****`.
 * @example
 *   maskSecret('EXAMPLEKEY00000000000000'); // 'EXAM…0000'
 *   maskSecret('short');                    // '****'
 */
export function maskSecret(secret: string): string {
  const chars = [...secret];
  return chars.length < 16 ? '****' : `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
}

/**
 * Replaces every occurrence of the given secrets in `text` with `****` (longest first, so a secret
 * that contains another is removed whole). The last line of defence before a message leaves koomock.
 * @example
 *   redactSecrets('bad key abc123', ['abc123']); // 'bad key ****'
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of list) out = out.split(s).join('****');
  return out;
}
