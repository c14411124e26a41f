/**
 * Shared by the Open API tests: an emulator context over a memory store, a fixed clock and sequential
 * randomness; the APIG vector 3 keys as the calling seller; requests signed the way a seller's SDK does.
 */
import { expect } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { createMemoryStore } from '../../../../mock-server/adapters/store/memory-store.js';
import type { ApiRequest, ApiResponse } from '../../../../mock-server/core/http-types.js';
import { createOrder } from '../../../../mock-server/core/market/order.js';
import { createInstanceRecord } from '../../../../mock-server/core/market/instance.js';
import type { ChargingMode } from '../../../../mock-server/core/market/catalog.js';
import { type EmulatorContext, type SellerAccount, createSellerDirectory } from '../../../../mock-server/core/openapi/context.js';
import { createOpenApi } from '../../../../mock-server/core/openapi/dispatch.js';
import type { FaultInjector } from '../../../../mock-server/core/openapi/faults.js';
import { type OAuthClient, createOAuthClientDirectory } from '../../../../mock-server/core/openapi/oauth-clients.js';
import { type FidelityProfile, withProfile } from '../../../../mock-server/core/profile.js';
import { computeUsageSignature, signApigRequest } from '../../../../mock-server/core/signing/index.js';
import type { Store } from '../../../../mock-server/core/store.js';
import { createFixedClock } from '../../../support/fixed-clock.js';
import { createSeqRandom } from '../../../support/seq-random.js';

export const HOST = 'mkt.myhuaweicloud.com';

/** The seller of APIG vector 3 (open-api.md §2.4) and the usage vector's key. */
export const SELLER: SellerAccount = {
  id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  name: 'seller-a',
  ak: 'EXAMPLEAKID000000000',
  sk: 'exampleSecretKeyForEmulatorTests000000000',
  usageKey: 'exampleIsvKey',
};

export const OTHER_SELLER: SellerAccount = {
  id: '0f9e8d7c6b5a49382716051f2e3d4c5b',
  name: 'seller-b',
  ak: 'OTHERAKID00000000000',
  sk: 'otherSecretKeyForEmulatorTests0000000000',
  usageKey: 'otherIsvKey',
};

export const CLIENT: OAuthClient = { clientId: 'koomock-app', clientSecret: 'client-secret-0001', redirectUris: ['https://seller.example.com/callback'] };

export interface HarnessOptions {
  readonly profile?: Partial<FidelityProfile>;
  readonly store?: Store;
  readonly faults?: FaultInjector;
  readonly sellers?: readonly SellerAccount[];
}

export function createHarness(options: HarnessOptions = {}) {
  const clock = createFixedClock();
  const random = createSeqRandom();
  const store = options.store ?? createMemoryStore();
  const ctx: EmulatorContext = {
    store,
    clock,
    random,
    profile: withProfile(options.profile ?? {}),
    sellers: createSellerDirectory(options.sellers ?? [SELLER, OTHER_SELLER]),
    oauthClients: createOAuthClientDirectory([CLIENT]),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  };
  const api = createOpenApi(ctx);
  return { ctx, api, clock, random, store, send: (req: ApiRequest) => api.handle(req) };
}

export type Harness = ReturnType<typeof createHarness>;

export interface RequestInput {
  readonly method?: string;
  readonly path: string;
  readonly query?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  readonly seller?: SellerAccount;
  readonly signedHeaders?: readonly string[];
  /** Wall-clock ms the seller signs at (defaults to the harness clock). */
  readonly now?: number;
}

const lower = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

const bytes = (body: string | Uint8Array | undefined): Uint8Array =>
  typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : (body ?? new Uint8Array());

/** A request as the server receives it, without any signature. */
export const toRequest = (input: RequestInput): ApiRequest => ({
  method: input.method ?? 'GET',
  path: input.path,
  query: input.query ?? '',
  headers: lower({ host: HOST, ...input.headers }),
  rawBody: bytes(input.body),
  host: HOST,
});

/** A request signed with APIG SDK-HMAC-SHA256 by `seller` (default SELLER). */
export function signRequest(h: Harness, input: RequestInput): ApiRequest {
  const seller = input.seller ?? SELLER;
  const query = input.query ?? '';
  const s = signApigRequest({
    method: input.method ?? 'GET',
    url: `https://${HOST}${input.path}${query === '' ? '' : `?${query}`}`,
    headers: input.headers ?? {},
    body: bytes(input.body),
    ak: seller.ak,
    sk: seller.sk,
    now: input.now ?? h.clock.wallNow(),
    ...(input.signedHeaders === undefined ? {} : { signedHeaders: input.signedHeaders }),
  });
  return { ...toRequest(input), headers: lower({ ...s.headers, Authorization: s.authorization }) };
}

let nonceCount = 0;

/** The usage-push body signature headers for `body` (docs/fidelity.md#d26). */
export function usageHeaders(h: Harness, body: string, options: { key?: string; ts?: string; nonce?: string } = {}): Record<string, string> {
  const ts = options.ts ?? String(h.clock.wallNow());
  nonceCount += 1;
  const nonce = options.nonce ?? `nonce${String(nonceCount).padStart(6, '0')}`;
  return {
    'Content-Type': 'application/json',
    ts,
    nonce,
    signature: computeUsageSignature({ key: options.key ?? SELLER.usageKey, ts, nonce, body }),
  };
}

/** An order of `seller` with one line of `chargingMode`, and (for usage) an instance of it. */
export function addOrder(h: Harness, options: { seller?: SellerAccount; chargingMode?: ChargingMode; instanceId?: string } = {}) {
  const seller = options.seller ?? SELLER;
  const chargingMode = options.chargingMode ?? 'ON_DEMAND';
  const order = createOrder({
    sellerId: seller.id,
    products: [{ productId: 'OFFI000000000000000001', skuCode: 'sku-1', productName: 'Test product', chargingMode, price: '10', ...(chargingMode === 'PERIOD' ? { periodTypes: ['month'] } : {}) }],
    now: h.clock.now(),
    random: h.random,
  });
  h.store.putOrder(order);
  const line = order.orderInfo.orderLine[0];
  if (line === undefined) throw new Error('order without a line');
  const instance = createInstanceRecord({ instanceId: options.instanceId ?? 'inst-0001', order, orderLine: line, at: h.clock.now() });
  h.store.putInstance(instance);
  return { order, line, instance };
}

export const registry = getSchemaRegistry();

/** Asserts the body validates against the schema with this $id. */
export function expectSchema(res: ApiResponse, schemaId: string): void {
  expect({ schemaId, result: registry.validate(schemaId, res.body) }).toEqual({ schemaId, result: { ok: true } });
}

export const APIG_ERROR = 'common/envelopes/apig-error.schema.json';
export const OAUTH_ERROR = 'common/envelopes/oauth-error.schema.json';

/** The journal entries of the harness, newest last. */
export const journal = (h: Harness) => h.store.listExchanges();

export const lastExchange = (h: Harness) => {
  const all = journal(h);
  const last = all[all.length - 1];
  if (last === undefined) throw new Error('the journal is empty');
  return last;
};
