/**
 * Instance and order bookkeeping after a call (the marketplace's side of the story): a provisioned
 * instance is stored, lifecycle calls move it, a newInstance/upgradeInstance whose retries ran out
 * fails its order, unsubscribes it and records a refund (docs/fidelity.md#d14), and any other call that gave up
 * becomes a production interface message.
 */
import { createInstanceRecord, type AppInfo, type InstanceEvent, type InstanceRecord, transition } from '../../market/instance.js';
import { isMockOrderId } from '../../market/mock-orders.js';
import { changeOrderStatus } from '../../market/order-status.js';
import type { Order, OrderStatus } from '../../market/order.js';
import type { CallOutcome } from '../../produce/call-outcome.js';
import type { CallSpec } from '../../produce/types.js';
import type { CallSubject, IdempotencySubject } from './idempotency.js';
import { splitAttempts, toSentRequest } from './results.js';
import type { ScenarioState } from './state.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const SCENE_EVENTS: Readonly<Record<string, InstanceEvent['type']>> = {
  RENEWAL: 'RENEW',
  RENEWAL_CHANGE: 'RENEWAL_CHANGE',
  UNSUBSCRIBE_RENEWAL_PERIOD: 'UNSUBSCRIBE_RENEWAL',
  TRIAL_TO_FORMAL: 'TRIAL_TO_FORMAL',
};

function toAppInfo(v: Readonly<Record<string, unknown>> | undefined): AppInfo | undefined {
  if (v === undefined || typeof v['frontEndUrl'] !== 'string') return undefined;
  const pick = (k: string) => (typeof v[k] === 'string' ? { [k]: v[k] as string } : {});
  return { frontEndUrl: v['frontEndUrl'], ...pick('adminUrl'), ...pick('userName'), ...pick('password'), ...pick('memo') };
}

/** Moves a catalog order of this scenario; mock orders and moves the table forbids stay as they are. */
async function moveOrder(state: ScenarioState, orderId: string | undefined, to: OrderStatus, note: string, refundReason?: string): Promise<void> {
  const order = orderId === undefined || isMockOrderId(orderId) ? undefined : state.orders.get(orderId);
  if (order === undefined || order.status === to) return;
  const at = state.deps.clock.now();
  let next: Order = order;
  if (to === 'UNSUBSCRIBED' && refundReason !== undefined) {
    const failed = changeOrderStatus(next, 'FAILED', { at, note });
    if (!failed.ok) return;
    const amount = next.orderInfo.orderLine[0]?.currencyAfterDiscount ?? '0';
    const unsubscribed = changeOrderStatus(failed.order, 'UNSUBSCRIBED', { at, note: 'unsubscribed automatically (docs/fidelity.md#d14)', refund: { amount, reason: refundReason } });
    if (!unsubscribed.ok) return;
    next = unsubscribed.order;
  } else {
    const moved = changeOrderStatus(next, to, { at, note });
    if (!moved.ok) return;
    next = moved.order;
  }
  state.orders.set(orderId as string, next);
  await state.deps.market.putOrder(next);
}

async function saveInstance(state: ScenarioState, record: InstanceRecord): Promise<void> {
  state.memory.records.set(record.instanceId, record);
  await state.deps.market.putInstance(record);
}

async function applyEvent(state: ScenarioState, instanceId: string | undefined, event: InstanceEvent): Promise<void> {
  const record = instanceId === undefined ? undefined : state.memory.records.get(instanceId);
  if (record === undefined) return;
  // A move the lifecycle does not allow is a re-send (freeze twice, release twice): nothing changes.
  const moved = transition(record, event);
  if (moved.ok) await saveInstance(state, moved.instance);
}

async function bookNewInstance(state: ScenarioState, outcome: CallOutcome, subject: IdempotencySubject | undefined): Promise<void> {
  const instanceId = outcome.instanceId;
  if (subject === undefined) return;
  const at = state.deps.clock.now();
  const { memory } = state;
  if (instanceId !== undefined && !memory.instances.has(subject.key)) {
    memory.instances.set(subject.key, { instanceId, keyWords: subject.words, orderId: subject.orderId });
    // The same id under another key is the seller's mistake (instance.distinct): keep the first record.
    if (subject.order !== undefined && subject.line !== undefined && !memory.records.has(instanceId)) {
      const created = createInstanceRecord({ instanceId, order: subject.order, orderLine: subject.line, at, generation: state.profile.generation });
      const appInfo = toAppInfo(outcome.appInfo);
      const event: InstanceEvent = outcome.final === 'success' ? { type: 'PROVISIONED', at, ...(appInfo === undefined ? {} : { appInfo }) } : { type: 'PROVISION_FAILED', at };
      const moved = transition(created, event);
      await saveInstance(state, moved.ok ? moved.instance : created);
    }
  }
  if (outcome.final === 'success') await moveOrder(state, subject.orderId, 'ACTIVE', 'newInstance succeeded');
  else if (outcome.orderFailure !== undefined) await moveOrder(state, subject.orderId, 'UNSUBSCRIBED', outcome.orderFailure.reason, `newInstance failed: ${outcome.orderFailure.reason}`);
}

