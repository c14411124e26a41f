import type { OpenApiClient } from './open-api-client.js';
import { parseOrderInfo, type OrderInfo } from './order.js';
import { isJsonObject } from './signing-payload.js';

export const ORDER_QUERY_PATH = '/api/mkp-openapi-public/global/v1/order/query';

export type OrderQueryResult =
  | { readonly ok: true; readonly order: OrderInfo }
  /** not-found: the marketplace does not know this order (MKT.0101); failed: anything else. */
  | { readonly ok: false; readonly kind: 'not-found' | 'failed'; readonly detail: string };

export interface OrderClient {
  queryOrder(orderId: string, orderLineId?: string): Promise<OrderQueryResult>;
}

/**
 * Fetches an order through the order-query Open API. A V2 produce call carries only ids, so this
 * is how the seller learns what was bought (SKU, period, quantity, on-demand productId).
 * @example
 *   const orders = createOrderClient(createOpenApiClient({ baseUrls, ak, sk }));
 *   const r = await orders.queryOrder('MOCKPERIODYEARNEW', 'MOCKPERIODYEARNEW-000001');
 *   if (r.ok) console.log(r.order.orderLine[0]?.chargingMode); // 'PERIOD'
 */
export function createOrderClient(api: OpenApiClient): OrderClient {
  return {
    async queryOrder(orderId, orderLineId) {
      const query: Record<string, string> = { orderId };
      if (orderLineId !== undefined) query['orderLineId'] = orderLineId;
      const outcome = await api.call({ method: 'GET', path: ORDER_QUERY_PATH, query });
      if (outcome.kind === 'unreachable') {
        return { ok: false, kind: 'failed', detail: `order query: no host reachable (${outcome.detail})` };
      }
      if (outcome.code === 'MKT.0101') {
        return { ok: false, kind: 'not-found', detail: `order query: the marketplace does not know order ${orderId}` };
      }
      if (outcome.status !== 200 || outcome.code !== 'MKT.0000') {
        return { ok: false, kind: 'failed', detail: `order query: HTTP ${outcome.status}, resultCode ${outcome.code ?? '(none)'}` };
      }
      const order = isJsonObject(outcome.body) ? parseOrderInfo(outcome.body['orderInfo']) : undefined;
      if (order === undefined) return { ok: false, kind: 'failed', detail: 'order query: the answer has no usable orderInfo' };
      return { ok: true, order };
    },
  };
}
