/**
 * A small typed client of the admin API, over fetch: what `createEmulator().admin` is, and what a
 * test suite uses against a `koomock serve` started elsewhere.
 */
import { KoomockError } from '../../../core/errors.js';
import type { Order } from '../../../core/market/order.js';
import type { FaultRule, FaultRuleInput, FaultScope } from '../../../core/openapi/fault-rule.js';
import type { Exchange, ResetScope } from '../../../core/store.js';
import type { FaultAdded, FaultList, FaultScopeState, FaultsRemoved } from './fault-types.js';
import type { OAuthClientList, OAuthClientView } from './oauth-client-types.js';
import type { OAuthClientInput } from '../../../core/openapi/oauth-client-input.js';
import type {
  AdminErrorBody,
  ClockState,
  CreateOrderRequest,
  ExchangeList,
  ExchangeQuery,
  FileList,
  HealthState,
  InstanceList,
  OrderList,
  ReplayResult,
  ResetResult,
  UsageList,
} from './types.js';

export interface AdminClient {
  createOrder(input: CreateOrderRequest): Promise<Order>;
  listOrders(): Promise<Order[]>;
  getOrder(orderId: string): Promise<Order>;
  /** `POST /exchanges/{id}/replay`: a fresh signature, or `{ break }` (docs/admin-api.md). */
  replay(id: number, options?: { break?: string }): Promise<ReplayResult>;
  listInstances(filter?: { orderId?: string }): Promise<InstanceList['instances']>;
  listUsage(filter?: { instanceId?: string }): Promise<UsageList['records']>;
  listFiles(filter?: { eventId?: string }): Promise<FileList['files']>;
  listExchanges(query?: ExchangeQuery): Promise<Exchange[]>;
  getExchange(id: number): Promise<Exchange>;
  reset(scope?: ResetScope): Promise<ResetResult>;
  /** Moves virtual time forward by ms, or by a duration such as `"3h"`. */
  advanceClock(by: number | string): Promise<ClockState>;
  getClock(): Promise<ClockState>;
  health(): Promise<HealthState>;
  /** Adds a fault rule (docs/admin-api.md); a bad rule rejects with INPUT_INVALID listing every problem. */
  addFault(rule: FaultRuleInput): Promise<FaultRule>;
  /** The fault rules with their fire counts, and where each platform host is served. */
  listFaults(): Promise<FaultList>;
  removeFault(id: string): Promise<FaultsRemoved>;
  /** Every rule, or the rules of one scenario. */
  clearFaults(filter?: { scenario?: string }): Promise<FaultsRemoved>;
  /** The scenario and step being played (rules scoped to others stay quiet); undefined: none. */
  setFaultScope(scope: FaultScope | undefined): Promise<FaultScopeState>;
  /** Registers (or replaces) an OAuth client of the fake OneAccess; the secret is the plain one. */
  putOAuthClient(client: OAuthClientInput): Promise<OAuthClientView>;
  /** Removes an OAuth client; rejects with NOT_FOUND when there is none. */
  removeOAuthClient(clientId: string): Promise<{ removed: number }>;
  listOAuthClients(): Promise<OAuthClientList['clients']>;
}

export interface AdminClientOptions {
  /** `server.adminToken`, sent as a bearer token. */
  readonly token?: string;
}

const toQuery = (params: Readonly<Record<string, string | number | undefined>>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
};

const errorOf = (status: number, body: unknown): KoomockError => {
  const e = (body as Partial<AdminErrorBody> | undefined)?.error;
  const message = typeof e?.message === 'string' ? e.message : `the admin API answered HTTP ${status}`;
  const code = status === 404 ? 'NOT_FOUND' : status === 400 ? 'INPUT_INVALID' : 'USAGE';
  return new KoomockError(code, message, { status, adminCode: e?.code });
};

/**
 * @example
 *   const admin = createAdminClient('http://127.0.0.1:7070');
 *   const order = await admin.createOrder({ chargingMode: 'ON_DEMAND' });
 *   await admin.advanceClock('3h');
 */
export function createAdminClient(baseUrl: string, options: AdminClientOptions = {}): AdminClient {
  const root = `${baseUrl.replace(/\/+$/, '')}/_koomock`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;

  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${root}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!res.ok) throw errorOf(res.status, parsed);
    return parsed as T;
  }

  return {
    createOrder: (input) => call<Order>('POST', '/orders', input),
    listOrders: async () => (await call<OrderList>('GET', '/orders')).orders as Order[],
    getOrder: (orderId) => call<Order>('GET', `/orders/${encodeURIComponent(orderId)}`),
    replay: (id, options = {}) => call<ReplayResult>('POST', `/exchanges/${id}/replay`, options),
    listInstances: async (filter = {}) => (await call<InstanceList>('GET', `/instances${toQuery(filter)}`)).instances,
    listUsage: async (filter = {}) => (await call<UsageList>('GET', `/usage${toQuery(filter)}`)).records,
    listFiles: async (filter = {}) => (await call<FileList>('GET', `/files${toQuery(filter)}`)).files,
    listExchanges: async (query = {}) => (await call<ExchangeList>('GET', `/exchanges${toQuery({ ...query })}`)).exchanges as Exchange[],
    getExchange: (id) => call<Exchange>('GET', `/exchanges/${id}`),
    reset: (scope = 'state') => call<ResetResult>('POST', '/reset', { scope }),
    advanceClock: (by) => call<ClockState>('POST', '/clock/advance', typeof by === 'number' ? { ms: by } : { duration: by }),
    getClock: () => call<ClockState>('GET', '/clock'),
    health: () => call<HealthState>('GET', '/health'),
    addFault: async (rule) => (await call<FaultAdded>('POST', '/faults', rule)).rule,
    listFaults: () => call<FaultList>('GET', '/faults'),
    removeFault: (id) => call<FaultsRemoved>('DELETE', `/faults/${encodeURIComponent(id)}`),
    clearFaults: (filter = {}) => call<FaultsRemoved>('DELETE', `/faults${toQuery({ ...filter })}`),
    setFaultScope: (scope) => call<FaultScopeState>('PUT', '/faults/scope', scope ?? {}),
    putOAuthClient: ({ clientId, ...rest }) => call<OAuthClientView>('PUT', `/oauth/clients/${encodeURIComponent(clientId)}`, rest),
    removeOAuthClient: (clientId) => call<{ removed: number }>('DELETE', `/oauth/clients/${encodeURIComponent(clientId)}`),
    listOAuthClients: async () => (await call<OAuthClientList>('GET', '/oauth/clients')).clients,
  };
}
