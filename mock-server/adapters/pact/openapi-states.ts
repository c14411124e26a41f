/**
 * Provider states a seller's Open API consumer pact may use, backed by koomock's admin API. The
 * nine debug orders (`MOCKPERIODYEARNEW`, …) always exist and need no state. docs/pact.md lists
 * each state and the values it injects.
 */
import { randomUUID } from 'node:crypto';
import { createInstanceRecord, type InstanceRecord } from '../../core/market/instance.js';
import type { OrderRequest, PactOrders } from './ports.js';
import type { OpenApiSigningMode } from './openapi-resign.js';

export const OPENAPI_STATES = {
  mockOrders: 'the debug orders exist',
  periodOrder: 'a monthly PERIOD order exists',
  yearOrder: 'a yearly PERIOD order exists',
  onDemandOrder: 'an ON_DEMAND order exists',
  onDemandInstance: 'an ON_DEMAND instance exists',
  wrongSecret: 'the request is signed with a wrong secret key',
} as const;

type StateHandlers = Record<string, (params?: unknown) => Promise<Record<string, string> | undefined>>;

/**
 * @example
 *   const handlers = createOpenApiStateHandlers({ orders, setSigningMode });
 *   await handlers['a monthly PERIOD order exists']!(); // { orderId, orderLineId, productId }
 */
export interface OpenApiStateOptions {
  /** Creates orders in the running koomock emulation. */
  readonly orders: PactOrders;
  readonly setSigningMode: (mode: OpenApiSigningMode) => void;
  /** Records an instance in the emulation, as if the seller had answered newInstance (usage pushes need one). */
  readonly putInstance?: (instance: InstanceRecord) => void | Promise<void>;
  /** Wall or virtual ms for the instance's history. Default Date.now. */
  readonly now?: () => number;
}

export function createOpenApiStateHandlers(options: OpenApiStateOptions): StateHandlers {
  const admin = options.orders;
  const order = (request: OrderRequest) => async (): Promise<Record<string, string>> => {
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
    [OPENAPI_STATES.onDemandInstance]: async () => {
      const { putInstance } = options;
      if (putInstance === undefined) throw new Error(`provider state "${OPENAPI_STATES.onDemandInstance}" needs an emulator koomock can record instances in`);
      const created = await admin.createOrder({ chargingMode: 'ON_DEMAND' });
      const line = created.orderInfo.orderLine[0];
      if (line === undefined) throw new Error(`order ${created.orderInfo.orderId} has no order line`);
      const instance = createInstanceRecord({ instanceId: randomUUID(), order: created, orderLine: line, at: (options.now ?? Date.now)() });
      await putInstance(instance);
      return { instanceId: instance.instanceId, orderId: instance.orderId, orderLineId: instance.orderLineId, productId: instance.productId };
    },
    [OPENAPI_STATES.wrongSecret]: async () => {
      options.setSigningMode('wrong-sk');
      return undefined;
    },
  };
}
