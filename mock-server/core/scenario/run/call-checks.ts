/**
 * Checks a scenario runs over a whole call rather than one answer: did the seller fetch the order
 * (`order.queried`), do different order lines get different instances (`instance.distinct`), and
 * how did the order end (`order.outcome`).
 */
import { checkInstanceDistinct } from '../../checks/instance-distinct.js';
import { checkOrderOutcome } from '../../checks/order-outcome.js';
import { checkOrderQueried, ORDER_QUERIED } from '../../checks/order-queried.js';
import { INSTANCE_DISTINCT } from '../../checks/instance-distinct.js';
import { checkResponseInstances } from '../../checks/response-instances.js';
import { parseJsonObject } from '../../signing/canonical-json.js';
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
 * A re-send for an order line the seller already fetched (idempotent re-send, repeated
 * notification): answering it from its own records, without a second order query, is correct.
 */
const notRequiredAgain = (check: CheckResult, earlier: string): CheckResult => ({
  id: check.id,
  ok: true,
  expected: `${check.expected ?? ''}, unless the seller already fetched this order line`,
  received: `not queried again: the seller fetched this order line in ${earlier} and answers the re-send from its own records`,
});

/** queryInstance: every queried instance koomock knows to exist (not released) is in `info[]`. */
function queriedInstancesCheck(outcome: CallOutcome, state: ScenarioState): CheckResult | undefined {
  const main = outcome.attempts.filter((a) => a.activity === 'queryInstance');
  const last = main[main.length - 1];
  if (last?.outcome !== 'success' || last.answer === undefined) return undefined;
  const sent = last.request.body === undefined ? undefined : parseJsonObject(last.request.body)?.['instanceId'];
  const ids = typeof sent === 'string' ? sent.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
  const live = ids.filter((id) => {
    const record = state.memory.records.get(id);
    return record !== undefined && record.state !== 'RELEASED' && record.state !== 'FAILED';
  });
  return live.length === 0 ? undefined : checkResponseInstances(last.answer, live);
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
    const check = checkOrderQueried({ log: deps.orderQueries, ...query, fromMs: outcome.startedAt, toMs: outcome.endedAt, graceMs: deps.orderQueryGraceMs ?? DEFAULT_ORDER_QUERY_GRACE_MS });
    const line = `${subject.orderId} ${subject.orderLineId ?? ''}`;
    const earlier = state.memory.queried.get(line);
    if (check.ok) state.memory.queried.set(line, `${state.scenario.id}/${step.id}`);
    checks.push(check.ok || earlier === undefined ? check : notRequiredAgain(check, earlier));
  }
  const queried = step.activity === 'queryInstance' ? queriedInstancesCheck(outcome, state) : undefined;
  if (queried !== undefined) checks.push(queried);
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
