import type { OrderLine } from './order.js';

/** What the buyer needs to use the service (V2: plaintext). */
export interface AppInfo {
  readonly frontEndUrl: string;
  readonly adminUrl?: string;
  readonly userName?: string;
  readonly password?: string;
  readonly memo?: string;
}

export interface InstanceRecord {
  readonly instanceId: string;
  /** orderId + orderLineId, or orderId + productId for on-demand orders. */
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly orderLineId: string;
  readonly chargingMode: string;
  readonly productId?: string;
  readonly skuCode?: string;
  readonly linearValue?: number;
  readonly expireTime?: string;
  /** Absent while provisioning runs in the background (the newInstance answer was 000004). */
  readonly appInfo?: AppInfo;
  readonly frozen: boolean;
  readonly released: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type Patch = Partial<Omit<InstanceRecord, 'instanceId' | 'idempotencyKey' | 'createdAt' | 'updatedAt'>>;

export interface InstanceStore {
  /**
   * Returns the instance for this idempotency key, creating it when there is none. Synchronous on
   * purpose: with no await between the lookup and the insert, overlapping requests for the same
   * key cannot both create an instance.
   */
  findOrCreate(key: string, create: () => Omit<InstanceRecord, 'idempotencyKey' | 'createdAt' | 'updatedAt'>): { record: InstanceRecord; created: boolean };
  get(instanceId: string): InstanceRecord | undefined;
  update(instanceId: string, patch: Patch): InstanceRecord | undefined;
  list(): readonly InstanceRecord[];
}

/**
 * The idempotency key a seller must honour (produce-api.md §3.1, §8.4): re-sends of newInstance
 * carry a new businessId but the same order line. On-demand orders can yield one instance per
 * billing item (productId) within one order.
 * @example
 *   toIdempotencyKey('CS1', 'CS1-000001', line); // 'CS1|line:CS1-000001' (or 'CS1|product:OFFI…' for ON_DEMAND)
 */
export function toIdempotencyKey(orderId: string, orderLineId: string, line: OrderLine): string {
  const productId = line.productInfo[0]?.productId;
  if (line.chargingMode === 'ON_DEMAND' && productId !== undefined) return `${orderId}|product:${productId}`;
  return `${orderId}|line:${orderLineId}`;
}

/**
 * An in-memory instance table. A real seller would use its database, with a unique index on the
 * idempotency key doing the job of the synchronous findOrCreate.
 * @example
 *   const store = createInstanceStore();
 *   const { record, created } = store.findOrCreate(key, () => ({ instanceId: businessId, ... }));
 */
export function createInstanceStore(now: () => Date = () => new Date()): InstanceStore {
  const byId = new Map<string, InstanceRecord>();
  const byKey = new Map<string, string>();

  return {
    findOrCreate(key, create) {
      const existingId = byKey.get(key);
      const existing = existingId === undefined ? undefined : byId.get(existingId);
      if (existing !== undefined) return { record: existing, created: false };
      const at = now().toISOString();
      const record: InstanceRecord = { ...create(), idempotencyKey: key, createdAt: at, updatedAt: at };
      if (byId.has(record.instanceId)) throw new Error(`instanceId ${record.instanceId} is already taken`);
      byId.set(record.instanceId, record);
      byKey.set(key, record.instanceId);
      return { record, created: true };
    },
    get: (instanceId) => byId.get(instanceId),
    update(instanceId, patch) {
      const current = byId.get(instanceId);
      if (current === undefined) return undefined;
      const next: InstanceRecord = { ...current, ...patch, updatedAt: now().toISOString() };
      byId.set(instanceId, next);
      return next;
    },
    list: () => [...byId.values()],
  };
}
