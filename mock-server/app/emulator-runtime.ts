/**
 * One emulator instance, whatever serves it (express, msw, createEmulator): the config, the store,
 * the clock and the Open API pipeline built from them, with a reset that forgets what runs produced.
 * No express or msw here, so the msw adapter can use it without pulling in a server.
 */
import type { ApiRequest, ApiResponse } from '../core/http-types.js';
import type { EmulatorContext, SellerAccount } from '../core/openapi/context.js';
import { createSellerDirectory } from '../core/openapi/context.js';
import { createOpenApi } from '../core/openapi/dispatch.js';
import { createFaultPlan, type FaultPlan } from '../core/openapi/fault-plan.js';
import { createOAuthClientRegistry, type OAuthClientRegistry } from '../core/openapi/oauth-clients.js';
import type { Route } from '../core/openapi/route.js';
import type { Clock, Random } from '../core/ports.js';
import type { ResetScope, Store } from '../core/store.js';
import type { KoomockConfig } from '../config/types.js';
import { createPersistentClock, type VirtualClock } from './clock.js';
import { createMemoryStore } from '../adapters/store/memory-store.js';
import { createCryptoRandom } from './random.js';
import { CREDENTIAL_SETTINGS } from './seller-credentials.js';

export interface EmulatorRuntimeOptions {
  readonly config: KoomockConfig;
  /** Default: a fresh memory store. */
  readonly store?: Store;
  /** A fixed clock (tests); otherwise a virtual clock persisted in the store, restarted by reset. */
  readonly clock?: Clock;
  readonly random?: Random;
  /** AK/SK that replace the config's (e.g. generated and stored by `koomock serve`). */
  readonly credentials?: { readonly ak: string; readonly sk: string };
}

/** Virtual time as the admin API reports it. */
export interface ClockReading {
  readonly now: number;
  readonly wallNow: number;
  readonly offsetMs: number;
}

export interface EmulatorRuntime {
  readonly config: KoomockConfig;
  readonly seller: SellerAccount;
  readonly store: Store;
  readonly context: EmulatorContext;
  readonly routes: readonly Route<EmulatorContext>[];
  /** Fault rules (docs/security.md "Fault injection"); `reset` clears them. */
  readonly faults: FaultPlan;
  /** OAuth clients of the fake OneAccess (docs/oauth.md): the configured ones, plus those applicationSync and the admin API register; `reset` goes back to the configured ones. */
  readonly oauthClients: OAuthClientRegistry;
  /** Where each platform host name is served (`name -> base URL`), filled in by whoever listens. */
  readonly hosts: Map<string, string>;
  /** Never throws: the pipeline answers its own failures with the documented internal error (500 MKT.0999). */
  handle(req: ApiRequest): Promise<ApiResponse>;
  readClock(): ClockReading;
  /** `state` (default) forgets orders, instances, usage, files, journal, virtual time and fault rules; `all` also settings. */
  reset(scope?: ResetScope): void;
}

/** A clock that delegates to a persistent virtual clock, so reset can restart virtual time at wall time. */
function createRestartableClock(store: Store) {
  let inner: VirtualClock = createPersistentClock(store);
  const clock: Clock = {
    wallNow: () => inner.wallNow(),
    now: () => inner.now(),
    advance: (ms) => inner.advance(ms),
  };
  const restart = (): void => {
    inner = createPersistentClock(store);
  };
  return { clock, offset: () => inner.offset(), restart };
}

/** The configured seller as the fake Open APIs know it. */
export const toSellerAccount = (config: KoomockConfig, credentials?: { ak: string; sk: string }): SellerAccount => ({
  id: config.seller.accountId,
  name: config.seller.name,
  ak: credentials?.ak ?? config.seller.ak,
  sk: credentials?.sk ?? config.seller.sk,
  usageKey: config.seller.keys.usage,
});

/**
 * Builds the runtime; the catalog of the config is written to the store (the config is the truth).
 * @example
 *   const runtime = createEmulatorRuntime({ config, store: createMemoryStore() });
 *   const res = await runtime.handle(apiRequest);
 */
export function createEmulatorRuntime(options: EmulatorRuntimeOptions): EmulatorRuntime {
  const { config } = options;
  const store = options.store ?? createMemoryStore();
  const seller = toSellerAccount(config, options.credentials);
  const restartable = options.clock === undefined ? createRestartableClock(store) : undefined;
  const clock: Clock = restartable?.clock ?? (options.clock as Clock);
  const random = options.random ?? createCryptoRandom();
  // Latency is wall time: it is about the seller's HTTP timeout, not the virtual clock.
  const faults = createFaultPlan({ random, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), hostNames: config.server.hostNames });
  const oauthClients = createOAuthClientRegistry(config.oauth.clients);
  const context: EmulatorContext = {
    store,
    clock,
    random,
    profile: config.profile,
    sellers: createSellerDirectory([seller]),
    faults,
    oauthClients,
  };
  const seedCatalog = () => {
    for (const product of config.catalog) store.putProduct(seller.id, product);
  };
  seedCatalog();
  // Rebuilt on reset, so nothing the pipeline keeps in memory (rate-limit windows) outlives a reset.
  let openApi = createOpenApi(context);

  return {
    config,
    seller,
    store,
    context,
    routes: openApi.routes,
    faults,
    oauthClients,
    hosts: new Map(),
    handle: (req) => openApi.handle(req),
    readClock() {
      const now = clock.now();
      const wallNow = clock.wallNow();
      return { now, wallNow, offsetMs: restartable?.offset() ?? now - wallNow };
    },
    reset(scope = 'state') {
      const kept = CREDENTIAL_SETTINGS.map((key) => [key, store.getSetting(key)] as const);
      store.reset(scope);
      if (scope === 'all') {
        // The running emulator keeps answering with its AK/SK, so they stay stored with it.
        for (const [key, value] of kept) if (value !== undefined) store.setSetting(key, value);
        seedCatalog();
      }
      restartable?.restart();
      faults.clear();
      faults.setScope(undefined);
      oauthClients.reset();
      openApi = createOpenApi(context);
    },
  };
}
