/**
 * Fetch Request -> ApiRequest and ApiResponse -> fetch Response, once each, the way the express
 * adapter converts Node's request: raw bytes, lower-case headers, raw query string.
 */
import type { ApiRequest, ApiResponse } from '../../core/http-types.js';
import { isConnectionReset } from '../../core/openapi/faults.js';
import { splitTarget, toHostName } from '../../core/http-request.js';
import { toWireResponse, type WireResponse } from '../../core/wire-body.js';

/**
 * The request as the server would have received it: a real client sends `Host` (from the URL) and
 * `Content-Length` even though fetch's Request does not list them.
 * @example const apiRequest = await toApiRequestFromFetch(request);
 */
export async function toApiRequestFromFetch(request: Request): Promise<ApiRequest> {
  const url = new URL(request.url);
  // `url.pathname`/`url.search` are the bytes after WHATWG normalisation: the same bytes fetch sends.
  const { path, query } = splitTarget(`${url.pathname}${url.search}`);
  const rawBody = new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  headers.host ??= url.host;
  if (rawBody.byteLength > 0) headers['content-length'] ??= String(rawBody.byteLength);
  const host = toHostName(headers.host);
  return { method: request.method.toUpperCase(), path, query, headers, rawBody, ...(host === undefined ? {} : { host }) };
}

const toResponse = (wire: WireResponse): Response =>
  new Response(wire.body.byteLength === 0 ? null : wire.body, { status: wire.status, headers: wire.headers });

/**
 * A `reset` fault becomes a network error, as a dropped connection is for fetch.
 * @example return toFetchResponse(await runtime.handle(apiRequest));
 */
export function toFetchResponse(response: ApiResponse): Response {
  if (isConnectionReset(response)) return Response.error();
  return toResponse(toWireResponse(response));
}
