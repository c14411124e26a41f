/**
 * The Store port: everything koomock remembers between calls and across restarts. Synchronous,
 * because the SQLite adapter (better-sqlite3) is; `createSqliteStore` and `createMemoryStore`
 * in adapters/store implement it and one contract suite proves they behave the same.
 *
 * Values go in and come out as copies: mutating a returned object never changes the store.
 */
import type { CatalogProduct } from './market/catalog.js';
import type { InstanceRecord } from './market/instance.js';
import type { Order, OrderStatus } from './market/order.js';
import type { UsagePushRecord } from './market/usage-rules.js';
import type { CheckResult } from './result.js';

export interface StoredProduct {
  readonly sellerId: string;
  readonly product: CatalogProduct;
}

export interface OrderFilter {
  readonly sellerId?: string;
  readonly status?: OrderStatus;
}

export interface InstanceFilter {
  readonly sellerId?: string;
  readonly orderId?: string;
}

/** A usage record as accepted: the seller's fields plus who pushed it and when. */
export interface StoredUsageRecord extends UsagePushRecord {
  readonly sellerId: string;
  readonly receivedAt: number;
}

export interface UsageFilter {
  readonly sellerId?: string;
  readonly instanceId?: string;
}

/** `stored`: metering_sns accepted now; `duplicates`: already accepted before (or earlier in the batch), ignored. */
export interface AddUsageResult {
  readonly stored: readonly string[];
  readonly duplicates: readonly string[];
}

interface FileBase {
  readonly eventId: string;
  readonly sellerId: string;
  readonly receivedAt: number;
}

/** An upload to market-event/{event_id}/file (open-api.md §3.2). */
export type NewFile =
  | (FileBase & { readonly type: 'CHARACTERS'; readonly content: string })
  | (FileBase & {
      readonly type: 'FILE';
      readonly fileName: string;
      /** Lower-case hex SHA-256 the seller declared. */
      readonly sha256: string;
      readonly content: Uint8Array;
    });

export type StoredFile = NewFile & { readonly id: number; readonly size: number };

/**
 * A stored file as listed: everything but the bytes of a FILE upload (up to 12 MB each); a
 * CHARACTERS upload keeps its text (at most 1,024 characters).
 */
export type FileInfo =
  | (FileBase & { readonly id: number; readonly size: number; readonly type: 'CHARACTERS'; readonly content: string })
  | (FileBase & { readonly id: number; readonly size: number; readonly type: 'FILE'; readonly fileName: string; readonly sha256: string });

export type GrantKind = 'code' | 'access' | 'refresh';

/** An OAuth authorization code, access token or refresh token (docs/fidelity.md#d29). */
export interface OAuthGrant {
  readonly kind: GrantKind;
  readonly token: string;
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri?: string;
  /** Whom the grant speaks for: the userinfo answer (open-api.md §6.3) or a reference to it. */
  readonly subject: Readonly<Record<string, unknown>>;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export type StoredGrant = OAuthGrant & { readonly consumedAt?: number };

export type ConsumeGrantResult =
  | { readonly ok: true; readonly grant: OAuthGrant }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' };

/** One call koomock received (`inbound`: seller -> fake Open API) or made (`outbound`: koomock -> seller). */
export interface NewExchange {
  readonly direction: 'inbound' | 'outbound';
  /** Operation id, e.g. `newInstance` or `order.query`. */
  readonly operation: string;
  readonly sellerId?: string;
  /** JSON-safe description of the request (method, url, headers, body as text or base64). */
  readonly request: Readonly<Record<string, unknown>>;
  /** Absent when no response arrived (timeout, connection refused). */
  readonly response?: Readonly<Record<string, unknown>>;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly verdicts: readonly CheckResult[];
  readonly scenario?: string;
  readonly step?: string;
}

export type Exchange = NewExchange & { readonly id: number };

export interface ExchangeFilter {
  readonly direction?: 'inbound' | 'outbound';
  readonly operation?: string;
  readonly sellerId?: string;
  readonly scenario?: string;
  /** Only exchanges with an id greater than this (for tailing the journal). */
  readonly afterId?: number;
  readonly limit?: number;
}

/**
 * Journal retention (docs/config.md, `journal.*`): at most `maxExchanges` entries, none older than
 * `maxAgeMs` at `now` (the emulator passes wall time); `0` turns a limit off.
 */
export interface JournalLimits {
  readonly maxExchanges: number;
  readonly maxAgeMs: number;
  readonly now: number;
}

/** `state` (default) clears what runs produce and keeps settings and catalog; `all` clears everything. */
export type ResetScope = 'state' | 'all';

export interface Store {
  /** Key/value settings koomock generated or was given (e.g. AK/SK); secrets stay out of logs. */
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;

