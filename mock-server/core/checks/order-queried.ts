import type { OrderQueryLog } from '../ports.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const ORDER_QUERIED = 'order.queried';

export interface OrderQueriedInput {
  readonly log: OrderQueryLog;
  readonly orderId: string;
  readonly orderLineId?: string;
  /** When the call started and ended, on the clock the log records with. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Extra time after the call for sellers that fetch the order in the background. */
  readonly graceMs: number;
}

/**
 * The seller fetched the order through the order-query Open API between the start of the call
 * and its end plus a grace period (V2 produce bodies carry only ids).
 * @example
 *   checkOrderQueried({ log, orderId: 'CS1', orderLineId: 'CS1-000001', fromMs: t0, toMs: t1, graceMs: 5000 });
 */
export function checkOrderQueried(input: OrderQueriedInput): CheckResult {
  const line = input.orderLineId === undefined ? '' : ` / orderLineId ${input.orderLineId}`;
  const expected = cut(`GET …/order/query for orderId ${input.orderId}${line} within the call (+${input.graceMs} ms)`);
  const ok = input.log.wasQueried(input.orderId, input.orderLineId, input.fromMs, input.toMs + input.graceMs);
  if (ok) return { id: ORDER_QUERIED, ok: true, expected, received: 'queried' };
  return {
    id: ORDER_QUERIED,
    ok: false,
    expected,
    received: 'no order query for this order in that time',
    hint:
      'V2 produce calls carry only ids: fetch the details with GET /api/mkp-openapi-public/global/v1/order/query?orderId=…&orderLineId=… (AK/SK-signed), pointed at koomock instead of mkt.myhuaweicloud.com.',
  };
}
