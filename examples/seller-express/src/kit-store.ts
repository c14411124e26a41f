/**
 * What the joint-operation (联营) kit calls sync into the seller: tenants (企业), applications
 * (OAuth clients), authorised users and departments. Every write is an upsert and every delete
 * tolerates a missing entry, because the kit calls must be idempotent (open-api.md §4.6).
 */

export interface Tenant {
  readonly tenantId: string;
  readonly tenantCode: string;
  readonly name: string;
  /** The tenant's OneAccess domain, the base of the OAuth endpoints (open-api.md §6). */
  readonly domainName: string;
  readonly instanceId: string;
}

export interface Application {
  readonly tenantId: string;
  readonly appId: string;
  readonly clientId: string;
  /** Decrypted; undefined when no private key is configured to decrypt it. */
  readonly clientSecret: string | undefined;
  readonly instanceId: string;
}

export interface KitUser {
  readonly tenantId: string;
  readonly appId: string;
  readonly userName: string;
  readonly name: string;
  readonly orgCode: string;
  readonly role: string;
  readonly enable: string;
}

export interface Org {
  readonly tenantId: string;
  readonly orgCode: string;
  readonly orgName: string;
  readonly parentCode: string;
}

/** Map keyed by a composite key; ids are joined with a character that cannot appear unescaped. */
const keyOf = (...parts: string[]): string => JSON.stringify(parts);

export interface KitStore {
  readonly tenants: Map<string, Tenant>;
  readonly applications: Map<string, Application>;
  readonly users: Map<string, KitUser>;
  readonly orgs: Map<string, Org>;
  appKey(tenantId: string, appId: string): string;
  userKey(tenantId: string, appId: string, userName: string): string;
  orgKey(tenantId: string, orgCode: string): string;
}

/**
 * @example
 *   const kit = createKitStore();
 *   kit.tenants.set(t.tenantId, t);
 */
export function createKitStore(): KitStore {
  return {
    tenants: new Map(),
    applications: new Map(),
    users: new Map(),
    orgs: new Map(),
    appKey: (tenantId, appId) => keyOf(tenantId, appId),
    userKey: (tenantId, appId, userName) => keyOf(tenantId, appId, userName),
    orgKey: (tenantId, orgCode) => keyOf(tenantId, orgCode),
  };
}
