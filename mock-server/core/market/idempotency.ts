/**
 * The key a seller must honour when newInstance is re-sent (docs/fidelity.md#d16, produce-api.md §8.4): re-sends
 * with the same key must return the first instanceId and create nothing new.
 */
import type { ChargingMode } from './catalog.js';

export interface IdempotencySubject {
  readonly orderId: string;
  readonly orderLineId: string;
  readonly productId: string;
  readonly chargingMode: ChargingMode;
}

/**
 * V2: `orderId`+`orderLineId`; on-demand: `orderId`+`productId` (one order, one instance per
 * billing item, §8.5); V1: `orderId` alone.
 * @example toIdempotencyKey({ orderId: 'CS1', orderLineId: 'CS1-000001', productId: 'P', chargingMode: 'PERIOD' }) // "CS1/line/CS1-000001"
 */
export function toIdempotencyKey(subject: IdempotencySubject, generation: 'v2' | 'v1' = 'v2'): string {
  if (generation === 'v1') return `${subject.orderId}/order`;
  if (subject.chargingMode === 'ON_DEMAND') return `${subject.orderId}/product/${subject.productId}`;
  return `${subject.orderId}/line/${subject.orderLineId}`;
}
