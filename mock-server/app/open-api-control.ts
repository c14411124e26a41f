/**
 * The engine's OpenApiControl over an emulator: in this process (its runtime: fault plan, store) or
 * running elsewhere (its admin API). Reading the journal waits briefly for a seller that calls the
 * Open APIs in the background, like `order.queried` does.
 */
import type { FaultRuleInput, FaultScope } from '../core/openapi/fault-rule.js';
import type { OpenApiControl } from '../core/scenario/run/engine-types.js';
import type { Exchange } from '../core/store.js';
import type { AdminClient } from '../adapters/http/admin/client.js';
import type { EmulatorRuntime } from './emulator-runtime.js';
import { DEFAULT_SETTLE_MS } from './journal-order-queries.js';

/**
 * What an emulator offers; `listAfter` returns one page of exchanges above an id, oldest first. The
 * fault calls may answer at once or with a promise; either way their result is awaited and ignored.
 */
export interface OpenApiSource {
  readonly hostNames: readonly string[];
  hosts(): Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
  add(rule: FaultRuleInput): unknown;
  clear(scenario: string): unknown;
  setScope(scope: FaultScope | undefined): unknown;
  listAfter(afterId: number, inboundOnly: boolean): readonly Exchange[] | Promise<readonly Exchange[]>;
}

export interface OpenApiControlOptions {
  readonly settleMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * @example
 *   const openApi = createOpenApiControl(toRuntimeSource(runtime));
 */
export function createOpenApiControl(source: OpenApiSource, options: OpenApiControlOptions = {}): OpenApiControl {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // The newest id seen so far: marking reads forward from it, so a long journal is read once.
  let newest = 0;
  const readAll = async (afterId: number, inboundOnly: boolean): Promise<Exchange[]> => {
    const out: Exchange[] = [];
    let from = afterId;
    for (;;) {
      const page = await source.listAfter(from, inboundOnly);
      if (page.length === 0) return out;
      out.push(...page);
      from = Math.max(from, ...page.map((e) => e.id));
    }
  };
  return {
    hostNames: source.hostNames,
    hosts: () => source.hosts(),
    async addFaults(rules) {
      for (const rule of rules) await source.add(rule);
    },
    async clearFaults(scenario) {
      await source.clear(scenario);
    },
    async setScope(scope) {
      await source.setScope(scope);
    },
    async mark() {
      const page = await readAll(newest, false);
      newest = Math.max(newest, ...page.map((e) => e.id));
      return newest;
    },
    async readAfter(afterId, until) {
      const deadline = Date.now() + settleMs;
      for (;;) {
        const list = await readAll(afterId, true);
        if (until === undefined || until(list) || Date.now() >= deadline) return list;
        await sleep(20);
      }
    },
  };
}

/** An emulator in this process. */
export const toRuntimeSource = (runtime: EmulatorRuntime): OpenApiSource => ({
  hostNames: runtime.config.server.hostNames,
  hosts: () => Object.fromEntries(runtime.hosts),
  add: (rule) => void runtime.faults.add(rule),
  clear: (scenario) => void runtime.faults.clear({ scenario }),
  setScope: (scope) => runtime.faults.setScope(scope),
  listAfter: (afterId, inboundOnly) => runtime.store.listExchanges({ ...(inboundOnly ? { direction: 'inbound' } : {}), afterId, limit: 1000 }),
});

/** A running emulator, through its admin API; `hostNames` as its `GET /_koomock/faults` says. */
export const toAdminSource = (admin: AdminClient, hostNames: readonly string[]): OpenApiSource => ({
  hostNames,
  hosts: async () => (await admin.listFaults()).hosts,
  add: (rule) => admin.addFault(rule),
  clear: (scenario) => admin.clearFaults({ scenario }),
  setScope: (scope) => admin.setFaultScope(scope),
  listAfter: (afterId, inboundOnly) => admin.listExchanges({ ...(inboundOnly ? { direction: 'inbound' } : {}), afterId, limit: 1000 }),
});
