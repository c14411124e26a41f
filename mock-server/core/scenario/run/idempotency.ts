/**
 * Which instance a newInstance call is about (docs/fidelity.md#d16): the order line it names, the idempotency key
 * the seller must honour, and the key in words for messages.
 */
import { getMockOrder } from '../../market/mock-orders.js';
import { toIdempotencyKey } from '../../market/idempotency.js';
import { findOrderLine, type Order, type OrderLine } from '../../market/order.js';
import type { ScenarioState } from './state.js';

export interface CallSubject {
  readonly orderId: string;
  readonly orderLineId?: string;
  /** The order, when the scenario placed it or it is a mock order. */
  readonly order?: Order;
  readonly line?: OrderLine;
}

export interface IdempotencySubject extends CallSubject {
  /** The store's key (market/idempotency.ts). */
  readonly key: string;
  /** E.g. `orderId CS1 + productId OFFI…` (on-demand). */
  readonly words: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The order (line) a call names through its `orderId`/`orderLineId` fields, if any.
 * @example
 *   toCallSubject({ orderId: 'CS1', orderLineId: 'CS1-000001' }, state)?.line?.chargingMode; // 'PERIOD'
 */
export function toCallSubject(fields: Readonly<Record<string, unknown>>, state: ScenarioState): CallSubject | undefined {
  const orderId = str(fields['orderId']);
  if (orderId === undefined) return undefined;
  const orderLineId = str(fields['orderLineId']);
  const order = state.orders.get(orderId) ?? getMockOrder(orderId, state.deps.sellerId);
  const line = order === undefined ? undefined : orderLineId === undefined ? order.orderInfo.orderLine[0] : findOrderLine(order, orderLineId);
  return {
    orderId,
    ...(orderLineId === undefined ? {} : { orderLineId }),
    ...(order === undefined ? {} : { order }),
    ...(line === undefined ? {} : { line }),
  };
}

/**
 * The docs/fidelity.md#d16 key of a newInstance call: V2 `orderId`+`orderLineId`, on-demand `orderId`+`productId`,
 * V1 `orderId`.
 * @example
 *   toIdempotencySubject({ orderId: 'CS1', orderLineId: 'CS1-000001' }, state, 'v2')?.words;
 *   // 'orderId CS1 + orderLineId CS1-000001'
 */
export function toIdempotencySubject(fields: Readonly<Record<string, unknown>>, state: ScenarioState, generation: 'v1' | 'v2'): IdempotencySubject | undefined {
  const subject = toCallSubject(fields, state);
  if (subject === undefined) return undefined;
  const { orderId, line } = subject;
  const orderLineId = subject.orderLineId ?? line?.orderLineId ?? '';
  const productId = line?.productInfo[0]?.productId ?? '';
  const chargingMode = line?.chargingMode ?? 'PERIOD';
  const key = toIdempotencyKey({ orderId, orderLineId, productId, chargingMode }, generation);
  const words =
    generation === 'v1'
      ? `orderId ${orderId}`
      : chargingMode === 'ON_DEMAND'
        ? `orderId ${orderId} + productId ${productId}`
        : `orderId ${orderId} + orderLineId ${orderLineId}`;
  return { ...subject, key, words };
}
