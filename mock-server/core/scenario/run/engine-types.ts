/**
 * What the scenario engine needs from outside (ports), and what it tells its caller while it runs.
 * The application layer (app/) builds these over an in-process or a running emulator; unit tests over
 * memory and a scripted transport.
 */
import type { AgentTarget } from '../../agent/request.js';
import type { CatalogProduct } from '../../market/catalog.js';
import type { FaultRuleInput, FaultScope } from '../../openapi/fault-rule.js';
import type { OAuthClient } from '../../openapi/oauth-clients.js';
import type { InstanceRecord } from '../../market/instance.js';
import type { Order } from '../../market/order.js';
import type { ProductionInterfaceMessage } from '../../produce/call-outcome.js';
import type { ExchangeSink, OrderQueryLog, SellerTransport, TransportRequest } from '../../ports.js';
import type { CallSpec, SellerKeys } from '../../produce/types.js';
import type { Clock, Random } from '../../ports.js';
import type { FidelityProfile } from '../../profile.js';
import type { SchemaRegistry } from '../../schemas/registry.js';
import type { Exchange } from '../../store.js';
import type { ScenarioReport } from './report.js';

/**
 * The marketplace state a run writes: orders the buyer places (the seller reads them through the
 * order query), instances the seller provisioned, and calls that ended as production interface
 * messages. Writes may be remote, so they may be async.
 */
export interface ScenarioMarket {
  /** Insert or replace by orderId. */
  putOrder(order: Order): void | Promise<void>;
  /** Insert or replace by (sellerId, instanceId). */
  putInstance(instance: InstanceRecord): void | Promise<void>;
  /** A call whose retries ran out without failing an order (docs/fidelity.md#d14): 生产接口消息. */
  addInterfaceMessage?(message: ProductionInterfaceMessage): void | Promise<void>;
}

/** Where `order.queried` looks. `settle` lets a log that lives elsewhere catch up before it is read. */
export interface OrderQuerySource extends OrderQueryLog {
  /**
   * Waits (briefly, in wall time) until the order was queried since `fromMs` or the source gives up;
   * a seller that fetches the order in the background gets that long.
   */
  settle?(query: { readonly orderId: string; readonly orderLineId?: string; readonly fromMs: number }): Promise<void>;
}

/**
 * The fake Open APIs as a scenario drives and watches them: fault rules (`faults:` steps) and the
 * inbound journal (`expect.openApi`, `openapi.signature`). Remote emulators answer asynchronously.
 */
export interface OpenApiControl {
  /** `server.hostNames`, the primary host first. */
  readonly hostNames: readonly string[];
  /** Host name -> base URL for every host the emulator serves (the primary on its main port). */
  hosts(): Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
  /** Adds rules; a rule the emulator refuses throws INPUT_INVALID. */
  addFaults(rules: readonly FaultRuleInput[]): void | Promise<void>;
  /** Removes the rules of one scenario. */
  clearFaults(scenario: string): void | Promise<void>;
  /** The scenario and step playing now (scoped rules fire only then). */
  setScope(scope: FaultScope | undefined): void | Promise<void>;
  /** The id of the newest journal entry (0 when there is none): a step's exchanges come after it. */
  mark(): number | Promise<number>;
  /**
   * Inbound exchanges with an id above `afterId`, oldest first. With `until`, waits briefly (wall
   * time) for a seller that calls in the background, until `until(exchanges)` holds or time is up.
   */
  readAfter(afterId: number, until?: (exchanges: readonly Exchange[]) => boolean): readonly Exchange[] | Promise<readonly Exchange[]>;
}

/** Who is calling: the journal labels exchanges with it, and replays rebuild the call from `spec`. */
export interface JournalContext {
  readonly scenario: string;
  readonly step: string;
  readonly spec: CallSpec;
}

