/**
 * Semantic findings for forged calls in a scenario: where `attack` can go (V2 calls, no `sign`,
 * one attempt), and what `expect.noSideEffectOf` may name (an earlier attack step).
 */
import { KIT_OPERATIONS } from '../../produce/types.js';
import { suggestName } from '../../suggest.js';
import type { ReferenceScope } from './validate-references.js';
import type { Finding } from './problems.js';
import type { RawStep } from './raw.js';
import { toPointer } from '../../schemas/located-yaml.js';

/** Expectations about how a call ended, which a forged call does not have (security.<attack> judges it). */
const CALL_EXPECTATIONS = ['outcome', 'attempts', 'sameAs'] as const;

function checkAttack(step: RawStep, index: number, generation: 'v1' | 'v2'): Finding[] {
  const attack = step.attack;
  if (attack === undefined) return [];
  const at = (...tokens: (string | number)[]) => toPointer(['steps', index, ...tokens]);
  const findings: Finding[] = [];
  const activity = step.send ?? '';
  if (generation === 'v1') {
    findings.push({ pointer: at('attack'), problem: `attack ${attack} is defined for V2 calls; this scenario runs V1 (profile generation v1)`, hint: 'put security scenarios in a V2 scenario (remove `generation: v1`)' });
  } else if ((KIT_OPERATIONS as readonly string[]).includes(activity)) {
    findings.push({ pointer: at('attack'), problem: `attack ${attack} is defined for V2 basic calls and orderNotify, not for the kit operation ${activity}`, hint: 'forge a basic call such as releaseInstance or newInstance' });
  }
  if (step.sign !== undefined) {
    findings.push({ pointer: at('sign'), at: 'key', problem: '`sign` cannot be combined with `attack`: the attack decides the signature parameters', hint: 'remove `sign`, or the attack and keep your own `sign` overrides' });
  }
  if (step.retry === true) {
    findings.push({ pointer: at('retry'), problem: `a forged call is sent once: \`retry: true\` cannot be combined with \`attack\``, hint: 'remove `retry`' });
  }
  if (attack === 'replay') return findings;
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
  if (step.attack !== undefined && step.attack !== 'replay') {
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
