/**
 * An emulator backend over a store in this process: orders, instances and the journal go straight
 * into it, and `order.queried` reads its inbound journal.
 */
import type { CatalogProduct } from '../core/market/catalog.js';
import type { ProductionInterfaceMessage } from '../core/produce/call-outcome.js';
import type { Clock } from '../core/ports.js';
import { getMockOrder } from '../core/market/mock-orders.js';
import type { Store } from '../core/store.js';
import { type EmulatorBackend, toAcceptedUsage } from './backend.js';
import { createJournalOrderQueries, ORDER_QUERY_OPERATION } from './journal-order-queries.js';
import { createJournalWriter } from './journal-sink.js';

export interface StoreBackendInput {
  readonly url: string;
  readonly store: Store;
  /** The clock the emulator's pipeline records with. */
  readonly clock: Clock;
  readonly sellerId: string;
  readonly catalog: readonly CatalogProduct[];
  readonly close?: () => Promise<void>;
}

/**
 * @example
 *   const backend = createStoreBackend({ url, store: runtime.store, clock: runtime.context.clock, sellerId: runtime.seller.id, catalog });
 */
export function createStoreBackend(input: StoreBackendInput): EmulatorBackend {
  const { store } = input;
  const messages: ProductionInterfaceMessage[] = [];
  return {
    url: input.url,
    sellerId: input.sellerId,
    catalog: input.catalog,
    clock: input.clock,
    market: {
      putOrder: (order) => store.putOrder(order),
      putInstance: (instance) => store.putInstance(instance),
      addInterfaceMessage: (message) => void messages.push(message),
    },
    orderQueries: createJournalOrderQueries({
      readAfter: (afterId) => store.listExchanges({ direction: 'inbound', operation: ORDER_QUERY_OPERATION, afterId, limit: -1 }),
    }),
    usage: { accepted: (instanceId) => store.listUsage({ sellerId: input.sellerId, instanceId }).map(toAcceptedUsage) },
    journal: createJournalWriter((exchange) => store.appendExchange(exchange), input.sellerId),
    lookup: {
      order: async (orderId) => store.getOrder(orderId) ?? getMockOrder(orderId, input.sellerId),
      instance: async (instanceId) => store.getInstance(input.sellerId, instanceId),
    },
    interfaceMessages: messages,
    sync: async () => {},
    close: input.close ?? (async () => {}),
  };
}
