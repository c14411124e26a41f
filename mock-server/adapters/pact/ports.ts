/**
 * What the Pact adapter needs from the rest of koomock, passed in by the application layer
 * (app/pact.ts): a way to create orders in a running koomock, and an HTTP transport to the seller.
 */
import type { ChargingMode, PeriodType } from '../../core/market/catalog.js';
import type { Order, OrderType } from '../../core/market/order.js';
import type { SellerTransport } from '../../core/ports.js';

/** An order to create, as koomock's admin API takes it (docs/admin-api.md). */
export interface OrderRequest {
  readonly chargingMode?: ChargingMode;
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  readonly linearValue?: number;
  readonly orderType?: OrderType;
  /** The line a follow-on order (RENEW, CHANGE, TRIAL_TO_FORMAL, UNSUBSCRIBE) follows. */
  readonly follows?: { readonly orderId: string; readonly orderLineId: string };
}

/** Creates orders in the running koomock the seller's order query goes to. */
export interface PactOrders {
  createOrder(request: OrderRequest): Promise<Order>;
}

/** A seller transport that can be closed. */
export interface PactTransport extends SellerTransport {
  close(): Promise<void>;
}

export type CreatePactTransport = () => PactTransport;
