import type { Request, RequestHandler } from 'express';
import type { Handler, SellerContext } from './context.js';
import { changeInstanceCheck } from './handlers/change-instance-check.js';
import { newInstance } from './handlers/new-instance.js';
import { orderNotify } from './handlers/order-notify.js';
import { queryInstance } from './handlers/query-instance.js';
import { refreshInstance } from './handlers/refresh-instance.js';
import { releaseInstance } from './handlers/release-instance.js';
import { updateInstanceStatus } from './handlers/update-instance-status.js';
import { upgradeInstance } from './handlers/upgrade-instance.js';
import { sendJson } from './json-response.js';
import type { NonceCache } from './nonce-cache.js';
import { invalidParam, reply, RESULT } from './result-codes.js';
import { parseJsonObject } from './signing-payload.js';
import { verifyV2Signature } from './verify-v2.js';

const ACTIVITIES: Readonly<Record<string, Handler>> = {
  newInstance,
  queryInstance,
  refreshInstance,
  updateInstanceStatus,
  releaseInstance,
  upgradeInstance,
  changeInstanceCheck,
  orderNotify,
};

/** The raw bytes captured by express.raw(); the signature covers them, so nothing parses first. */
export const readRawBody = (req: Request): string => (Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');

/** A URL query parameter as sent (first value only), or undefined. */
export const readQueryParam = (req: Request, name: string): string | undefined =>
  new URL(req.originalUrl, 'http://localhost').searchParams.get(name) ?? undefined;

/**
 * POST {producePath}: one URL for every V2 activity (produce-api.md §1.1). Verify first, with the
 * key of the activity's category (orderNotify: general; the rest: basic), and change nothing when
 * the check fails. Every answer is HTTP 200 JSON with resultCode/resultMsg.
 */
export function createProduceHandler(ctx: SellerContext, nonces: NonceCache): RequestHandler {
  const { options, log } = ctx;
  return async (req, res) => {
    const rawBody = readRawBody(req);
    // Read before verifying only to pick the key; nothing else is trusted yet.
    const activity = parseJsonObject(rawBody)?.['activity'];
    const key = activity === 'orderNotify' ? options.keys.general : options.keys.basic;
    const verdict = verifyV2Signature(
      { rawBody, signature: readQueryParam(req, 'signature'), timestamp: readQueryParam(req, 'timestamp'), nonce: readQueryParam(req, 'nonce') },
      { key, nowMs: options.now(), windowMs: options.signatureWindowMs, nonces },
    );
    const name = typeof activity === 'string' ? activity.slice(0, 32) : '(no activity)';
    if (!verdict.ok) {
      log(`${name}: rejected, ${verdict.reason}: ${verdict.detail}`);
      sendJson(res, reply(RESULT.AUTH_FAILED, `authentication failed: ${verdict.detail}`));
      return;
    }
    const body = parseJsonObject(rawBody) ?? {};
    const handler = typeof activity === 'string' && Object.hasOwn(ACTIVITIES, activity) ? ACTIVITIES[activity] : undefined;
    if (handler === undefined) {
      sendJson(res, invalidParam(`activity: expected one of ${Object.keys(ACTIVITIES).join(', ')}, received ${name}`));
      return;
    }
    try {
      const answer = await handler(body, ctx);
      log(`${name}: ${answer.resultCode}`);
      sendJson(res, answer);
    } catch (error) {
      log(`${name}: internal error: ${error instanceof Error ? error.message : 'unknown'}`);
      sendJson(res, reply(RESULT.INTERNAL_ERROR, 'internal error; the call can be retried'));
    }
  };
}