export interface EngineDeps {
  /** The seller's production interface address (生产接口地址). */
  readonly sellerUrl: string;
  /** The seller account that owns the orders (the order query answers only its own). */
  readonly sellerId: string;
  readonly catalog: readonly CatalogProduct[];
  /** The run's profile; a scenario's `profile` overrides it for that scenario. */
  readonly profile: FidelityProfile;
  readonly keys: SellerKeys;
  readonly transport: SellerTransport;
  /** Virtual time: the same clock the order-query log records with. */
  readonly clock: Clock;
  readonly random: Random;
  readonly schemas: SchemaRegistry;
  readonly market: ScenarioMarket;
  readonly orderQueries: OrderQuerySource;
  /** Journal per call; none when absent. */
  readonly journal?: (context: JournalContext) => ExchangeSink;
  /** The journal id of an exchange, for reports and replays. */
  readonly exchangeIdOf?: (request: TransportRequest) => number | undefined;
  /** Virtual ms after a call in which an order query still counts (background fetches). Default 5000. */
  readonly orderQueryGraceMs?: number;
  /** Progress, for a CLI that shows what runs. */
  readonly onEvent?: (event: EngineEvent) => void;
  /** Fault rules and the inbound journal; without it `faults:` steps and `expect.openApi` cannot run. */
  readonly openApi?: OpenApiControl;
  /** Usage records the marketplace accepted; without it `usage` steps cannot run. */
  readonly usage?: UsageSource;
  /** The run was told the seller pushes usage by itself: scenarios with `requires: [usage-push]` run. */
  readonly sellerPushesUsage?: boolean;
  /** The seller's Agents backend and a transport to it; without it `agent` steps cannot run (docs/agents.md). */
  readonly agent?: { readonly target: AgentTarget; readonly transport: SellerTransport };
  /** Waits real time (usage steps); default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The fake OneAccess's clients: applicationSync registers the client it sends (docs/oauth.md). */
  readonly oauthClients?: OAuthClientSink;
  /** The seller's single sign-on addresses (`seller.loginUrl`, `seller.logoutUrl`); without them SSO scenarios are skipped. */
  readonly sso?: SsoAddresses;
}

/** Where OAuth clients are registered: the emulator in this process, or a running one over its admin API. */
export interface OAuthClientSink {
  /** May answer a promise: the step waits for it. */
  put(client: OAuthClient): unknown;
  remove(clientId: string): unknown;
}

export interface SsoAddresses {
  /** The seller's login entry; the SSO step opens it with `tenant=<tenantId>` added. */
  readonly loginUrl: string;
  readonly logoutUrl?: string;
}

/** One accepted usage record, as a `usage` step reports it. */
export interface AcceptedUsage {
  readonly meteringSn: string;
  readonly usageValue: string;
  readonly beginTime: string;
  readonly endTime: string;
  /** Virtual time the marketplace accepted it. */
  readonly receivedAt: number;
}

/** Usage records the seller pushed and the marketplace accepted, per instance. */
export interface UsageSource {
  accepted(instanceId: string): readonly AcceptedUsage[] | Promise<readonly AcceptedUsage[]>;
}

export type EngineEvent =
  | { readonly kind: 'scenario-start'; readonly id: string; readonly title: string; readonly index: number; readonly total: number }
  | { readonly kind: 'scenario-end'; readonly report: ScenarioReport; readonly index: number; readonly total: number }
  | { readonly kind: 'interface-message'; readonly scenario: string; readonly step: string; readonly message: ProductionInterfaceMessage; readonly exchangeId?: number };

/** An instance as the run knows it, by its docs/fidelity.md#d16 idempotency key. */
export interface KnownInstance {
  readonly instanceId: string;
  /** The idempotency key in words, e.g. `orderId CS1 + orderLineId CS1-000001`. */
  readonly keyWords: string;
  readonly orderId: string;
}

/** What a run remembers across its scenarios: instances by idempotency key (re-sends probe them). */
export interface RunMemory {
  readonly instances: Map<string, KnownInstance>;
  /** The instance records koomock keeps (lifecycle), by instanceId. */
  readonly records: Map<string, InstanceRecord>;
  /**
   * Order lines (`orderId orderLineId`) the seller was seen fetching through the order query, with
   * the step that proved it: a later call for the same line may be answered from the seller's records.
   */
  readonly queried: Map<string, string>;
}

export const createRunMemory = (): RunMemory => ({ instances: new Map(), records: new Map(), queried: new Map() });
