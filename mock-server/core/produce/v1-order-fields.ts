/**
 * V1 calls carry the order in the query string (produce-api.md §4): there is no order query in
 * V1, so the platform puts the buyer, the product, the period and the amount into the call itself.
 * These are the fields koomock fills from an order it placed; the fields a step gives win.
 */
import type { Order, OrderLine } from '../market/order.js';

/**
 * V1 `chargingMode` digits: 1 = yearly/monthly (包周期), 3 = one-time (按次). The pay-per-use
 * digit is not documented, so on-demand lines send none (docs/fidelity.md#d41).
 */
const V1_CHARGING_MODE: Readonly<Record<string, string>> = { PERIOD: '1', ONE_TIME: '3' };

const periodOf = (line: OrderLine): Record<string, string> => ({
  ...(line.periodType === undefined ? {} : { periodType: line.periodType }),
  ...(line.periodNumber === undefined ? {} : { periodNumber: String(line.periodNumber) }),
});

/** The buyer as V1 newInstance sends it; `mobilePhone` / `email` in plain text (the builder encrypts them). */
function buyerOf(order: Order): Record<string, string> {
  const b = order.orderInfo.buyerInfo;
  if (b === undefined) return {};
  const optional = { userId: b.userId, userName: b.userName, mobilePhone: b.mobilePhone, email: b.email };
  return {
    customerId: b.customerId,
    customerName: b.customerName,
    ...Object.fromEntries(Object.entries(optional).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')),
  };
}

/**
 * The fields of a V1 call that `order` (the order the call names by `orderId`) supplies.
 * @example
 *   toV1OrderFields('newInstance', order);
 *   // { customerId: '9f…', customerName: 'koomock_buyer', productId: 'OFFI…', skuCode: '…', chargingMode: '1', periodType: 'month', periodNumber: '1', expireTime: '2025…', orderAmount: '100' }
 */
export function toV1OrderFields(activity: string, order: Order): Record<string, string> {
  const line = order.orderInfo.orderLine[0];
  const product = line?.productInfo[0];
  if (line === undefined || product === undefined) return {};
  const quantity: Record<string, string> = product.linearValue === undefined ? {} : { amount: String(product.linearValue) };
  const expireTime: Record<string, string> = line.expireTime === undefined ? {} : { expireTime: line.expireTime };
  const orderAmount = { orderAmount: line.currencyAfterDiscount };
  switch (activity) {
    case 'newInstance': {
      const chargingMode = V1_CHARGING_MODE[line.chargingMode];
      return {
        ...buyerOf(order),
        productId: product.productId,
        skuCode: product.skuCode,
        ...(order.orderInfo.orderType === 'TRIAL' ? { trialFlag: '1' } : {}),
        ...expireTime,
        ...(chargingMode === undefined ? {} : { chargingMode }),
        ...periodOf(line),
        ...orderAmount,
        ...quantity,
      };
    }
    case 'refreshInstance':
      return {
        productId: product.productId,
        ...expireTime,
        ...(order.orderInfo.orderType === 'TRIAL_TO_FORMAL' ? { trialToFormal: '1' } : {}),
        ...periodOf(line),
        ...orderAmount,
      };
    case 'upgrade':
      return { skuCode: product.skuCode, productId: product.productId, ...quantity };
    default:
      return {};
  }
}
