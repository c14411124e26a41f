import type { Response } from 'express';

/**
 * JSON with every non-ASCII character written as a \uXXXX escape. The produce docs ask for
 * Chinese text in `memo` to arrive escaped, and pure-ASCII JSON survives any charset mix-up.
 * @example
 *   toAsciiJson({ memo: '欢迎' }); // '{"memo":"\\u6b22\\u8fce"}'
 */
export function toAsciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Sends HTTP 200 `application/json;charset=utf-8` with exactly these bytes. The marketplace
 * treats any other status or content type as a failed call (produce-api.md §8.1), so errors are
 * reported in `resultCode`, never through the HTTP status.
 */
export function sendJson(res: Response, body: unknown, status = 200): void {
  const bytes = Buffer.from(toAsciiJson(body), 'utf8');
  res.status(status);
  res.setHeader('Content-Type', 'application/json;charset=utf-8');
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}
