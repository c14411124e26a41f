/**
 * The emulator a run plays against, whether koomock started it in this process or connects to a
 * running one (`--emulator-url`): where the seller's Open API calls go, and the ports the engine
 * writes the marketplace state through.
 */
import type { InstanceRecord } from '../core/market/instance.js';
import type { Order } from '../core/market/order.js';
import type { CatalogProduct } from '../core/market/catalog.js';
import type { ProductionInterfaceMessage } from '../core/produce/call-outcome.js';
import type { Clock } from '../core/ports.js';
import type { AcceptedUsage, OAuthClientSink, OpenApiControl, OrderQuerySource, ScenarioMarket, UsageSource } from '../core/scenario/run/engine-types.js';
import type { StoredUsageRecord } from '../core/store.js';
import type { JournalWriter } from './journal-sink.js';

export interface MarketLookup {
  order(orderId: string): Promise<Order | undefined>;
  instance(instanceId: string): Promise<InstanceRecord | undefined>;
}

export interface EmulatorBackend {
  /** Base URL of the fake Open APIs (the seller's order query goes here). */
  readonly url: string;
  /** The seller account whose orders a run places. */
  readonly sellerId: string;
  readonly catalog: readonly CatalogProduct[];
  /** Virtual time shared with the emulator (its journal records with it). */
  readonly clock: Clock;
  readonly market: ScenarioMarket;
  readonly orderQueries: OrderQuerySource;
  /** Fault rules and the inbound journal (`faults:` steps, `expect.openApi`, `openapi.signature`). */
  readonly openApi?: OpenApiControl;
  /** Usage records the seller pushed and the emulator accepted (`usage` steps). */
  readonly usage: UsageSource;
  /** The fake OneAccess's clients, where applicationSync registers the client it sends (docs/oauth.md). */
  readonly oauthClients?: OAuthClientSink;
  readonly journal: JournalWriter;
  /** Reads an order (the nine `MOCK*` orders too) or an instance, to fill the fields a call derives from them. */
  readonly lookup: MarketLookup;
  /** Calls that ended as production interface messages during this run. */
  readonly interfaceMessages: readonly ProductionInterfaceMessage[];
  /** Brings the emulator up to date (virtual time) before the seller is called. */
  sync(): Promise<void>;
  /** Stops what this process started; a connected emulator keeps running. */
  close(): Promise<void>;
}

/** A stored usage record as a `usage` step reports it. */
export const toAcceptedUsage = (r: StoredUsageRecord): AcceptedUsage => ({ meteringSn: r.metering_sn, usageValue: r.usage_value, beginTime: r.begin_time, endTime: r.end_time, receivedAt: r.receivedAt });
