/**
 * Provider states a seller's Open API consumer pact may use, backed by koomock's admin API. The
 * nine debug orders (`MOCKPERIODYEARNEW`, …) always exist and need no state. docs/pact.md lists
 * each state and the values it injects.
 */
import { createAdminClient } from '../http/admin/client.js';
import type { CreateOrderRequest } from '../http/admin/types.js';
import type { OpenApiSigningMode } from './openapi-resign.js';

export const OPENAPI_STATES = {
  mockOrders: 'the debug orders exist',
  periodOrder: 'a monthly PERIOD order exists',
  yearOrder: 'a yearly PERIOD order exists',
  onDemandOrder: 'an ON_DEMAND order exists',
  wrongSecret: 'the request is signed with a wrong secret key',
} as const;

type StateHandlers = Record<string, (params?: unknown) => Promise<Record<string, string> | undefined>>;

/**
 * @example
 *   const handlers = createOpenApiStateHandlers({ emulatorUrl, setSigningMode });
 *   await handlers['a monthly PERIOD order exists']!(); // { orderId, orderLineId, productId }
 */
export function createOpenApiStateHandlers(options: { readonly emulatorUrl: string; readonly adminToken?: string; readonly setSigningMode: (mode: OpenApiSigningMode) => void }): StateHandlers {
  const admin = createAdminClient(options.emulatorUrl, options.adminToken === undefined ? {} : { token: options.adminToken });
  const order = (request: CreateOrderRequest) => async (): Promise<Record<string, string>> => {
    const created = await admin.createOrder(request);
    const line = created.orderInfo.orderLine[0];
    return {
      orderId: created.orderInfo.orderId,
      ...(line === undefined ? {} : { orderLineId: line.orderLineId, productId: line.productInfo[0]?.productId ?? '' }),
    };
  };
  return {
    [OPENAPI_STATES.mockOrders]: async () => undefined,
    [OPENAPI_STATES.periodOrder]: order({ chargingMode: 'PERIOD', periodType: 'month', periodNumber: 1 }),
    [OPENAPI_STATES.yearOrder]: order({ chargingMode: 'PERIOD', periodType: 'year', periodNumber: 1 }),
    [OPENAPI_STATES.onDemandOrder]: order({ chargingMode: 'ON_DEMAND' }),
    [OPENAPI_STATES.wrongSecret]: async () => {
      options.setSigningMode('wrong-sk');
      return undefined;
    },
  };
}
