/**
 * What the console shows of a journaled exchange: a one-line summary for the timeline (verdict,
 * resultCode, the order and instance it is about), the journal filters, and the string that was
 * signed for a call koomock made (the key shown as a placeholder, never itself).
 */
import { KEY_PLACEHOLDER, toProduceRecipe, toStringToSign } from '../core/signing/produce/signature.js';
import type { Exchange } from '../core/store.js';
import type { SellerKeys } from '../core/produce/types.js';
import { isKitOperation } from '../core/produce/activities.js';
import { parseBoundedJsonObject } from '../core/bounded-json.js';
import { isObject } from '../core/is-object.js';

export type ExchangeVerdict = 'passed' | 'failed' | 'warning';

export interface ExchangeSummary {
  readonly id: number;
  readonly direction: 'inbound' | 'outbound';
  readonly operation: string;
  readonly startedAt: number;
  readonly durationMs: number;
  /** HTTP status of the answer; absent when none came. */
  readonly status?: number;
  readonly resultCode?: string;
  readonly verdict: ExchangeVerdict;
  readonly orderId?: string;
  readonly instanceId?: string;
  readonly scenario?: string;
}

function parseJson(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const parsed = parseBoundedJsonObject(text);
  return parsed.ok ? parsed.value : undefined;
}

/** A journaled body: outbound bodies are text, inbound ones `{text}` / `{json}` records. */
function bodyJson(body: unknown): Record<string, unknown> | undefined {
  if (typeof body === 'string') return parseJson(body);
  if (!isObject(body)) return undefined;
  if (isObject(body['json'])) return body['json'];
  return parseJson(body['text']);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function queryParam(e: Exchange, name: string): string | undefined {
  const url = text(e.request['url']) ?? `http://x${text(e.request['path']) ?? '/'}?${text(e.request['query']) ?? ''}`;
  try {
    return new URL(url).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * @example toExchangeSummary(exchange).verdict; // 'failed' when a check of severity error failed
 */
export function toExchangeSummary(e: Exchange): ExchangeSummary {
  const requestBody = bodyJson(e.request['body']) ?? {};
  const answer = bodyJson(e.response?.['body']) ?? {};
  const failed = e.verdicts.filter((v) => !v.ok);
  const verdict: ExchangeVerdict = failed.some((v) => v.severity !== 'warn') ? 'failed' : failed.length > 0 ? 'warning' : 'passed';
  const orderId = text(requestBody['orderId']) ?? queryParam(e, 'orderId');
  const instanceId = text(requestBody['instanceId']) ?? text(requestBody['instance_id']) ?? text(answer['instanceId']) ?? queryParam(e, 'instanceId');
  const resultCode = text(answer['resultCode']) ?? text(answer['error_code']);
  const status = e.response?.['status'];
  return {
    id: e.id,
    direction: e.direction,
    operation: e.operation,
    startedAt: e.startedAt,
    durationMs: e.durationMs,
    ...(typeof status === 'number' ? { status } : {}),
    ...(resultCode === undefined ? {} : { resultCode }),
    verdict,
    ...(orderId === undefined ? {} : { orderId }),
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(e.scenario === undefined ? {} : { scenario: e.scenario }),
  };
}

export interface SummaryFilter {
  readonly orderId?: string;
  readonly instanceId?: string;
  readonly verdict?: ExchangeVerdict;
}

export const matchesSummary = (s: ExchangeSummary, f: SummaryFilter): boolean =>
  (f.orderId === undefined || s.orderId === f.orderId) && (f.instanceId === undefined || s.instanceId === f.instanceId) && (f.verdict === undefined || s.verdict === f.verdict);

export interface SigningView {
  readonly scheme: 'v2' | 'kit';
  /** The key's category; the key itself is shown as `{accessKey}`. */
  readonly key: 'basic' | 'general' | 'kit';
  readonly payload: string;
  readonly timestamp: string;
  readonly nonce: string;
  /** The outer HMAC's input with the key as `{accessKey}`. */
  readonly stringToSign: string;
  /** As sent. */
  readonly signature: string;
}

/**
 * The string koomock signed for an outbound V2 or kit call; undefined for other exchanges (inbound
 * calls carry their own debugger record in the failed check) and when the key is not configured.
 * @example toSigningView(exchange, keys)?.stringToSign; // '{accessKey}<nonce><timestamp><inner hmac>'
 */
export function toSigningView(e: Exchange, keys: SellerKeys): SigningView | undefined {
  if (e.direction !== 'outbound') return undefined;
  const payload = typeof e.request['body'] === 'string' ? e.request['body'] : undefined;
  if (payload === undefined) return undefined;
  const headers = (e.request['headers'] ?? {}) as Record<string, string>;
  const kit = isKitOperation(e.operation);
  const category = kit ? 'kit' : e.operation === 'orderNotify' ? 'general' : 'basic';
  const key = keys[category];
  const timestamp = kit ? headers['x-timestamp'] : queryParam(e, 'timestamp');
  const nonce = kit ? headers['x-nonce'] : queryParam(e, 'nonce');
  const signature = kit ? headers['x-sign'] : queryParam(e, 'signature');
  if (key === undefined || timestamp === undefined || nonce === undefined || signature === undefined) return undefined;
  const recipe = toProduceRecipe(kit ? 'kit' : 'v2', { key, payload, timestamp, nonce });
  return { scheme: kit ? 'kit' : 'v2', key: category, payload, timestamp, nonce, stringToSign: toStringToSign(recipe, KEY_PLACEHOLDER), signature };
}
