/**
 * koomock's programmatic API: start an emulator from a test suite, and sign requests the way a
 * seller must. The msw handlers live at `koomock/msw`.
 *
 * @example
 *   import { createEmulator, signApigRequest } from 'koomock';
 *
 *   const emulator = await createEmulator();
 *   const url = `${emulator.url}/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW`;
 *   const signed = signApigRequest({ method: 'GET', url, ak: emulator.seller.ak, sk: emulator.seller.sk, now: Date.now() });
 *   const res = await fetch(url, { headers: { 'X-Sdk-Date': signed.headers['X-Sdk-Date']!, Authorization: signed.authorization } });
 *   // res.status === 200, (await res.json()).resultCode === 'MKT.0000'
 *   await emulator.close();
 */
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator.js';
export { createAdminClient, type AdminClient, type AdminClientOptions } from './adapters/http/admin/client.js';
export { createMemoryStore } from './adapters/store/memory-store.js';
export { createSqliteStore } from './adapters/store/sqlite-store.js';
export type {
  AdminErrorBody,
  AdminErrorCode,
  ClockState,
  CreateOrderRequest,
  ExchangeQuery,
  FileSummary,
  HealthState,
  ResetResult,
} from './adapters/http/admin/types.js';
export * from './core/signing/index.js';
export type { ApiRequest, ApiResponse } from './core/http-types.js';
export type { SellerAccount } from './core/openapi/context.js';
export type { CatalogProduct, ChargingMode, PeriodType } from './core/market/catalog.js';
export type { InstanceRecord } from './core/market/instance.js';
export type { BuyerInfo, ExtendParam, Order, OrderInfo, OrderLine, OrderStatus, OrderType, ProductInfo } from './core/market/order.js';
export type { UsagePushRecord } from './core/market/usage-rules.js';
export type { Exchange, ResetScope, Store, StoredUsageRecord } from './core/store.js';
export type { KoomockConfig, KoomockConfigInput } from './config/types.js';
export type { FidelityProfile } from './core/profile.js';
export { KoomockError, type KoomockErrorCode } from './core/errors.js';
export { runSuite, selectScenarios, type RunSuiteOptions } from './app/run-suite.js';
export { resolveConfig } from './config/load.js';
export type { RunReport, ScenarioReport, ReportedCheck } from './core/scenario/run/report.js';
export type { CheckResult, Verdict } from './core/result.js';
export type { FaultPlan } from './core/openapi/fault-plan.js';
export type { FaultAction, FaultRule, FaultRuleInput, FaultScope } from './core/openapi/fault-rule.js';
export type { FaultAdded, FaultList, FaultScopeState, FaultsRemoved } from './adapters/http/admin/fault-types.js';
