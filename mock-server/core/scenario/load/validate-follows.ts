/**
 * Semantic findings for `follows` on an order step: follow-on orders (RENEW, CHANGE,
 * TRIAL_TO_FORMAL, UNSUBSCRIBE) must name the order line they follow, and only they may.
 */
import { isFollowOnType } from '../../market/follow-on.js';
import type { ReferenceScope } from './validate-references.js';
import type { Finding } from './problems.js';
import type { RawOrder } from './raw.js';
import { toFollowedStep } from './references.js';
import { suggestName } from '../../suggest.js';
import { toPointer } from '../../schemas/located-yaml.js';

const VERBS: Readonly<Record<string, string>> = { RENEW: 'renews', CHANGE: 'changes', TRIAL_TO_FORMAL: 'converts', UNSUBSCRIBE: 'ends' };
const HINT = 'name the newInstance step of the instance, e.g. follows: ${create} (or the order step that bought it)';

function targetFinding(order: RawOrder, index: number, scope: ReferenceScope): Finding | undefined {
  const pointer = toPointer(['steps', index, 'order', 'follows']);
  const id = toFollowedStep(order.follows ?? '');
  const target = scope.steps.get(id);
  if (target === undefined) {
    const names = [...scope.steps.keys()];
    return { pointer, problem: `follows ${order.follows ?? ''}: there is no step \`${id}\``, hint: names.length === 0 ? HINT : suggestName(id, names, 'step ids') };
  }
  if (target.index >= index) return { pointer, problem: `follows ${order.follows ?? ''}: step \`${id}\` does not come before this order`, hint: 'an order can only follow an earlier step' };
  if (target.kind === 'order' || (target.kind === 'send' && target.send === 'newInstance')) return undefined;
  const what = target.kind === 'send' ? `sends ${target.send ?? 'a call'}` : `is a ${target.kind} step`;
  return { pointer, problem: `follows ${order.follows ?? ''}: step \`${id}\` ${what}, which creates no order line or instance`, hint: HINT };
}

/**
 * Findings for one order step's `follows`.
 * @example validateFollows({ product: 'PERIOD', orderType: 'RENEW' }, 3, scope) // [{ problem: 'a RENEW order renews the order line it follows ...' }]
 */
export function validateFollows(order: RawOrder, index: number, scope: ReferenceScope): Finding[] {
  const type = order.orderType ?? 'NEW';
  if (order.mock !== undefined) return [];
  if (order.follows === undefined) {
    if (!isFollowOnType(type)) return [];
    return [{
      pointer: toPointer(['steps', index, 'order', 'orderType']),
      problem: `a ${type} order ${VERBS[type] ?? 'follows'} an existing order line, but this one has no \`follows\` (the buyer, expiry and price come from that line)`,
      hint: HINT,
    }];
  }
  if (!isFollowOnType(type)) {
    return [{
      pointer: toPointer(['steps', index, 'order', 'follows']),
      at: 'key',
      problem: `a ${type} order starts a new order line and follows none`,
      hint: 'set orderType to RENEW, CHANGE, TRIAL_TO_FORMAL or UNSUBSCRIBE, or remove follows',
    }];
  }
  const findings: Finding[] = [];
  const target = targetFinding(order, index, scope);
  if (target !== undefined) findings.push(target);
  if (type === 'CHANGE' || type === 'UNSUBSCRIBE') {
    for (const key of ['periodType', 'periodNumber'] as const) {
      if (order[key] === undefined) continue;
      findings.push({
        pointer: toPointer(['steps', index, 'order', key]),
        at: 'key',
        problem: type === 'CHANGE' ? 'an upgrade keeps the validity period of the line it changes' : 'an unsubscription adds no period',
        hint: `remove ${key}`,
      });
    }
  }
  return findings;
}
