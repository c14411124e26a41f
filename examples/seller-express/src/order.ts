import { isJsonObject } from './signing-payload.js';

/**
 * The parts of an order-query answer (open-api.md §3.1) this seller uses. Parsing is tolerant of
 * extra fields and strict about the ones relied on.
 */
export interface ExtendParam {
  readonly name: string;
  readonly value: string;
}

export interface ProductInfo {
  readonly productId: string;
  readonly skuCode?: string;
  readonly linearValue?: number;
  readonly productName?: string;
}

export interface OrderLine {
  readonly orderLineId: string;
  /** ON_DEMAND | ONE_TIME | PERIOD | ON_DEMAND_PKG */
  readonly chargingMode: string;
  readonly expireTime?: string;
  readonly productInfo: readonly ProductInfo[];
  readonly extendParams: readonly ExtendParam[];
}

export interface OrderInfo {
  readonly orderId: string;
  readonly orderType: string;
  readonly orderLine: readonly OrderLine[];
  readonly extendParams: readonly ExtendParam[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

function toExtendParams(v: unknown): ExtendParam[] {
  return list(v).flatMap((p) => {
    if (!isJsonObject(p)) return [];
    const name = str(p['name']);
    const value = p['value'];
    return name === undefined ? [] : [{ name, value: typeof value === 'string' ? value : String(value ?? '') }];
  });
}

function toProductInfo(v: unknown): ProductInfo[] {
  return list(v).flatMap((p) => {
    if (!isJsonObject(p)) return [];
    const productId = str(p['productId']);
    if (productId === undefined) return [];
    const skuCode = str(p['skuCode']);
    const productName = str(p['productName']);
    const linearValue = typeof p['linearValue'] === 'number' ? p['linearValue'] : undefined;
    return [{ productId, ...(skuCode === undefined ? {} : { skuCode }), ...(productName === undefined ? {} : { productName }), ...(linearValue === undefined ? {} : { linearValue }) }];
  });
}

function toOrderLine(v: unknown): OrderLine[] {
  if (!isJsonObject(v)) return [];
  const orderLineId = str(v['orderLineId']);
  const chargingMode = str(v['chargingMode']);
  if (orderLineId === undefined || chargingMode === undefined) return [];
  const expireTime = str(v['expireTime']);
  return [{
    orderLineId,
    chargingMode,
    ...(expireTime === undefined ? {} : { expireTime }),
    productInfo: toProductInfo(v['productInfo']),
    extendParams: toExtendParams(v['extendParams']),
  }];
}

/**
 * Reads `orderInfo` from an order-query answer; undefined when the shape is not an order.
 * @example
 *   parseOrderInfo({ orderId: 'MOCKONDEMAND', orderType: 'NEW', orderLine: [...] });
 */
export function parseOrderInfo(v: unknown): OrderInfo | undefined {
  if (!isJsonObject(v)) return undefined;
  const orderId = str(v['orderId']);
  const orderType = str(v['orderType']);
  if (orderId === undefined || orderType === undefined || !Array.isArray(v['orderLine'])) return undefined;
  return { orderId, orderType, orderLine: v['orderLine'].flatMap(toOrderLine), extendParams: toExtendParams(v['extendParams']) };
}

/**
 * Looks up an extend parameter, the order line's own list first, then the order's.
 * @example
 *   findExtendParam(order, line, 'emailDomainName'); // 'test.xxxx.com'
 */
export function findExtendParam(order: OrderInfo, line: OrderLine | undefined, name: string): string | undefined {
  return (line?.extendParams.find((p) => p.name === name) ?? order.extendParams.find((p) => p.name === name))?.value;
}