/**
 * Applies a finished call to the marketplace state.
 * @example
 *   await bookOutcome(spec, outcome, state, subject);
 */
export async function bookOutcome(spec: CallSpec, outcome: CallOutcome, state: ScenarioState, subject: CallSubject | IdempotencySubject | undefined): Promise<void> {
  const fields = spec.fields ?? {};
  const instanceId = str(fields['instanceId']);
  const at = state.deps.clock.now();
  const orderIds = { ...(subject === undefined ? {} : { orderId: subject.orderId }), ...(subject?.orderLineId === undefined ? {} : { orderLineId: subject.orderLineId }) };
  if (spec.activity === 'newInstance') {
    await bookNewInstance(state, outcome, subject !== undefined && 'key' in subject ? subject : undefined);
    return;
  }
  if (outcome.final === 'production-interface-message' && outcome.interfaceMessage !== undefined) {
    await state.deps.market.addInterfaceMessage?.(outcome.interfaceMessage);
    return;
  }
  if (outcome.final === 'order-failed') {
    await moveOrder(state, subject?.orderId, 'UNSUBSCRIBED', outcome.orderFailure?.reason ?? 'failed', `${spec.activity} failed: ${outcome.orderFailure?.reason ?? ''}`);
    return;
  }
  const sent = splitAttempts(outcome, spec.activity).main.at(-1);
  const request = sent === undefined ? {} : (toSentRequest(sent) ?? {});
  switch (spec.activity) {
    case 'upgradeInstance':
    case 'upgrade': {
      const productId = subject?.line?.productInfo[0]?.productId;
      await applyEvent(state, instanceId, { type: 'UPGRADE', at, ...orderIds, ...(productId === undefined ? {} : { productId }) });
      await moveOrder(state, subject?.orderId, 'ACTIVE', `${spec.activity} succeeded`);
      return;
    }
    case 'refreshInstance': {
      // V1 has no scene: a conversion is marked trialToFormal=1 (produce-api.md §4.2).
      const type = SCENE_EVENTS[str(request['scene']) ?? ''] ?? (request['trialToFormal'] === '1' ? 'TRIAL_TO_FORMAL' : 'RENEW');
      const productId = str(request['productId']);
      const expireTime = str(request['expireTime']);
      await applyEvent(state, instanceId, {
        type,
        at,
        ...orderIds,
        ...(productId === undefined ? {} : { productId }),
        ...(expireTime === undefined ? {} : { expireTime: expireTime.slice(0, 14) }),
      } as InstanceEvent);
      // A cancelled renewal period ends its renewal order: later renewals extend the expiry before it.
      if (type === 'UNSUBSCRIBE_RENEWAL') await moveOrder(state, subject?.orderId, 'UNSUBSCRIBED', 'renewal period cancelled');
      else await moveOrder(state, subject?.orderId, 'ACTIVE', `refreshInstance ${String(request['scene'] ?? '')} succeeded`);
      return;
    }
    case 'updateInstanceStatus':
    case 'instanceStatus': {
      const status = str(request['status']) ?? str(request['instanceStatus']);
      await applyEvent(state, instanceId, { type: status === 'FREEZE' ? 'FREEZE' : 'UNFREEZE', at, ...orderIds });
      return;
    }
    case 'queryInstance': {
      // V2 newInstance answers carry no appInfo: the buyer's login details arrive here.
      const info = sent?.answer?.['info'];
      for (const entry of Array.isArray(info) ? (info as unknown[]) : []) {
        const e = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
        const record = typeof e['instanceId'] === 'string' ? state.memory.records.get(e['instanceId']) : undefined;
        const appInfo = toAppInfo(typeof e['appInfo'] === 'object' && e['appInfo'] !== null ? (e['appInfo'] as Record<string, unknown>) : undefined);
        if (record !== undefined && appInfo !== undefined) await saveInstance(state, { ...record, appInfo });
      }
      return;
    }
    case 'expireInstance':
      await applyEvent(state, instanceId, { type: 'FREEZE', at, ...orderIds });
      return;
    case 'releaseInstance': {
      await applyEvent(state, instanceId, { type: 'RELEASE', at, ...orderIds });
      if (subject?.order?.orderInfo.orderType !== 'UNSUBSCRIBE') return;
      await moveOrder(state, subject.orderId, 'ACTIVE', 'releaseInstance succeeded');
      // The unsubscription ends the order the instance was bought with.
      const bought = instanceId === undefined ? undefined : state.memory.records.get(instanceId)?.orderId;
      await moveOrder(state, bought, 'UNSUBSCRIBED', `unsubscribed by order ${subject.orderId}`);
      return;
    }
    default:
  }
}
