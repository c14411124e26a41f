/**
 * The forged produce calls koomock can send (docs/security.md, "Forged produce calls"). Each starts
 * from a valid, correctly signed request and breaks one thing. Attacks belong to one interface
 * family: V2 (basic interfaces and orderNotify, signed in the URL), kit (joint-operation sync,
 * signed in the `x-sign` headers) and V1 (legacy, `authToken`).
 */

/** The V2 attacks: the `security` scenarios, one per name. */
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

/** The kit attacks (`x-sign`, `x-timestamp`, `x-nonce`): the `kit-security` scenarios. */
export const KIT_ATTACK_NAMES = ['kit-wrong-key', 'kit-basic-key', 'kit-timestamp-stale', 'kit-replay'] as const;

/** The V1 attacks (`authToken`, `timeStamp`). */
export const V1_ATTACK_NAMES = ['v1-wrong-key', 'v1-timestamp-stale', 'v1-replay'] as const;

/** Every attack of every family. */
export const EVERY_ATTACK_NAME = [...ATTACK_NAMES, ...KIT_ATTACK_NAMES, ...V1_ATTACK_NAMES] as const;

export type AttackName = (typeof EVERY_ATTACK_NAME)[number];

/** The interface family a call belongs to, and the attacks defined for it. */
export type AttackFamily = 'v2' | 'kit' | 'v1';

/**
 * @example
 *   attackFamily('kit-wrong-key'); // 'kit'
 */
export const attackFamily = (attack: AttackName): AttackFamily => (attack.startsWith('kit-') ? 'kit' : attack.startsWith('v1-') ? 'v1' : 'v2');

/** The attacks of one family, in table order. */
export const attacksOf = (family: AttackFamily): readonly AttackName[] => (family === 'kit' ? KIT_ATTACK_NAMES : family === 'v1' ? V1_ATTACK_NAMES : ATTACK_NAMES);

/** The call is the valid one sent again byte for byte (`replay`, `kit-replay`, `v1-replay`). */
export const isReplayAttack = (attack: AttackName): boolean => attack === 'replay' || attack.endsWith('-replay');

/**
 * The check that judges how the seller answered an attack.
 * @example
 *   securityCheckId('wrong-key'); // 'security.wrong-key'
 */
export const securityCheckId = (attack: AttackName): `security.${AttackName}` => `security.${attack}`;

/**
 * How much accepting an attack weighs: a failure, except a replay (nonce caching is optional on the
 * platform) and a stale V1 timeStamp (the V1 interface documents no time window,
 * docs/fidelity.md#d47), which are only warnings.
 */
export const acceptedSeverity = (attack: AttackName): 'error' | 'warn' => (isReplayAttack(attack) || attack === 'v1-timestamp-stale' ? 'warn' : 'error');
