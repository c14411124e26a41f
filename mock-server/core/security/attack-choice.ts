/**
 * Choosing an attack by name for one call (`koomock send ACTIVITY --attack NAME`): the name must
 * be known and belong to the call's interface family (docs/fidelity.md#d48).
 */
import { type AttackFamily, type AttackName, attackFamily, attacksOf, EVERY_ATTACK_NAME } from '../checks/attack-names.js';
import { usageError } from '../errors.js';
import { KIT_OPERATIONS } from '../produce/types.js';
import { closestName } from '../suggest.js';

const FAMILY_WORDS: Readonly<Record<AttackFamily, string>> = { v2: 'V2 calls', kit: 'kit calls', v1: 'V1 calls' };

/**
 * The family of a call: kit for the kit operations, else the generation's.
 * @example
 *   callFamily('tenantSync', 'v2'); // 'kit'
 */
export const callFamily = (activity: string, generation: 'v1' | 'v2'): AttackFamily =>
  (KIT_OPERATIONS as readonly string[]).includes(activity) ? 'kit' : generation === 'v1' ? 'v1' : 'v2';

/**
 * The attack named `name` for a call of `activity`, or a USAGE error that lists the attacks of the
 * call's family and suggests the closest.
 * @example
 *   chooseAttack('kit-wrong-kye', 'tenantSync', 'v2'); // throws: unknown attack "kit-wrong-kye" (did you mean kit-wrong-key?) …
 *   chooseAttack('wrong-key', 'tenantSync', 'v2');     // throws: attack wrong-key is for V2 calls … (did you mean kit-wrong-key?)
 */
export function chooseAttack(name: string, activity: string, generation: 'v1' | 'v2'): AttackName {
  const family = callFamily(activity, generation);
  const allowed = attacksOf(family);
  const list = `attacks for ${activity} (${FAMILY_WORDS[family]}): ${allowed.join(', ')}`;
  const known = (EVERY_ATTACK_NAME as readonly string[]).includes(name);
  if (known && allowed.includes(name as AttackName)) return name as AttackName;
  const bare = name.replace(/^(kit|v1)-/, '');
  const near = closestName(family === 'v2' ? bare : `${family}-${bare}`, allowed) ?? closestName(name, allowed);
  const mean = near === undefined ? '' : ` (did you mean ${near}?)`;
  if (known) throw usageError(`attack ${name} is for ${FAMILY_WORDS[attackFamily(name as AttackName)]}, not for ${activity}${mean}: ${list}`, { attack: name, activity });
  throw usageError(`unknown attack ${JSON.stringify(name)}${mean}: ${list}`, { attack: name, activity });
}
