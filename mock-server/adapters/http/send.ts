/**
 * ApiResponse -> Node response, once. A `reset` fault drops the connection instead of answering.
 */
import type { ServerResponse } from 'node:http';
import type { ApiResponse } from '../../core/http-types.js';
import { isConnectionReset } from '../../core/openapi/faults.js';
import { toWireResponse, type WireResponse } from '../../core/wire-body.js';

function write(res: ServerResponse, wire: WireResponse): void {
  const bodiless = wire.status === 204 || wire.status === 304 || wire.status < 200;
  res.writeHead(wire.status, bodiless ? wire.headers : { ...wire.headers, 'content-length': String(wire.body.byteLength) });
  res.end(wire.body);
}

/**
 * Sends the response; the pipeline has made sure HTTP can carry it.
 * @example sendApiResponse(res, await runtime.handle(toApiRequest(req, body)));
 */
export function sendApiResponse(res: ServerResponse, response: ApiResponse): void {
  if (isConnectionReset(response)) {
    res.socket?.destroy();
    return;
  }
  write(res, toWireResponse(response));
}
