import type { CatalogProduct } from '../core/market/catalog.js';
import { DEFAULT_PROFILE } from '../core/profile.js';
import type { KoomockConfigInput } from './types.js';

/**
 * Documented test credentials, used when nothing else is configured. They are public (docs/config.md),
 * so a seller's test suite can hard-code them; never use them for anything real.
 */
export const DEFAULT_SELLER = Object.freeze({
  name: 'koomock example seller',
  // "koomock-seller" in hex + 0001: recognisable in logs, valid as a 32-hex account id.
  accountId: '6b6f6f6d6f636b2d73656c6c65720001',
  ak: 'KOOMOCKEXAMPLEAK0000',
  sk: 'KoomockExampleSecretAccessKey00000000000',
  productionUrl: 'http://127.0.0.1:8080/saasproduce',
  keys: Object.freeze({
    basic: 'koomock-example-basic-key-0000',
    kit: 'koomock-example-kit-key-0000',
    general: 'koomock-example-general-key-0000',
    license: 'koomock-example-license-key-0000',
    v1: 'koomock-example-v1-key-0000',
  }),
});

export const DEFAULT_SERVER = Object.freeze({
  host: '127.0.0.1',
  port: 7070,
  db: '.koomock/koomock.db',
  console: true,
  // The China-site Open API host and its documented fallback (open-api.md §1), for failover tests.
  hostNames: Object.freeze(['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn']),
});

/**
 * The Agents backend until configured (docs/agents.md): no address and no AK/SK (a call needs them),
 * a POST, the JWT in `Authorization: Bearer`, a test buyer, 60 s, no prices (the bill lists quantities).
 */
export const DEFAULT_AGENT = Object.freeze({
  url: '',
  method: 'POST' as const,
  ak: '',
  sk: '',
  // "koomock-buyer" in hex, padded: recognisable in a backend's logs.
  customerId: '6b6f6f6d6f636b2d6275796572000001',
  customerName: 'koomock-buyer',
  jwtHeader: 'Authorization',
  jwtPrefix: 'Bearer ',
  timeoutMs: 60_000,
  prices: Object.freeze({}),
});

/** Journal retention: a long-running shared emulator keeps a bounded memory and file (docs/config.md). */
export const DEFAULT_JOURNAL = Object.freeze({ maxExchanges: 50_000, maxAge: '7d' });

const SKU_PERIOD = '3f6c2a9e-5b1d-4c7a-9e2f-6a1b0c9d8e01';
const SKU_ONE_TIME = '7d2e4b10-8c3f-4a5e-b6d7-1e2f3a4b5c02';
const SKU_ON_DEMAND = 'a91c5e3d-2f4b-4d6a-8b7c-9d0e1f2a3b03';
const SKU_ON_DEMAND_PKG = 'c4b8d2e6-1a3f-4e5d-9c7b-8a6f5e4d3c04';
const USERS = Object.freeze({ name: 'users', min: 1, max: 1000, default: 10 });

/**
 * One product per charging mode. The PERIOD SKU has one productId per period type, and the
 * ON_DEMAND SKU two billing items (one newInstance each, produce-api.md §8.5), as on the platform.
 */
export const DEFAULT_CATALOG: readonly CatalogProduct[] = Object.freeze([
  { productId: 'OFFI900000000000000001', skuCode: SKU_PERIOD, productName: 'Example SaaS, standard, monthly (示例SaaS 标准版 包月)', chargingMode: 'PERIOD', periodTypes: ['month'], linear: USERS, price: '100' },
  { productId: 'OFFI900000000000000002', skuCode: SKU_PERIOD, productName: 'Example SaaS, standard, yearly (示例SaaS 标准版 包年)', chargingMode: 'PERIOD', periodTypes: ['year'], linear: USERS, price: '1000' },
  { productId: 'OFFI900000000000000003', skuCode: SKU_ONE_TIME, productName: 'Example SaaS, perpetual licence (示例SaaS 一次性买断)', chargingMode: 'ONE_TIME', price: '5000' },
  { productId: 'OFFI900000000000000004', skuCode: SKU_ON_DEMAND, productName: 'Example API, per call (示例API 按次计费)', chargingMode: 'ON_DEMAND', price: '0.01' },
  { productId: 'OFFI900000000000000005', skuCode: SKU_ON_DEMAND, productName: 'Example API, storage per GB-hour (示例API 存储按量)', chargingMode: 'ON_DEMAND', price: '0.002' },
  { productId: 'OFFI900000000000000006', skuCode: SKU_ON_DEMAND_PKG, productName: 'Example API, 10000-call package (示例API 套餐包)', chargingMode: 'ON_DEMAND_PKG', price: '80' },
] satisfies CatalogProduct[]);

/**
 * The defaults as a config-file-shaped object: the lowest layer of defaults <- file <- env <- flags.
 * `seller.keys.usage` is absent on purpose: it follows the basic key unless set (docs/fidelity.md#d26).
 */
export const toDefaultInput = (): KoomockConfigInput =>
  // A deep copy, so later layers can never mutate the frozen constants.
  structuredClone({
    server: { ...DEFAULT_SERVER, hostNames: [...DEFAULT_SERVER.hostNames] },
    journal: { ...DEFAULT_JOURNAL },
    seller: { ...DEFAULT_SELLER, keys: { ...DEFAULT_SELLER.keys } },
    catalog: DEFAULT_CATALOG,
    profile: DEFAULT_PROFILE,
  }) as KoomockConfigInput;
