/**
 * `GET /api/mkp-openapi-public/global/v1/order/query` (open-api.md §3.1; docs/fidelity.md#d23 to #d25). Content-Type is
 * never checked on this GET (the doc's and a demo's values are both wrong).
 */
import { type ApiResponse, jsonResponse, parseQuery } from '../http-types.js';
import { getMockOrder } from '../market/mock-orders.js';
import { toOrderQueryBody } from '../market/order.js';
import { type OpenApiContext, type OpenApiRoute, report, requireCaller } from './request-context.js';
import { toResultResponse } from './responses.js';

const MAX_ID = 64;

const invalid = (ctx: OpenApiContext, hint: string): ApiResponse => {
  report(ctx, { id: 'order.query', ok: false, expected: 'an orderId (and orderLineId) of this seller', received: 'MKT.0101', hint });
  return toResultResponse('MKT.0101');
};

export const orderQueryRoute: OpenApiRoute = {
  id: 'order.query',
  method: 'GET',
  path: '/api/mkp-openapi-public/global/v1/order/query',
  auth: 'apig',
  envelope: 'result',
  handle(req, _params, ctx) {
    const seller = requireCaller(ctx);
    const query = parseQuery(req.query);
    const { orderId, orderLineId } = query;
    if (orderId === undefined || orderId === '' || orderId.length > MAX_ID) {
      return invalid(ctx, `orderId must be 1-${MAX_ID} characters, received ${JSON.stringify(orderId ?? null)}: send ?orderId=<the orderId of the newInstance call>`);
    }
    if (orderLineId !== undefined && (orderLineId === '' || orderLineId.length > MAX_ID)) {
      return invalid(ctx, `orderLineId must be 1-${MAX_ID} characters when present, received ${JSON.stringify(orderLineId)}`);
    }
    const order = getMockOrder(orderId, seller.id) ?? ctx.store.getOrder(orderId);
    if (order === undefined) {
      return invalid(ctx, `no order ${JSON.stringify(orderId)}: use an orderId koomock sent you, or a mock order such as MOCKPERIODYEARNEW`);
    }
    if (order.sellerId !== seller.id) {
      report(ctx, {
        id: 'order.query',
        ok: false,
        expected: `an order of seller ${seller.id}`,
        received: 'MKT.0150',
        hint: `order ${orderId} belongs to another seller: query with the AK/SK of the seller that owns the product`,
      });
      return toResultResponse('MKT.0150');
    }
    const body = toOrderQueryBody(order, orderLineId);
    if (body === undefined) {
      return invalid(ctx, `order ${orderId} has no line ${JSON.stringify(orderLineId)}: use an orderLineId of this order (e.g. ${orderId}-000001)`);
    }
    return jsonResponse(200, body);
  },
};
