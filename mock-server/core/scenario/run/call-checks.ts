/**
 * Checks a scenario runs over a whole call rather than one answer: did the seller fetch the order
 * (`order.queried`), do different order lines get different instances (`instance.distinct`), and
 * how did the order end (`order.outcome`).
 */
import { checkInstanceDistinct } from '../../checks/instance-distinct.js';
import { checkOrderOutcome } from '../../checks/order-outcome.js';
import { checkOrderQueried, ORDER_QUERIED } from '../../checks/order-queried.js';
import { INSTANCE_DISTINCT } from '../../checks/instance-distinct.js';
import { checkInstanceReleased, type GoneInstance, INSTANCE_RELEASED } from '../../checks/instance-released.js';
import { isMockOrderId } from '../../market/mock-orders.js';
import type { Order } from '../../market/order.js';
import { type CallOutcome, summariseFailure } from '../../produce/call-outcome.js';
import { ORDER_FAILING_ACTIVITIES } from '../../produce/retry-policy.js';
import type { CheckResult } from '../../result.js';
import type { SendStep } from '../load/model.js';
import type { CallSubject } from './idempotency.js';
import { splitAttempts, toSentRequest } from './results.js';
import type { ScenarioState } from './state.js';

/** queryInstance ids koomock knows are released, or that no seller answer ever issued. */
function goneInstances(outcome: CallOutcome, state: ScenarioState): { gone: GoneInstance[]; answer: Readonly<Record<string, unknown>> | undefined } {
  const sent = splitAttempts(outcome, 'queryInstance').main.at(-1);
  const asked = String((sent === undefined ? undefined : toSentRequest(sent))?.['instanceId'] ?? '');
  const issued = new Set([...state.memory.instances.values()].map((i) => i.instanceId));
  const gone = asked
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .flatMap((instanceId): GoneInstance[] => {
      if (state.memory.records.get(instanceId)?.state === 'RELEASED') return [{ instanceId, why: 'released' }];
      return issued.has(instanceId) || state.memory.records.has(instanceId) ? [] : [{ instanceId, why: 'unknown' }];
    });
  return { gone, answer: sent?.answer };
}

export const DEFAULT_ORDER_QUERY_GRACE_MS = 5_000;

const listed = (step: SendStep, id: string): boolean => step.expect.pass.includes(id) || step.expect.fail.includes(id);

/** The state an order ended in, as the marketplace reports it: FAILED stays FAILED after the automatic unsubscription. */
const endState = (order: Order): string =>
  order.status === 'UNSUBSCRIBED' && order.history.some((h) => h.to === 'FAILED') ? 'FAILED' : order.status;

const minutes = (ms: number): string => `${Math.round(ms / 60_000)} min`;

function outcomeCheck(step: SendStep, outcome: CallOutcome, order: Order): CheckResult {
  const expected = step.expect.outcome === 'order-failed' ? 'FAILED' : 'ACTIVE';
  const actual = endState(order);
  const check = checkOrderOutcome({ orderId: order.orderInfo.orderId, expected, actual });
  if (check.ok || actual !== 'FAILED') return check;
  const n = outcome.attempts.filter((a) => a.activity === step.activity).length;
  const last = outcome.attempts[outcome.attempts.length - 1];
  const refund = order.refund === undefined ? '' : `, refund ${order.refund.amount} recorded`;
  return {
    ...check,
    received: `FAILED and unsubscribed automatically${refund}: ${n} attempt(s) of ${step.activity} over ${minutes(outcome.endedAt - outcome.startedAt)}, none succeeded; last attempt: ${last === undefined ? '?' : summariseFailure(last.checks)}`,
    ...(outcome.stoppedEarly === undefined ? {} : { hint: `${outcome.stoppedEarly}. ${check.hint ?? ''}`.trim() }),
  };
}

/**
 * The call-level checks of a send step, after its outcome was booked.
 * @example
 *   await runCallChecks(step, outcome, subject, state); // [{ id: 'order.queried', ok: true, ... }]
 */
export async function runCallChecks(step: SendStep, outcome: CallOutcome, subject: CallSubject | undefined, state: ScenarioState): Promise<CheckResult[]> {
  const { deps } = state;
  const checks: CheckResult[] = [];
  if (subject !== undefined && listed(step, ORDER_QUERIED)) {
    const query = { orderId: subject.orderId, ...(subject.orderLineId === undefined ? {} : { orderLineId: subject.orderLineId }) };
    await deps.orderQueries.settle?.({ ...query, fromMs: outcome.startedAt });
    checks.push(
      checkOrderQueried({ log: deps.orderQueries, ...query, fromMs: outcome.startedAt, toMs: outcome.endedAt, graceMs: deps.orderQueryGraceMs ?? DEFAULT_ORDER_QUERY_GRACE_MS }),
    );
  }
  if (subject !== undefined && listed(step, INSTANCE_DISTINCT)) {
    const instances = [...state.memory.instances.values()].filter((i) => i.orderId === subject.orderId).map((i) => ({ key: i.keyWords, instanceId: i.instanceId }));
    checks.push(checkInstanceDistinct(instances));
  }
  if (step.activity === 'queryInstance' && listed(step, INSTANCE_RELEASED)) {
    const { gone, answer } = goneInstances(outcome, state);
    if (gone.length > 0) checks.push(checkInstanceReleased(gone, answer));
  }
  const order = subject === undefined || isMockOrderId(subject.orderId) ? undefined : state.orders.get(subject.orderId);
  if (order !== undefined && ORDER_FAILING_ACTIVITIES.has(step.activity)) checks.push(outcomeCheck(step, outcome, order));
  return checks;
}

/** Whether `order.outcome` judges how this call ended (so `expect.outcome` need not). */
export const isOutcomeJudged = (step: SendStep, subject: CallSubject | undefined, state: ScenarioState): boolean =>
  ORDER_FAILING_ACTIVITIES.has(step.activity) && subject !== undefined && !isMockOrderId(subject.orderId) && state.orders.has(subject.orderId);