  putProduct(sellerId: string, product: CatalogProduct): void;
  getProduct(productId: string): StoredProduct | undefined;
  listProducts(sellerId?: string): StoredProduct[];

  /** Insert or replace by `orderInfo.orderId`; lists keep first-insertion order. */
  putOrder(order: Order): void;
  getOrder(orderId: string): Order | undefined;
  listOrders(filter?: OrderFilter): Order[];

  /** Insert or replace by (sellerId, instanceId): instance ids are minted by sellers, so two sellers may clash. */
  putInstance(instance: InstanceRecord): void;
  getInstance(sellerId: string, instanceId: string): InstanceRecord | undefined;
  listInstances(filter?: InstanceFilter): InstanceRecord[];
  /** The first instance of this seller created under the docs/fidelity.md#d16 key. */
  findInstanceByIdempotencyKey(sellerId: string, idempotencyKey: string): InstanceRecord | undefined;

  /** Atomic; durable once `durable()` resolves; a metering_sn is accepted once per seller. */
  addUsageRecords(sellerId: string, records: readonly UsagePushRecord[], receivedAt: number): AddUsageResult;
  listUsage(filter?: UsageFilter): StoredUsageRecord[];

  putFile(file: NewFile): FileInfo;
  getFile(id: number): StoredFile | undefined;
  /** Metadata only: never reads the bytes of FILE uploads. */
  listFiles(eventId?: string): FileInfo[];
  /**
   * Up to `length` bytes of FILE upload `id` from `offset` (empty past the end), for streaming one
   * file without holding it whole; undefined when there is no FILE upload with that id.
   */
  readFileBytes(id: number, offset: number, length: number): Uint8Array | undefined;

  putGrant(grant: OAuthGrant): void;
  getGrant(kind: GrantKind, token: string): StoredGrant | undefined;
  /** Marks the grant used; a second consume answers `used` (codes and rotated refresh tokens are single use). */
  consumeGrant(kind: GrantKind, token: string, now: number): ConsumeGrantResult;

  /** True when (scope, nonce) was remembered before and has not expired at `now`; remembers it until `expiresAt`. */
  rememberNonce(scope: string, nonce: string, expiresAt: number, now: number): boolean;

  /**
   * Append-only journal: no update or delete, only `reset()` and retention, which removes the
   * oldest entries. Ids start at 1 and grow; a pruned id is never given again.
   */
  appendExchange(exchange: NewExchange): number;
  /**
   * Removes up to `maxRows` of the oldest entries `limits` no longer keep (the newest always
   * stays); answers how many it removed. Called in the background, in small batches.
   */
  pruneExchanges(limits: JournalLimits, maxRows: number): number;
  getExchange(id: number): Exchange | undefined;
  listExchanges(filter?: ExchangeFilter): Exchange[];

  /** Offset of the virtual clock from wall time, ms (0 when never set). */
  getClockOffset(): number;
  setClockOffset(offsetMs: number): void;

  reset(scope?: ResetScope): void;
  /**
   * Resolves once every write made so far is committed (group commit: the SQLite store commits
   * the writes of one event-loop tick in one transaction; docs/benchmarks.md). A request whose data
   * must survive a crash (usage records, uploads, orders) awaits it before answering; a read-only
   * request never does. Rejects when the commit failed.
   */
  durable(): Promise<void>;
  /** Commits what is pending, then releases the store; any later call throws STORE_FAILED. */
  close(): void;
}
