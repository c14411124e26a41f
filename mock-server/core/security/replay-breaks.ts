import type { AttackName } from '../checks/attack-names.js';
import { callFamily } from './attack-choice.js';

/**
 * How a replayed call can be sent broken (`koomock replay --break`, `POST
 * /_koomock/exchanges/{id}/replay {"break"}`), and the forged V2 call each one sends (docs/security.md).
 */
export const REPLAY_BREAKS: Readonly<Record<string, AttackName>> = {
  tamper: 'body-changed-after-signing',
  stale: 'timestamp-stale',
  'wrong-key': 'wrong-key',
  replay: 'replay',
};

/** The same breaks for a kit or V1 call: its family's attack; `tamper` has none (the V2 body signature only). */
const FAMILY_BREAKS: Readonly<Record<'kit' | 'v1', Readonly<Record<string, AttackName>>>> = {
  kit: { stale: 'kit-timestamp-stale', 'wrong-key': 'kit-wrong-key', replay: 'kit-replay' },
  v1: { stale: 'v1-timestamp-stale', 'wrong-key': 'v1-wrong-key', replay: 'v1-replay' },
};

/**
 * The attack a break sends for a call of `activity`, or undefined when that break has no attack
 * of the call's family (`tamper` on a kit or V1 call).
 * @example
 *   replayBreakAttack('stale', 'tenantSync', 'v2'); // 'kit-timestamp-stale'
 *   replayBreakAttack('tamper', 'tenantSync', 'v2'); // undefined
 */
export function replayBreakAttack(how: string, activity: string, generation: 'v1' | 'v2'): AttackName | undefined {
  const family = callFamily(activity, generation);
  const table = family === 'v2' ? REPLAY_BREAKS : FAMILY_BREAKS[family];
  return Object.hasOwn(table, how) ? table[how] : undefined;
}

/** The breaks defined for a call of `activity`. */
export const replayBreaksFor = (activity: string, generation: 'v1' | 'v2'): string[] => {
  const family = callFamily(activity, generation);
  return Object.keys(family === 'v2' ? REPLAY_BREAKS : FAMILY_BREAKS[family]);
};
