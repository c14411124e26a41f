/**
 * ApiResponse -> status, headers and bytes: the one serialisation both the express app and the msw
 * handlers use, so the same answer has the same bytes wherever it is served.
 */
import type { ApiResponse } from './http-types.js';

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const TEXT_TYPE = 'text/plain;charset=UTF-8';

/** Statuses that never carry a body (RFC 9110 §6.4.1; 1xx is never an answer here). */
const noBody = (status: number): boolean => status === 204 || status === 304;

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

function toBytes(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return utf8(body);
  return new Uint8Array();
}

const hasHeader = (headers: Readonly<Record<string, string>>, name: string): boolean =>
  Object.keys(headers).some((k) => k.toLowerCase() === name);

/** A header name is an RFC 9110 token; a value has no control character but tab. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function checkFraming(response: ApiResponse): void {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    // 200-599: what both a Node response and a fetch Response (msw) can carry.
    throw new TypeError(`koomock bug: response status ${String(response.status)} is not an answer status`);
  }
  for (const [name, value] of Object.entries(response.headers)) {
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) throw new TypeError(`koomock bug: response header ${JSON.stringify(name)} cannot be sent`);
  }
}

/**
 * Serialises a response. Throws only for an answer HTTP cannot carry (a status outside 200-599, a
 * header with a control character, a body JSON cannot represent): a core bug, which the Open API
 * pipeline turns into the documented internal error before any adapter sees it.
 * @example toWireResponse(jsonResponse(200, { ok: true })).body // bytes of '{"ok":true}'
 */
export function toWireResponse(response: ApiResponse): WireResponse {
  // The pipeline serialises each answer once to check it; the adapter then sends that same form.
  const known = serialised.get(response);
  if (known !== undefined) return known;
  const wire = serialise(response);
  serialised.set(response, wire);
  return wire;
}

/** Answers already serialised (an ApiResponse is never changed after it is built). */
const serialised = new WeakMap<ApiResponse, WireResponse>();

function serialise(response: ApiResponse): WireResponse {
  checkFraming(response);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(response.headers)) headers[k.toLowerCase()] = v;
  if (noBody(response.status)) return { status: response.status, headers, body: new Uint8Array() };
  const kind = response.kind ?? 'json';
  let body: Uint8Array;
  if (kind === 'bytes') body = toBytes(response.body);
  else if (kind === 'text') {
    body = utf8(typeof response.body === 'string' ? response.body : String(response.body ?? ''));
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = TEXT_TYPE;
  } else {
    const text = response.body === undefined ? '' : JSON.stringify(response.body);
    if (typeof text !== 'string') throw new TypeError(`koomock bug: response body is not JSON (${typeof response.body})`);
    body = utf8(text);
    if (body.byteLength > 0 && !hasHeader(headers, 'content-type')) headers['content-type'] = JSON_TYPE;
  }
  return { status: response.status, headers, body };
}
