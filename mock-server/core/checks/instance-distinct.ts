import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const INSTANCE_DISTINCT = 'instance.distinct';

/** One provisioned thing: its idempotency key in words and the instanceId the seller gave it. */
export interface KeyedInstance {
  readonly key: string;
  readonly instanceId: string;
}

/**
 * Different order lines (and different on-demand products of one order) got different instances.
 * @example
 *   checkInstanceDistinct([{ key: 'productId P1', instanceId: 'i1' }, { key: 'productId P2', instanceId: 'i1' }]).ok; // false
 */
export function checkInstanceDistinct(instances: readonly KeyedInstance[]): CheckResult {
  const keysById = new Map<string, Set<string>>();
  for (const { key, instanceId } of instances) {
    const keys = keysById.get(instanceId) ?? new Set<string>();
    keys.add(key);
    keysById.set(instanceId, keys);
  }
  const shared = [...keysById].filter(([, keys]) => keys.size > 1);
  const expected = `${new Set(instances.map((i) => i.key)).size} different instanceIds, one per order line / product`;
  if (shared.length === 0) return { id: INSTANCE_DISTINCT, ok: true, expected, received: `${keysById.size} different instanceIds` };
  const [id, keys] = shared[0] as [string, Set<string>];
  return {
    id: INSTANCE_DISTINCT,
    ok: false,
    expected,
    received: cut(`instanceId "${id}" for ${[...keys].join(' and ')}${shared.length > 1 ? ` (and ${shared.length - 1} more shared)` : ''}`),
    hint:
      'One order can carry several instances: for on-demand products the marketplace sends one newInstance per productId with the same orderId. Key idempotency on orderId + orderLineId (on-demand: orderId + productId), not on orderId alone.',
  };
}
