/**
 * The records a run on another machine writes through the admin API (`PUT /runner/orders/{id}`,
 * `PUT /runner/instances/{id}`, `POST /runner/exchanges`), checked before they reach the store so
 * that the memory and SQLite stores take exactly the same inputs: every field a store indexes is
 * present and of its type, or the call is a 400 naming the field.
 */
import type { InstanceRecord } from '../../../core/market/instance.js';
import type { Order } from '../../../core/market/order.js';
import type { NewExchange } from '../../../core/store.js';
import { invalid } from './errors.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const shown = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v)).slice(0, 80));

function text(record: Record<string, unknown>, name: string, what: string): string {
  const v = record[name];
  if (typeof v !== 'string' || v === '' || v.length > 256) throw invalid(`${what}.${name} must be a text of 1 to 256 characters, received ${shown(v)}`);
  return v;
}

function optionalText(record: Record<string, unknown>, name: string, what: string): void {
  if (record[name] !== undefined) text(record, name, what);
}

function millis(record: Record<string, unknown>, name: string, what: string): void {
  const v = record[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > Number.MAX_SAFE_INTEGER) throw invalid(`${what}.${name} must be a number of ms (0 or more), received ${shown(v)}`);
}

function keyed(record: Record<string, unknown>, name: string, what: string, pathId: string): void {
  const id = text(record, name, what);
  if (id !== pathId) throw invalid(`the ${name} in the body (${shown(id)}) differs from the one in the path (${shown(pathId)})`);
}

/**
 * @example parseRunnerOrder(body, 'ORD-1') // the order, or throws a 400 naming the bad field
 */
export function parseRunnerOrder(body: Record<string, unknown>, pathId: string): Order {
  const info = body['orderInfo'];
  if (!isObject(info)) throw invalid(`an order needs orderInfo (an object), received ${shown(info)}`);
  keyed(info, 'orderId', 'orderInfo', pathId);
  text(body, 'sellerId', 'order');
  text(body, 'status', 'order');
  if (!Array.isArray(info['orderLine'])) throw invalid(`orderInfo.orderLine must be a list, received ${shown(info['orderLine'])}`);
  return body as unknown as Order;
}

/**
 * @example parseRunnerInstance(body, 'ins-1') // the instance, or throws a 400 naming the bad field
 */
export function parseRunnerInstance(body: Record<string, unknown>, pathId: string): InstanceRecord {
  keyed(body, 'instanceId', 'instance', pathId);
  for (const name of ['sellerId', 'orderId', 'idempotencyKey', 'state']) text(body, name, 'instance');
  if (!Array.isArray(body['history'])) throw invalid(`instance.history must be a list, received ${shown(body['history'])}`);
  return body as unknown as InstanceRecord;
}

/**
 * @example parseRunnerExchange(body) // the exchange, or throws a 400 naming the bad field
 */
export function parseRunnerExchange(body: Record<string, unknown>): NewExchange {
  if (body['direction'] !== 'outbound') throw invalid(`exchange.direction must be "outbound" (a run journals the calls it made), received ${shown(body['direction'])}`);
  text(body, 'operation', 'exchange');
  optionalText(body, 'sellerId', 'exchange');
  optionalText(body, 'scenario', 'exchange');
  optionalText(body, 'step', 'exchange');
  millis(body, 'startedAt', 'exchange');
  millis(body, 'durationMs', 'exchange');
  if (!isObject(body['request'])) throw invalid(`exchange.request must be an object, received ${shown(body['request'])}`);
  if (body['response'] !== undefined && !isObject(body['response'])) throw invalid(`exchange.response must be an object when given, received ${shown(body['response'])}`);
  if (!Array.isArray(body['verdicts']) || !body['verdicts'].every(isObject)) throw invalid(`exchange.verdicts must be a list of check results, received ${shown(body['verdicts'])}`);
  return body as unknown as NewExchange;
}
