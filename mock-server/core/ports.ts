/**
 * Ports: everything non-deterministic or outside the core enters through these, so tests can fix it:
 * clock and randomness, sending a request to the seller, journaling each exchange, and asking whether
 * the seller fetched an order. Adapters implement them; tests may fake them.
 */
import type { CheckResult } from './result.js';

/** Wall-clock time in ms since the epoch (signatures, X-Sdk-Date) and the virtual clock (retries, waits). */
export interface Clock {
  /** Real time: used where the seller checks it against its own clock. */
  wallNow(): number;
  /** Virtual time: drives retries, polling, expiry. */
  now(): number;
  /** Move virtual time forward by `ms` (never backwards). */
  advance(ms: number): void;
}

/** Random values: nonces, ids, UUIDs. */
export interface Random {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  uuid(): string;
}

/** What the transport sends: method, full URL, headers and an optional body string. */
export interface TransportRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * How a request failed before a complete response arrived. `protocol`: bytes came back that are not
 * HTTP/1.1 (a bad status line, an invalid header, a body that contradicts its Content-Length).
 */
export type TransportErrorKind = 'refused' | 'reset' | 'timeout' | 'protocol' | 'dns' | 'tls' | 'other';

/** A response: status, lower-case headers (repeats joined with ", "), body bytes (capped). */
export interface TransportResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** The body was longer than the cap; `body` holds its first bytes only. */
  readonly truncated: boolean;
  readonly durationMs: number;
}

export interface TransportError {
  readonly kind: 'error';
  readonly error: TransportErrorKind;
  /** Short, from the network stack; never contains a key. */
  readonly message: string;
  readonly durationMs: number;
  /** What had arrived when the exchange failed; set once the status line and headers were in. */
  readonly partial?: { readonly status: number; readonly bytes: number };
}

/** The outcome of one exchange: data, never an exception. */
export type TransportResult = TransportResponse | TransportError;

/**
 * Sends one request to the seller. `timeoutMs` bounds the whole exchange including the body (docs/fidelity.md#d7).
 * Redirects are not followed: a 3xx comes back as a response.
 */
export interface SellerTransport {
  send(request: TransportRequest, options: { readonly timeoutMs: number }): Promise<TransportResult>;
}

/** One journaled exchange (an attempt): the request as sent (signature, never the key) and what came back. */
export interface ProduceExchange {
  readonly activity: string;
  readonly attempt: number;
  /** Virtual time the attempt started. */
  readonly at: number;
  /** Wall-clock time the attempt started (what the signature timestamp was made from). */
  readonly wallAt: number;
  readonly request: TransportRequest;
  readonly response?: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string; readonly truncated: boolean };
  readonly error?: { readonly error: TransportErrorKind; readonly message: string };
  readonly durationMs: number;
  readonly checks: readonly CheckResult[];
  readonly outcome: 'success' | 'pending' | 'refused' | 'failed';
}

/** Journal of exchanges (the store implements it). */
export interface ExchangeSink {
  record(exchange: ProduceExchange): void | Promise<void>;
}

/** The fake order-query API's log: did the seller fetch this order (line) within a time range? */
export interface OrderQueryLog {
  /** Times are the clock the log records with (koomock's virtual clock); bounds inclusive. */
  wasQueried(orderId: string, orderLineId: string | undefined, fromMs: number, toMs: number): boolean;
}
