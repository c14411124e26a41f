/**
 * The plain DTOs every adapter converts to and from exactly once (express, msw, the seller transport).
 * Signatures cover bytes, so the raw body always travels unparsed.
 */
export interface ApiRequest {
  readonly method: string;
  /** Path without the query string, as received (not decoded). */
  readonly path: string;
  /** Raw query string without the leading `?` ("" when none). */
  readonly query: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: Uint8Array;
  /** The host name the request was addressed to (Host header without port), for host-specific behaviour. */
  readonly host?: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON value (serialised by the adapter), raw bytes, or text. */
  readonly body: unknown;
  /** How to send `body`: `json` (default), `bytes`, `text`, or `redirect` (status 302 with a location header). */
  readonly kind?: 'json' | 'bytes' | 'text';
}

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  body,
  kind: 'json',
});

/** Parsed query parameters (first value wins for repeated names, like most servers). */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) if (!(k in out)) out[k] = v;
  return out;
}
