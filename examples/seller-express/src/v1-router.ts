import type { RequestHandler, Response } from 'express';
import type { SellerContext } from './context.js';
import { toAsciiJson } from './json-response.js';
import { invalidParam, type ProduceResponse, reply, RESULT } from './result-codes.js';
import { V1_ACTIVITIES } from './v1-handlers.js';
import { parseV1Query, toBodySign, verifyV1Request } from './verify-v1.js';

const MAX_QUERY = 16 * 1024;

/**
 * Sends a V1 answer: HTTP 200 JSON, and `Body-Sign` over exactly the bytes sent, keyed with the V1
 * Key. The marketplace verifies it and treats a missing or wrong one as a failed call.
 */
export function sendV1Json(res: Response, key: string, body: ProduceResponse): void {
  const bytes = Buffer.from(toAsciiJson(body), 'utf8');
  res.status(200);
  res.setHeader('Content-Type', 'application/json;charset=utf-8');
  res.setHeader('Body-Sign', toBodySign(key, bytes));
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}

/**
 * GET {producePath}?activity=…&…&timeStamp=…&authToken=…: the legacy V1 production interface
 * (SaaS Access Guide V1.0). The raw query string is verified before anything else is read.
 */
export function createV1Handler(ctx: SellerContext): RequestHandler {
  const { options, log } = ctx;
  const key = options.keys.v1;
  return (req, res) => {
    const at = req.originalUrl.indexOf('?');
    const rawQuery = at < 0 ? '' : req.originalUrl.slice(at + 1);
    if (rawQuery.length > MAX_QUERY) return sendV1Json(res, key, invalidParam(`the query string is longer than ${MAX_QUERY} characters`));
    const params = parseV1Query(rawQuery);
    if (params === undefined) return sendV1Json(res, key, invalidParam('the query string is not valid percent-encoding'));
    const verdict = verifyV1Request(params, { key, nowMs: options.now(), windowMs: options.signatureWindowMs });
    const activity = String(params['activity'] ?? '').slice(0, 32);
    if (!verdict.ok) {
      log(`V1 ${activity}: rejected, ${verdict.reason}: ${verdict.detail}`);
      return sendV1Json(res, key, reply(RESULT.AUTH_FAILED, `authentication failed: ${verdict.detail}`));
    }
    const handler = Object.hasOwn(V1_ACTIVITIES, activity) ? V1_ACTIVITIES[activity] : undefined;
    if (handler === undefined) return sendV1Json(res, key, invalidParam(`activity: expected one of ${Object.keys(V1_ACTIVITIES).join(', ')}`));
    try {
      return sendV1Json(res, key, handler(params, ctx));
    } catch (error) {
      log(`V1 ${activity}: internal error: ${error instanceof Error ? error.message : 'unknown'}`);
      return sendV1Json(res, key, reply(RESULT.INTERNAL_ERROR, 'internal error'));
    }
  };
}
