import type { CheckResult } from '../result.js';
import { quoted } from './cut.js';

export const INSTANCE_IDEMPOTENT = 'instance.idempotent';

export interface IdempotentInput {
  /** The idempotency key in words, e.g. `orderId CS1 + orderLineId CS1-000001` (docs/fidelity.md#d16). */
  readonly key: string;
  /** The instanceId the seller returned first for this key; undefined if none yet. */
  readonly previous: string | undefined;
  /** The instanceId in this answer; undefined when absent (response.schema reports that). */
  readonly current: string | undefined;
}

/**
 * A re-sent newInstance (new businessId, same order line) returns the instanceId first issued (docs/fidelity.md#d16).
 * @example
 *   checkInstanceIdempotent({ key: 'orderId CS1 + orderLineId CS1-000001', previous: 'a', current: 'b' }).ok; // false
 */
export function checkInstanceIdempotent(input: IdempotentInput): CheckResult {
  if (input.previous === undefined) {
    return { id: INSTANCE_IDEMPOTENT, ok: true, expected: `the first instanceId for ${input.key}`, received: quoted(input.current) };
  }
  const expected = `instanceId ${quoted(input.previous)} again for ${input.key}`;
  if (input.current === undefined || input.current === input.previous) {
    return { id: INSTANCE_IDEMPOTENT, ok: true, expected, received: input.current === undefined ? '(no instanceId; see response.schema)' : quoted(input.current) };
  }
  return {
    id: INSTANCE_IDEMPOTENT,
    ok: false,
    expected,
    received: quoted(input.current),
    hint:
      'The marketplace re-sends newInstance with a new businessId. Key idempotency on orderId + orderLineId (on-demand: orderId + productId; V1: orderId), and return the instanceId issued first instead of creating another instance.',
  };
}
