/**
 * A run against an emulator that is already running (`--emulator-url`, e.g. `koomock serve` in a CI
 * service container): orders, instances and outbound exchanges go through its admin API, the
 * order-query journal is read from it, and virtual time is mirrored: the run keeps a local clock at
 * the emulator's offset and pushes every advance before the seller is called.
 */
import { KoomockError, usageError } from '../core/errors.js';
import type { CatalogProduct } from '../core/market/catalog.js';
import type { ProductionInterfaceMessage } from '../core/produce/call-outcome.js';
import type { Exchange, NewExchange } from '../core/store.js';
import { createVirtualClock } from './clock.js';
import { createAdminClient } from '../adapters/http/admin/client.js';
import { type EmulatorBackend, toAcceptedUsage } from './backend.js';
import { createJournalOrderQueries, ORDER_QUERY_OPERATION } from './journal-order-queries.js';
import { createJournalWriter } from './journal-sink.js';
import { createOpenApiControl, toAdminSource } from './open-api-control.js';

export interface RemoteEmulatorOptions {
  /** The emulator's `server.adminToken`. */
  readonly token?: string;
  /** Used when the emulator does not say its own. */
  readonly catalog?: readonly CatalogProduct[];
}

/** `GET /_koomock/runner/info`. */
export interface RunnerInfo {
  readonly sellerId: string;
  readonly catalog: readonly CatalogProduct[];
}

async function call<T>(base: string, token: string | undefined, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${base}/_koomock${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (e) {
    const reason = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    throw usageError(`cannot reach the emulator at ${base}: ${reason} — start it (koomock serve) or fix --emulator-url`, { url: base });
  }
  const text = await res.text();
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not an admin error body
    }
    const hint = res.status === 401 ? ' (pass its admin token with --admin-token)' : res.status === 404 ? ' (is it a koomock emulator of the same version?)' : '';
    throw new KoomockError('USAGE', `the emulator at ${base} refused ${method} /_koomock${path}: ${message}${hint}`, { status: res.status });
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/**
 * Connects; throws USAGE (exit 2) when the emulator cannot be reached or refuses the admin token.
 * @example
 *   const backend = await connectRemoteEmulator('http://127.0.0.1:7070', { token });
 */
export async function connectRemoteEmulator(url: string, options: RemoteEmulatorOptions = {}): Promise<EmulatorBackend> {
  const base = url.replace(/\/+$/, '');
  const { token } = options;
  const admin = createAdminClient(base, token === undefined ? {} : { token });
  const info = await call<RunnerInfo>(base, token, 'GET', '/runner/info');
  // An emulator without fault injection (an older koomock) still runs every scenario without faults.
  const faults = await admin.listFaults().catch(() => undefined);
  const remote = await admin.getClock();
  let pending = 0;
  let offset = Math.max(0, remote.now - remote.wallNow);
  const clock = createVirtualClock({
    offsetMs: offset,
    onAdvance: (next) => {
      pending += next - offset;
      offset = next;
    },
  });
  let syncing: Promise<void> = Promise.resolve();
  // One push at a time, in order: the emulator's clock never falls behind the run's.
  const sync = (): Promise<void> => {
    syncing = syncing.then(async () => {
      if (pending <= 0) return;
      const ms = pending;
      pending = 0;
      await admin.advanceClock(Math.round(ms));
    });
    return syncing;
  };
  const messages: ProductionInterfaceMessage[] = [];
  return {
    url: base,
    sellerId: info.sellerId,
    catalog: info.catalog.length > 0 ? info.catalog : (options.catalog ?? []),
    clock,
    market: {
      putOrder: async (order) => {
        await sync();
        await call(base, token, 'PUT', `/runner/orders/${encodeURIComponent(order.orderInfo.orderId)}`, order);
      },
      putInstance: async (instance) => {
        await call(base, token, 'PUT', `/runner/instances/${encodeURIComponent(instance.instanceId)}`, instance);
      },
      addInterfaceMessage: (message) => void messages.push(message),
    },
    orderQueries: createJournalOrderQueries({
      readAfter: async (afterId): Promise<readonly Exchange[]> => {
        await sync();
        return admin.listExchanges({ direction: 'inbound', operation: ORDER_QUERY_OPERATION, afterId, limit: 1000 });
      },
    }),
    usage: {
      accepted: async (instanceId) => {
        await sync();
        return (await admin.listUsage({ instanceId })).map(toAcceptedUsage);
      },
    },
    journal: createJournalWriter(async (exchange: NewExchange) => (await call<{ id: number }>(base, token, 'POST', '/runner/exchanges', exchange)).id, info.sellerId),
    lookup: {
      order: (orderId) => admin.getOrder(orderId).catch((e: unknown) => (e instanceof KoomockError && e.code === 'NOT_FOUND' ? undefined : Promise.reject(e))),
      instance: async (instanceId) => (await admin.listInstances()).find((i) => i.instanceId === instanceId),
    },
    ...(faults === undefined ? {} : { openApi: createOpenApiControl(toAdminSource(admin, faults.hostNames)) }),
    oauthClients: {
      put: (client) => admin.putOAuthClient(client),
      // Deleting a client the emulator does not know is what a repeated delete does: nothing.
      remove: (clientId) => admin.removeOAuthClient(clientId).catch((e: unknown) => (e instanceof KoomockError && e.code === 'NOT_FOUND' ? undefined : Promise.reject(e))),
    },
    interfaceMessages: messages,
    sync,
    close: async () => {
      await sync();
    },
  };
}
