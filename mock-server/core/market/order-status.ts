/**
 * Where an order stands, as a transition table. docs/fidelity.md#d14: when newInstance retries run out the order
 * becomes FAILED and is then unsubscribed automatically with a refund.
 */
import type { Order, OrderStatus, RefundRecord } from './order.js';

const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['PROVISIONING', 'ACTIVE', 'FAILED', 'UNSUBSCRIBED'],
  PROVISIONING: ['ACTIVE', 'FAILED'],
  ACTIVE: ['UNSUBSCRIBED'],
  FAILED: ['UNSUBSCRIBED'],
  UNSUBSCRIBED: [],
};

export interface OrderStatusChange {
  readonly at: number;
  readonly note?: string;
  /** Recorded with the change (auto-unsubscription after a failed order, docs/fidelity.md#d14). */
  readonly refund?: Omit<RefundRecord, 'at'>;
}

export type OrderTransitionResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly reason: 'invalid-transition'; readonly detail: string };

/**
 * The order moved to `to`, with the change in its history; or why that move is not allowed.
 * @example changeOrderStatus(order, 'FAILED', { at: clock.now(), note: 'newInstance retries ran out' })
 */
export function changeOrderStatus(order: Order, to: OrderStatus, change: OrderStatusChange): OrderTransitionResult {
  const allowed = NEXT[order.status];
  if (!allowed.includes(to)) {
    return {
      ok: false,
      reason: 'invalid-transition',
      detail: `order ${order.orderInfo.orderId} is ${order.status} and cannot become ${to} (allowed: ${allowed.join(', ') || 'none'})`,
    };
  }
  return {
    ok: true,
    order: {
      ...order,
      status: to,
      ...(change.refund === undefined ? {} : { refund: { at: change.at, ...change.refund } }),
      history: [
        ...order.history,
        { at: change.at, from: order.status, to, ...(change.note === undefined ? {} : { note: change.note }) },
      ],
    },
  };
}
