/**
 * Outbound produce exchanges (koomock -> seller) into the emulator's journal, each with the call it
 * belongs to, so `POST /_koomock/exchanges/{id}/replay` can rebuild and re-sign it later.
 */
import type { ExchangeSink, ProduceExchange, TransportRequest } from '../core/ports.js';
import type { CallSpec } from '../core/produce/types.js';
import type { JournalContext } from '../core/scenario/run/engine-types.js';
import { toSentFields } from '../core/scenario/run/results.js';
import type { NewExchange } from '../core/store.js';
import { cloneJson } from '../adapters/store/guard.js';

/** The JSON-safe call a journaled request was built from (never a key). */
export interface JournaledCall {
  readonly activity: string;
  readonly url: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly overrides?: Readonly<Record<string, unknown>>;
  readonly signOverrides?: Readonly<Record<string, string | null>>;
  readonly debugFlag?: boolean;
  readonly generation?: 'v1' | 'v2';
}

const toJournaledCall = (spec: CallSpec): JournaledCall => cloneJson(spec) as unknown as JournaledCall;

/**
 * applicationSync is given its clientSecret in plain text: the journal keeps a placeholder field and
 * the ciphertext that was sent as an override, so a replay (the manual restart of a failed kit
 * call) re-sends exactly that ciphertext and the plain secret is never stored.
 */
const SENT_ENCRYPTED = '(sent encrypted, see overrides)';

function withSentSecret(call: JournaledCall, body: string | undefined): JournaledCall {
  if (call.activity !== 'applicationSync' || call.fields?.['clientSecret'] === undefined) return call;
  let sent: unknown;
  try {
    sent = (JSON.parse(body ?? '{}') as Record<string, unknown>)['clientSecret'];
  } catch {
    sent = undefined;
  }
  const secret = typeof sent === 'string' ? sent : '(not sent)';
  return { ...call, fields: { ...call.fields, clientSecret: SENT_ENCRYPTED }, overrides: { ...call.overrides, clientSecret: secret } };
}

/** A queryInstance poll after a 000004 is its own call: rebuild it from its request. */
function callOf(exchange: ProduceExchange, spec: CallSpec): JournaledCall {
  if (exchange.activity === spec.activity) return withSentSecret(toJournaledCall(spec), exchange.request.body);
  // V2 polls carry the instanceId in the body, V1 polls in the query string.
  const instanceId = toSentFields(exchange.request)?.['instanceId'];
  return {
    activity: exchange.activity,
    url: spec.url,
    fields: { instanceId },
    ...(spec.debugFlag === undefined ? {} : { debugFlag: spec.debugFlag }),
    ...(spec.generation === undefined ? {} : { generation: spec.generation }),
  };
}

/**
 * The journal entry of one outbound attempt.
 * @example
 *   store.appendExchange(toOutboundExchange(exchange, { scenario: 'renew', step: 'create', spec }, sellerId));
 */
export function toOutboundExchange(exchange: ProduceExchange, context: JournalContext | { readonly spec: CallSpec; readonly scenario?: string; readonly step?: string }, sellerId?: string): NewExchange {
  const { request } = exchange;
  return {
    direction: 'outbound',
    operation: exchange.activity,
    ...(sellerId === undefined ? {} : { sellerId }),
    request: { method: request.method, url: request.url, headers: { ...request.headers }, ...(request.body === undefined ? {} : { body: request.body }), call: callOf(exchange, context.spec), attempt: exchange.attempt, wallAt: exchange.wallAt, outcome: exchange.outcome },
    ...(exchange.response === undefined
      ? exchange.error === undefined
        ? {}
        : { response: { error: exchange.error.error, message: exchange.error.message } }
      : { response: { status: exchange.response.status, headers: { ...exchange.response.headers }, body: exchange.response.body, truncated: exchange.response.truncated } }),
    startedAt: exchange.at,
    durationMs: Math.max(0, exchange.durationMs),
    verdicts: exchange.checks,
    ...(context.scenario === undefined ? {} : { scenario: context.scenario }),
    ...(context.step === undefined ? {} : { step: context.step }),
  };
}

export interface JournalWriter {
  /** A sink per call, for EngineDeps.journal. */
  readonly journalFor: (context: JournalContext) => ExchangeSink;
  /** The journal id of a request sent (its signed URL is unique: fresh nonce and signature). */
  readonly exchangeIdOf: (request: TransportRequest) => number | undefined;
}

/**
 * Journals through `append` (a store, or the admin API of a running emulator) and remembers ids.
 * @example
 *   const journal = createJournalWriter((e) => store.appendExchange(e), sellerId);
 */
export function createJournalWriter(append: (exchange: NewExchange) => number | undefined | Promise<number | undefined>, sellerId?: string): JournalWriter {
  const ids = new Map<string, number>();
  const keyOf = (r: TransportRequest): string => `${r.method} ${r.url} ${r.headers['x-nonce'] ?? ''}`;
  return {
    journalFor: (context) => ({
      async record(exchange) {
        const id = await append(toOutboundExchange(exchange, context, sellerId));
        if (id !== undefined) ids.set(keyOf(exchange.request), id);
      },
    }),
    exchangeIdOf: (request) => ids.get(keyOf(request)),
  };
}
