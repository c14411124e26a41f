import type { RunReport } from '../../../core/scenario/run/report.js';
/**
 * The wire shapes of the admin API (`/_koomock/`), shared by the router and the typed client.
 * docs/admin-api.md shows an example of each.
 */
import type { ChargingMode, PeriodType } from '../../../core/market/catalog.js';
import type { InstanceRecord } from '../../../core/market/instance.js';
import type { ExtendParam, Order, OrderType } from '../../../core/market/order.js';
import type { Exchange, ResetScope, StoredUsageRecord } from '../../../core/store.js';

/** Every admin error: `{"error": {"code", "message"}}`. */
export type AdminErrorCode = 'INPUT_INVALID' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'INTERNAL';

export interface AdminErrorBody {
  readonly error: { readonly code: AdminErrorCode; readonly message: string };
}

/** `follows` of a follow-on order: the instance, or the order line, it follows. */
export interface FollowsRequest {
  readonly instanceId?: string;
  readonly orderId?: string;
  readonly orderLineId?: string;
}

/**
 * `POST /_koomock/orders`: one of `productId` or `chargingMode` picks the catalog product; a
 * follow-on order (RENEW, CHANGE, TRIAL_TO_FORMAL, UNSUBSCRIBE) names what it follows instead.
 */
export interface CreateOrderRequest {
  readonly follows?: FollowsRequest;
  readonly productId?: string;
  readonly chargingMode?: ChargingMode;
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  readonly linearValue?: number;
  readonly orderType?: OrderType;
  readonly extendParams?: readonly ExtendParam[];
}

export interface OrderList {
  readonly orders: readonly Order[];
}

export interface InstanceList {
  readonly instances: readonly InstanceRecord[];
}

export interface UsageList {
  readonly records: readonly StoredUsageRecord[];
}

/** A stored upload without its bytes (CHARACTERS uploads keep their text, at most 1024 characters). */
export interface FileSummary {
  readonly id: number;
  readonly eventId: string;
  readonly sellerId: string;
  readonly receivedAt: number;
  readonly type: 'FILE' | 'CHARACTERS';
  readonly size: number;
  readonly fileName?: string;
  readonly sha256?: string;
  readonly characters?: string;
}

export interface FileList {
  readonly files: readonly FileSummary[];
}

export interface ExchangeQuery {
  readonly direction?: 'inbound' | 'outbound';
  readonly operation?: string;
  readonly afterId?: number;
  /** 1-1000, default 100. */
  readonly limit?: number;
}

export interface ExchangeList {
  readonly exchanges: readonly Exchange[];
}

export interface ResetResult {
  readonly reset: ResetScope;
}

/** Virtual time (`now`) and wall time, epoch ms; `iso` is `now` in ISO 8601 UTC. */
export interface ClockState {
  readonly now: number;
  readonly iso: string;
  readonly wallNow: number;
  readonly offsetMs: number;
}

export interface HealthState {
  readonly status: 'ok';
  readonly uptimeMs: number;
}

/** `POST /_koomock/send` and `POST /_koomock/exchanges/{id}/replay`. */
export interface SendResult {
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly result: Readonly<Record<string, unknown>> | null;
  readonly exchangeIds: number[];
  readonly report: RunReport;
}

export interface ReplayResult extends SendResult {
  readonly replayOf: number;
}
