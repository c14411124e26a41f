import type { AttemptRecord } from './attempt.js';
import type { CallOutcome, OrderFailure, ProductionInterfaceMessage } from './call-outcome.js';
import { ORDER_FAILING_ACTIVITIES } from './retry-policy.js';
import type { CallSpec } from './types.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The docs/fidelity.md#d14 outcome of a call whose retries ran out. */
export function giveUp(
  spec: CallSpec,
  attempts: readonly AttemptRecord[],
  reason: string,
  startedAt: number,
  at: number,
  instanceId?: string,
): CallOutcome {
  const orderId = str(spec.fields?.orderId);
  const orderLineId = str(spec.fields?.orderLineId);
  const ids = { ...(orderId === undefined ? {} : { orderId }), ...(orderLineId === undefined ? {} : { orderLineId }) };
  const base = { activity: spec.activity, attempts, startedAt, endedAt: at, ...(instanceId === undefined ? {} : { instanceId }) };
  if (ORDER_FAILING_ACTIVITIES.has(spec.activity)) {
    const orderFailure: OrderFailure = {
      kind: 'order-failed',
      activity: spec.activity,
      ...ids,
      orderState: 'FAILED',
      autoUnsubscribed: true,
      refund: true,
      reason,
      at,
    };
    return { ...base, final: 'order-failed', orderFailure };
  }
  const target = instanceId ?? str(spec.fields?.instanceId);
  const interfaceMessage: ProductionInterfaceMessage = {
    kind: 'production-interface-message',
    activity: spec.activity,
    ...ids,
    ...(target === undefined ? {} : { instanceId: target }),
    reason,
    attempts: attempts.length,
    at,
  };
  return { ...base, final: 'production-interface-message', interfaceMessage };
}
