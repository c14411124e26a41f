/**
 * A seller's instance as koomock tracks it, and its lifecycle as a transition table. A move the
 * table does not allow is data (`{ok: false}`), because it usually means a scenario asked for
 * something the real platform would never send (unfreezing a released instance).
 */
import type { ChargingMode } from './catalog.js';
import { toIdempotencyKey } from './idempotency.js';
import type { Order, OrderLine } from './order.js';

export type InstanceState = 'PROVISIONING' | 'ACTIVE' | 'FROZEN' | 'RELEASED' | 'FAILED';

/** queryInstance `info[].appInfo` (produce-api.md §3.2). */
export interface AppInfo {
  readonly frontEndUrl: string;
  readonly adminUrl?: string;
  readonly userName?: string;
  readonly password?: string;
  readonly memo?: string;
}

interface EventBase {
  readonly at: number;
  /** The order that caused the event (renewal, upgrade, unsubscription), when it is not the instance's own. */
  readonly orderId?: string;
  readonly orderLineId?: string;
}

export type InstanceEvent =
  | (EventBase & { readonly type: 'PROVISIONED'; readonly appInfo?: AppInfo })
  | (EventBase & { readonly type: 'PROVISION_FAILED' })
  | (EventBase & { readonly type: 'FREEZE' | 'UNFREEZE' | 'RELEASE' })
  | (EventBase & {
      readonly type: 'RENEW' | 'RENEWAL_CHANGE' | 'UNSUBSCRIBE_RENEWAL' | 'UPGRADE' | 'TRIAL_TO_FORMAL';
      /** New productId when the period type or SKU changed (refreshInstance/upgrade). */
      readonly productId?: string;
      /** New expiry, UTC `yyyyMMddHHmmss`. */
      readonly expireTime?: string;
    });

export type InstanceEventType = InstanceEvent['type'];

export interface InstanceHistoryEntry {
  readonly at: number;
  readonly event: InstanceEventType | 'CREATED';
  readonly from?: InstanceState;
  readonly to: InstanceState;
  readonly orderId?: string;
  readonly orderLineId?: string;
}

export interface InstanceRecord {
  readonly instanceId: string;
  readonly orderId: string;
  readonly orderLineId: string;
  readonly productId: string;
  readonly sellerId: string;
  readonly chargingMode: ChargingMode;
  /** docs/fidelity.md#d16 key of the newInstance that created it; re-sends must map to this instance. */
  readonly idempotencyKey: string;
  readonly trial: boolean;
  readonly state: InstanceState;
  readonly appInfo?: AppInfo;
  /** UTC `yyyyMMddHHmmss`, for period instances. */
  readonly expireTime?: string;
  readonly createdAt: number;
  readonly history: readonly InstanceHistoryEntry[];
}

/**
 * The lifecycle. Renewal during the freeze period unfreezes (produce-api.md §3.4); cancelling a
 * renewal changes only the expiry; upgrades apply to running instances only.
 */
export const INSTANCE_TRANSITIONS: Readonly<Record<InstanceEventType, Partial<Record<InstanceState, InstanceState>>>> = {
  PROVISIONED: { PROVISIONING: 'ACTIVE' },
  PROVISION_FAILED: { PROVISIONING: 'FAILED' },
  FREEZE: { ACTIVE: 'FROZEN' },
  UNFREEZE: { FROZEN: 'ACTIVE' },
  RELEASE: { ACTIVE: 'RELEASED', FROZEN: 'RELEASED' },
  RENEW: { ACTIVE: 'ACTIVE', FROZEN: 'ACTIVE' },
  RENEWAL_CHANGE: { ACTIVE: 'ACTIVE', FROZEN: 'ACTIVE' },
  UNSUBSCRIBE_RENEWAL: { ACTIVE: 'ACTIVE', FROZEN: 'FROZEN' },
  UPGRADE: { ACTIVE: 'ACTIVE' },
  TRIAL_TO_FORMAL: { ACTIVE: 'ACTIVE', FROZEN: 'ACTIVE' },
};

export type InstanceTransitionResult =
  | { readonly ok: true; readonly instance: InstanceRecord }
  | { readonly ok: false; readonly reason: 'invalid-transition' | 'not-trial'; readonly detail: string };

export interface CreateInstanceInput {
  readonly instanceId: string;
  readonly order: Order;
  readonly orderLine: OrderLine;
  readonly at: number;
  readonly generation?: 'v2' | 'v1';
}

/**
 * A PROVISIONING instance for one order line (the seller answered newInstance with this id).
 * @example createInstanceRecord({ instanceId: reply.instanceId, order, orderLine, at: clock.now() })
 */
export function createInstanceRecord(input: CreateInstanceInput): InstanceRecord {
  const { order, orderLine } = input;
  const productId = orderLine.productInfo[0]?.productId ?? '';
  return {
    instanceId: input.instanceId,
    orderId: order.orderInfo.orderId,
    orderLineId: orderLine.orderLineId,
    productId,
    sellerId: order.sellerId,
    chargingMode: orderLine.chargingMode,
    idempotencyKey: toIdempotencyKey(
      { orderId: order.orderInfo.orderId, orderLineId: orderLine.orderLineId, productId, chargingMode: orderLine.chargingMode },
      input.generation,
    ),
    trial: order.orderInfo.orderType === 'TRIAL',
    state: 'PROVISIONING',
    ...(orderLine.expireTime === undefined ? {} : { expireTime: orderLine.expireTime }),
    createdAt: input.at,
    history: [{ at: input.at, event: 'CREATED', to: 'PROVISIONING' }],
  };
}

/**
 * Applies one event, or says why it cannot apply.
 * @example transition(instance, { type: 'FREEZE', at: clock.now() }) // { ok: true, instance: { state: 'FROZEN', ... } }
 */
export function transition(instance: InstanceRecord, event: InstanceEvent): InstanceTransitionResult {
  const table = INSTANCE_TRANSITIONS[event.type];
  const to = table[instance.state];
  if (to === undefined) {
    const from = Object.keys(table).join(', ');
    return {
      ok: false,
      reason: 'invalid-transition',
      detail: `${event.type} does not apply to instance ${instance.instanceId} in state ${instance.state} (it applies in: ${from})`,
    };
  }
  if (event.type === 'TRIAL_TO_FORMAL' && !instance.trial) {
    return { ok: false, reason: 'not-trial', detail: `instance ${instance.instanceId} is not a trial, so it cannot turn formal` };
  }
  const changes: Partial<InstanceRecord> = {
    ...(event.type === 'PROVISIONED' && event.appInfo !== undefined ? { appInfo: event.appInfo } : {}),
    ...('productId' in event && event.productId !== undefined ? { productId: event.productId } : {}),
    ...('expireTime' in event && event.expireTime !== undefined ? { expireTime: event.expireTime } : {}),
    ...(event.type === 'TRIAL_TO_FORMAL' ? { trial: false } : {}),
  };
  const entry: InstanceHistoryEntry = {
    at: event.at,
    event: event.type,
    from: instance.state,
    to,
    ...(event.orderId === undefined ? {} : { orderId: event.orderId }),
    ...(event.orderLineId === undefined ? {} : { orderLineId: event.orderLineId }),
  };
  return { ok: true, instance: { ...instance, ...changes, state: to, history: [...instance.history, entry] } };
}
