import type { InstanceStore } from './instances.js';
import type { KitStore } from './kit-store.js';
import type { OpenApiClient } from './open-api-client.js';
import type { ResolvedOptions } from './options.js';
import type { OrderClient } from './order-client.js';
import type { ProduceResponse } from './result-codes.js';

/** An orderNotify the seller received and the order it fetched for it. */
export interface OrderNotification {
  readonly orderId: string;
  readonly orderLineId: string;
  readonly orderType: string;
  readonly receivedAt: string;
}

/** Everything a handler may use. Handlers get it as an argument, so tests can build their own. */
export interface SellerContext {
  readonly options: ResolvedOptions;
  readonly instances: InstanceStore;
  readonly kit: KitStore;
  readonly orders: OrderClient;
  readonly openApi: OpenApiClient;
  readonly notifications: OrderNotification[];
  readonly log: (line: string) => void;
  /** setTimeout that close() cancels. */
  schedule(fn: () => void, ms: number): void;
  sleep(ms: number): Promise<void>;
}

/** One produce activity or kit operation: a verified, parsed body in, a response body out. */
export type Handler = (body: Record<string, unknown>, ctx: SellerContext) => Promise<ProduceResponse>;
