/**
 * Semantic findings for forged calls in a scenario: where `attack` can go (a call of the attack's
 * family, no `sign`, one attempt), and what `expect.noSideEffectOf` may name (an earlier attack step).
 */
import { type AttackFamily, type AttackName, attackFamily, attacksOf, EVERY_ATTACK_NAME, isReplayAttack } from '../../checks/attack-names.js';
import { KIT_OPERATIONS } from '../../produce/types.js';
import { suggestName } from '../../suggest.js';
import type { ReferenceScope } from './validate-references.js';
import type { Finding } from './problems.js';
import type { RawStep } from './raw.js';
import { toPointer } from '../../schemas/located-yaml.js';

/** Expectations about how a call ended, which a forged call does not have (security.<attack> judges it). */
const CALL_EXPECTATIONS = ['outcome', 'attempts', 'sameAs'] as const;

const FAMILY_WORDS: Readonly<Record<AttackFamily, string>> = { v2: 'V2 basic calls and orderNotify', kit: 'kit operations', v1: 'V1 calls (profile generation v1)' };

function checkAttack(step: RawStep, index: number, generation: 'v1' | 'v2'): Finding[] {
  const attack = step.attack;
  if (attack === undefined) return [];
  const at = (...tokens: (string | number)[]) => toPointer(['steps', index, ...tokens]);
  const findings: Finding[] = [];
  const activity = step.send ?? '';
  // The schema already refused names it does not list; an unknown one here has no family to check.
  const known = (EVERY_ATTACK_NAME as readonly string[]).includes(attack);
  const callFamily: AttackFamily = (KIT_OPERATIONS as readonly string[]).includes(activity) ? 'kit' : generation === 'v1' ? 'v1' : 'v2';
  const family = known ? attackFamily(attack as AttackName) : callFamily;
  if (family !== callFamily) {
    findings.push({
      pointer: at('attack'),
      problem: `attack ${attack} is defined for ${FAMILY_WORDS[family]}, not for ${activity}${callFamily === 'v1' ? ' in a V1 scenario' : ''}`,
      hint: `attacks for ${activity}: ${attacksOf(callFamily).join(', ')}`,
    });
  }
  if (step.sign !== undefined) {
    findings.push({ pointer: at('sign'), at: 'key', problem: '`sign` cannot be combined with `attack`: the attack decides the signature parameters', hint: 'remove `sign`, or the attack and keep your own `sign` overrides' });
  }
  if (step.retry === true) {
    findings.push({ pointer: at('retry'), problem: `a forged call is sent once: \`retry: true\` cannot be combined with \`attack\``, hint: 'remove `retry`' });
  }
  if (known && isReplayAttack(attack as AttackName)) return findings;
  for (const key of CALL_EXPECTATIONS) {
    if (step.expect?.[key] === undefined) continue;
    findings.push({ pointer: at('expect', key), at: 'key', problem: `\`expect.${key}\` does not apply to a forged call: security.${attack} judges how the seller answered it`, hint: `remove \`${key}\`; use \`resultCode\` or \`fields\` to require more` });
  }
  return findings;
}

function checkNoSideEffectOf(step: RawStep, index: number, scope: ReferenceScope): Finding[] {
  const target = step.expect?.noSideEffectOf;
  if (target === undefined) return [];
  const pointer = toPointer(['steps', index, 'expect', 'noSideEffectOf']);
  if (step.attack !== undefined && !step.attack.endsWith('replay')) {
    return [{ pointer, problem: 'a forged call cannot prove that another one had no effect', hint: 'put `noSideEffectOf` on the valid call that follows the forged one' }];
  }
  const earlierAttacks = [...scope.steps].filter(([, s]) => s.index < scope.current && s.attack !== undefined).map(([id]) => id);
  const named = scope.steps.get(target);
  if (named === undefined) {
    return [{ pointer, problem: `\`noSideEffectOf: ${target}\` names no step`, hint: earlierAttacks.length === 0 ? 'give the attack step an id and name it here' : suggestName(target, earlierAttacks, 'attack steps before this one') }];
  }
  if (named.index >= scope.current) {
    return [{ pointer, problem: `\`noSideEffectOf: ${target}\` names step ${target}, which ${named.index === scope.current ? 'is this step' : `comes later (line ${named.line})`}`, hint: 'name an attack step before this one' }];
  }
  if (named.attack === undefined) {
    return [{ pointer, problem: `step ${target} sends no forged call (it has no \`attack\`)`, hint: earlierAttacks.length === 0 ? 'add `attack` to that step' : suggestName(target, earlierAttacks, 'attack steps before this one') }];
  }
  return [];
}

/**
 * @example
 *   validateAttackStep({ send: 'releaseInstance', attack: 'wrong-key', retry: true }, 3, 'v2', scope);
 *   // [{ pointer: '/steps/3/retry', problem: 'a forged call is sent once: …' }]
 */
export const validateAttackStep = (step: RawStep, index: number, generation: 'v1' | 'v2', scope: ReferenceScope): Finding[] => [
  ...checkAttack(step, index, generation),
  ...checkNoSideEffectOf(step, index, scope),
];
