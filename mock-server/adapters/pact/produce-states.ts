/**
 * Provider states of the produce contract, set up in a running koomock and at the seller: orders
 * are created through koomock's admin API (so the seller's order query finds them), instances by
 * sending the seller a signed newInstance the way the platform would. Each handler returns the
 * values the interaction's request takes through `fromProviderState`.
 */
import type { OrderRequest, PactOrders } from './ports.js';
import { KoomockError } from '../../core/errors.js';
import type { Order } from '../../core/market/order.js';
import { PRODUCE_STATES } from './produce-interactions.js';
import type { SigningMode } from './resign.js';
import { callSeller, type SellerCallTarget } from './seller-call.js';

export interface ProduceStateOptions extends SellerCallTarget {
  /** Creates orders in the running koomock the seller's order queries go to. */
  readonly orders: PactOrders;
  /** Receives the signing mode a state asks for (the request filter uses it for the next request). */
  readonly setSigningMode: (mode: SigningMode) => void;
}

type StateValues = Record<string, string>;
type StateHandlers = Record<string, (params?: unknown) => Promise<StateValues | undefined>>;

function lineOf(order: Order): StateValues {
  const line = order.orderInfo.orderLine[0];
  const product = line?.productInfo[0];
  if (line === undefined || product === undefined) throw new KoomockError('INPUT_INVALID', `order ${order.orderInfo.orderId} has no order line`);
  return {
    orderId: order.orderInfo.orderId,
    orderLineId: line.orderLineId,
    productId: product.productId,
    skuCode: product.skuCode,
    ...(line.expireTime === undefined ? {} : { expireTime: line.expireTime }),
  };
}

/**
 * @example
 *   const handlers = createProduceStateHandlers({ orders, sellerUrl, keys, createTransport, setSigningMode });
 *   await handlers['an instance exists']!(); // { instanceId, orderId, orderLineId, … }
 */
export function createProduceStateHandlers(options: ProduceStateOptions): StateHandlers {
  const admin = options.orders;
  const monthly: OrderRequest = { chargingMode: 'PERIOD', periodType: 'month', periodNumber: 1 };
  const order = async (request: OrderRequest = monthly): Promise<StateValues> => lineOf(await admin.createOrder(request));

  const instance = async (request: OrderRequest = monthly): Promise<StateValues> => {
    const values = await order(request);
    const answer = await callSeller(options, 'newInstance', { orderId: values.orderId, orderLineId: values.orderLineId });
    if (typeof answer.instanceId !== 'string' || answer.instanceId === '') {
      throw new KoomockError(
        'INPUT_INVALID',
        `provider state "${PRODUCE_STATES.instance}": the seller answered newInstance with resultCode ${String(answer.resultCode)} and no instanceId, so no instance exists to verify against`,
      );
    }
    return { ...values, instanceId: answer.instanceId };
  };

  // A follow-on order names the line it follows: it keeps the buyer and takes dates and amount from it.
  const withFollowOn = (orderType: OrderRequest['orderType'], first: OrderRequest = monthly) => async (): Promise<StateValues> => {
    const existing = await instance(first);
    const follows = { orderId: existing.orderId ?? '', orderLineId: existing.orderLineId ?? '' };
    const next = await order({ follows, orderType, ...(orderType === 'CHANGE' ? { linearValue: 20 } : {}), ...(orderType === 'RENEW' ? { periodNumber: 1 } : {}) });
    return { ...next, instanceId: existing.instanceId ?? '' };
  };

  return {
    [PRODUCE_STATES.order]: () => order(),
    [PRODUCE_STATES.instance]: () => instance(),
    [PRODUCE_STATES.frozen]: async () => {
      const values = await instance();
      await callSeller(options, 'updateInstanceStatus', { instanceId: values.instanceId, status: 'FREEZE' });
      return values;
    },
    [PRODUCE_STATES.trialConversion]: withFollowOn('TRIAL_TO_FORMAL', { ...monthly, orderType: 'TRIAL' }),
    [PRODUCE_STATES.renewal]: withFollowOn('RENEW'),
    [PRODUCE_STATES.unsubscribe]: withFollowOn('UNSUBSCRIBE'),
    [PRODUCE_STATES.change]: withFollowOn('CHANGE'),
    [PRODUCE_STATES.wrongKey]: async () => {
      options.setSigningMode('wrong-key');
      return undefined;
    },
    [PRODUCE_STATES.staleTimestamp]: async () => {
      options.setSigningMode('stale-timestamp');
      return undefined;
    },
  };
}
