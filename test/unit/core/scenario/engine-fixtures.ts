/**
 * Fixtures for engine unit tests: a scripted seller behind the SellerTransport port (no network),
 * an order-query log the seller writes to, a memory market, and scenarios parsed from YAML text.
 */
import type { InstanceRecord } from '../../../../mock-server/core/market/instance.js';
import type { Order } from '../../../../mock-server/core/market/order.js';
import type { ProductionInterfaceMessage } from '../../../../mock-server/core/produce/call-outcome.js';
import type { SellerTransport, TransportRequest, TransportResult } from '../../../../mock-server/core/ports.js';
import { DEFAULT_PROFILE } from '../../../../mock-server/core/profile.js';
import type { EngineDeps } from '../../../../mock-server/core/scenario/run/engine-types.js';
import type { Scenario } from '../../../../mock-server/core/scenario/load/model.js';
import { parseScenario } from '../../../../mock-server/core/scenario/load/parse.js';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { DEFAULT_CATALOG } from '../../../../mock-server/config/defaults.js';
import { createFixedClock, type FixedClock } from '../../../support/fixed-clock.js';
import { createSeqRandom } from '../../../support/seq-random.js';

export const SELLER_ID = '6b6f6f6d6f636b2d73656c6c65720001';
export const SELLER_URL = 'https://seller.example/produce';

/** How the scripted seller misbehaves; each defect breaks one rule (`query-once` is correct: it answers re-sends from its records). */
export type Defect = 'none' | 'non-idempotent' | 'no-order-query' | 'fail-new' | 'one-instance-per-order' | 'fail-refresh' | 'slow-first' | 'async' | 'no-instance-id' | 'query-once';

type Body = Record<string, unknown>;

export interface ScriptedSeller {
  readonly transport: SellerTransport;
  /** Activities in the order received. */
  readonly received: string[];
}

const answer = (body: unknown, contentType = 'application/json;charset=UTF-8'): TransportResult => ({
  kind: 'response',
  status: 200,
  headers: { 'content-type': contentType },
  body: new TextEncoder().encode(JSON.stringify(body)),
  truncated: false,
  durationMs: 3,
});

/**
 * A seller that keeps instances by orderId + orderLineId, queries every order it is told about,
 * and answers every V2 activity — except for the one defect it is given.
 */
export function createScriptedSeller(defect: Defect, log: { record(orderId: string, orderLineId: string | undefined): void }): ScriptedSeller {
  const instances = new Map<string, string>();
  const appInfo = new Map<string, Body>();
  const received: string[] = [];
  let counter = 0;
  let newCalls = 0;
  const queried = new Set<string>();
  const handle = (body: Body): TransportResult => {
    const activity = String(body['activity']);
    received.push(activity);
    const orderId = typeof body['orderId'] === 'string' ? body['orderId'] : undefined;
    const orderLineId = typeof body['orderLineId'] === 'string' ? body['orderLineId'] : undefined;
    const line = `${orderId}|${orderLineId}`;
    const answersFromRecords = defect === 'query-once' && queried.has(line);
    if (orderId !== undefined && defect !== 'no-order-query' && !answersFromRecords && (activity === 'newInstance' || activity === 'orderNotify' || activity === 'upgradeInstance')) {
      log.record(orderId, orderLineId);
      queried.add(line);
    }
    switch (activity) {
      case 'newInstance': {
        newCalls += 1;
        if (defect === 'fail-new') return answer({ resultCode: '000005', resultMsg: 'backend down' });
        const key = defect === 'one-instance-per-order' ? String(orderId) : `${orderId}|${orderLineId}`;
        let id = instances.get(key);
        if (id === undefined || defect === 'non-idempotent') {
          counter += 1;
          id = `inst-${counter}`;
          instances.set(key, id);
        }
        if (defect === 'no-instance-id') return answer({ resultCode: '000000', resultMsg: 'ok' });
        if (defect === 'async') return answer({ resultCode: '000004', resultMsg: 'provisioning', instanceId: id });
        appInfo.set(id, { frontEndUrl: `https://app.example/${id}` });
        if (defect === 'slow-first' && newCalls === 1) return { kind: 'error', error: 'timeout', message: 'no complete answer within 300 ms', durationMs: 300 };
        return answer({ resultCode: '000000', resultMsg: 'ok', instanceId: id });
      }
      case 'queryInstance': {
        const id = String(body['instanceId']);
        // Async provisioning finishes after the third poll.
        if (defect === 'async' && !appInfo.has(id) && received.filter((a) => a === 'queryInstance').length >= 3) appInfo.set(id, { frontEndUrl: `https://app.example/${id}` });
        // An instance still provisioning is not listed yet: the marketplace polls until it is.
        const info = appInfo.has(id) ? [{ instanceId: id, appInfo: appInfo.get(id) }] : [];
        return answer({ resultCode: '000000', resultMsg: 'ok', info });
      }
      case 'refreshInstance':
        return defect === 'fail-refresh' ? answer({ resultCode: '000005', resultMsg: 'down' }) : answer({ resultCode: '000000', resultMsg: 'ok' });
      default:
        return answer({ resultCode: '000000', resultMsg: 'ok' });
    }
  };
  return {
    received,
    transport: {
      send: async (request: TransportRequest) => handle(JSON.parse(request.body ?? '{}') as Body),
    },
  };
}

export interface EngineFixture {
  readonly deps: EngineDeps;
  readonly clock: FixedClock;
  readonly seller: ScriptedSeller;
  readonly orders: Map<string, Order>;
  readonly instances: Map<string, InstanceRecord>;
  readonly messages: ProductionInterfaceMessage[];
}

/** Engine deps around a scripted seller; the order-query log records on the same virtual clock. */
export function createEngineFixture(defect: Defect = 'none'): EngineFixture {
  const clock = createFixedClock();
  const queries: { orderId: string; orderLineId: string | undefined; at: number }[] = [];
  const seller = createScriptedSeller(defect, { record: (orderId, orderLineId) => queries.push({ orderId, orderLineId, at: clock.now() }) });
  const orders = new Map<string, Order>();
  const instances = new Map<string, InstanceRecord>();
  const messages: ProductionInterfaceMessage[] = [];
  const deps: EngineDeps = {
    sellerUrl: SELLER_URL,
    sellerId: SELLER_ID,
    catalog: DEFAULT_CATALOG,
    profile: DEFAULT_PROFILE,
    keys: { basic: 'basic-key', general: 'general-key', kit: 'kit-key' },
    transport: seller.transport,
    clock,
    random: createSeqRandom(),
    schemas: getSchemaRegistry(),
    market: {
      putOrder: (order) => void orders.set(order.orderInfo.orderId, order),
      putInstance: (instance) => void instances.set(instance.instanceId, instance),
      addInterfaceMessage: (message) => void messages.push(message),
    },
    orderQueries: {
      wasQueried: (orderId, orderLineId, from, to) =>
        queries.some((q) => q.orderId === orderId && (q.orderLineId === undefined || q.orderLineId === orderLineId) && q.at >= from && q.at <= to),
    },
  };
  return { deps, clock, seller, orders, instances, messages };
}

/** A scenario from YAML text, through the real parser. */
export const scenarioOf = (yaml: string, file = 'test.yaml'): Scenario => parseScenario(yaml, { file, schemas: getSchemaRegistry() });

/** The common start of most test scenarios: a monthly order and its newInstance. */
export const ORDER_AND_CREATE = `
  - id: order
    order: { product: PERIOD, periodType: month, periodNumber: 1 }
  - id: create
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }`;
