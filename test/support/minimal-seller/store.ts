/** The minimal seller's memory: instances by id and by idempotency key, orders it was notified of. */

export interface Instance {
  readonly instanceId: string;
  readonly orderId: string;
  readonly orderLineId: string;
  readonly onDemand: boolean;
  readonly linearValue?: number;
  /** Set once provisioning finished. */
  appInfo?: { frontEndUrl: string; userName: string; password: string; memo: string };
  expireTime?: string;
  frozen: boolean;
  released: boolean;
}

export class Store {
  readonly byId = new Map<string, Instance>();
  readonly byKey = new Map<string, string>();
  readonly notified = new Set<string>();

  /** The instance of an idempotency key, created by `create` the first time. */
  findOrCreate(key: string, create: () => Instance): { instance: Instance; created: boolean } {
    const known = this.byKey.get(key);
    const existing = known === undefined ? undefined : this.byId.get(known);
    if (existing !== undefined) return { instance: existing, created: false };
    const instance = create();
    this.byId.set(instance.instanceId, instance);
    this.byKey.set(key, instance.instanceId);
    return { instance, created: true };
  }

  /** A live (not released) instance. */
  live(instanceId: string): Instance | undefined {
    const i = this.byId.get(instanceId);
    return i === undefined || i.released ? undefined : i;
  }
}
