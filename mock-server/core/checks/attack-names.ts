/**
 * The forged produce calls koomock can send (docs/security.md, "Forged produce calls"). Each starts
 * from a valid, correctly signed request and breaks one thing.
 */
export const ATTACK_NAMES = [
  'body-changed-after-signing',
  'wrong-key',
  'signature-missing',
  'timestamp-missing',
  'nonce-missing',
  'timestamp-stale',
  'timestamp-in-seconds',
  'signature-of-other-activity',
  'replay',
] as const;

export type AttackName = (typeof ATTACK_NAMES)[number];

/**
 * The check that judges how the seller answered an attack.
 * @example
 *   securityCheckId('wrong-key'); // 'security.wrong-key'
 */
export const securityCheckId = (attack: AttackName): `security.${AttackName}` => `security.${attack}`;

/**
 * How much accepting an attack weighs: a failure, except a replay, which is only a warning since
 * nonce caching is optional on the platform.
 */
export const acceptedSeverity = (attack: AttackName): 'error' | 'warn' => (attack === 'replay' ? 'warn' : 'error');
