/**
 * The bill the Agents gateway would compute for one call: each billed item's quantity (from the
 * answer, or for characters and bytes from the request's `input`) times its unit price
 * (docs/agents.md#billing, docs/fidelity.md#d59).
 */
import { isObject } from '../is-object.js';
import { type AgentPrices, type BillingItem, billedItems, RESPONSE_ITEMS } from './billing-items.js';

export interface BillLine {
  readonly item: BillingItem;
  /** Undefined when the answer did not carry it (agent.usage names the field). */
  readonly quantity?: number;
  readonly unitPrice?: number;
  readonly amount?: number;
}

export interface AgentBill {
  readonly lines: readonly BillLine[];
  /** Sum of the amounts, rounded to 6 decimals; undefined when no item is priced. */
  readonly total?: number;
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The value at `path`, when it is a finite number >= 0. */
export function readQuantity(answer: unknown, path: readonly string[]): number | undefined {
  let node: unknown = answer;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return typeof node === 'number' && Number.isFinite(node) && node >= 0 ? node : undefined;
}

/** The quantity of a response item: its first path holding a number, scaled. */
export function quantityOf(answer: unknown, item: BillingItem): number | undefined {
  const spec = RESPONSE_ITEMS[item];
  if (spec === undefined) return undefined;
  for (const path of spec.paths) {
    const q = readQuantity(answer, path);
    if (q !== undefined) return q * spec.scale;
  }
  return undefined;
}

/** Characters (code points) or UTF-8 bytes of the request body's `input` string; 0 when there is none. */
function requestQuantity(request: unknown, item: 'inputChars' | 'inputBytes'): number {
  const input = isObject(request) ? request['input'] : undefined;
  if (typeof input !== 'string') return 0;
  return item === 'inputChars' ? Array.from(input).length : Buffer.byteLength(input, 'utf8');
}

/**
 * @example
 *   computeBill({ usage: { prompt_tokens: 31, completion_tokens: 217 } }, {}, { inputTokens: 0.001, outputTokens: 0.002 }).total; // 0.465
 */
export function computeBill(answer: unknown, request: unknown, prices: AgentPrices): AgentBill {
  const lines = billedItems(prices).map((item): BillLine => {
    const quantity = item === 'inputChars' || item === 'inputBytes' ? requestQuantity(request, item) : quantityOf(answer, item);
    const unitPrice = prices[item];
    const amount = quantity !== undefined && unitPrice !== undefined ? round6(quantity * unitPrice) : undefined;
    return { item, ...(quantity === undefined ? {} : { quantity }), ...(unitPrice === undefined ? {} : { unitPrice }), ...(amount === undefined ? {} : { amount }) };
  });
  const priced = lines.filter((l) => l.amount !== undefined);
  return { lines, ...(priced.length === 0 ? {} : { total: round6(priced.reduce((s, l) => s + (l.amount ?? 0), 0)) }) };
}
