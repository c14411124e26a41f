import type { CheckResult } from '../result.js';
import { quoted } from './cut.js';

export const ORDER_OUTCOME = 'order.outcome';

/**
 * The order ended in the state the scenario expects (e.g. NORMAL after a successful newInstance,
 * FAILED when the seller never succeeded within the retry window).
 * @example
 *   checkOrderOutcome({ orderId: 'CS1', expected: 'NORMAL', actual: 'FAILED' }).ok; // false
 */
export function checkOrderOutcome(input: { readonly orderId: string; readonly expected: string; readonly actual: string | undefined }): CheckResult {
  const expected = `order ${input.orderId} in state ${input.expected}`;
  if (input.actual === input.expected) return { id: ORDER_OUTCOME, ok: true, expected, received: input.actual };
  let hint = 'See the attempts of the calls for this order: the first failing check of each attempt says what to change.';
  if (input.actual === 'FAILED') {
    hint = 'The marketplace gave up: no attempt of newInstance/upgradeInstance succeeded within the retry window, so the order failed and was unsubscribed with a refund. Fix the first failing check of the attempts.';
  } else if (input.actual === undefined) {
    hint = 'koomock has no such order: check the orderId of the scenario.';
  }
  return { id: ORDER_OUTCOME, ok: false, expected, received: quoted(input.actual), hint };
}
