import type { RequestHandler } from 'express';
import type { Handler, SellerContext } from './context.js';
import { allOrgSync } from './handlers/all-org-sync.js';
import { applicationSync } from './handlers/application-sync.js';
import { authSync } from './handlers/auth-sync.js';
import { singleOrgSync } from './handlers/single-org-sync.js';
import { tenantSync } from './handlers/tenant-sync.js';
import { sendJson } from './json-response.js';
import type { NonceCache } from './nonce-cache.js';
import { readRawBody } from './produce-router.js';
import { invalidParam, reply, RESULT } from './result-codes.js';
import { parseJsonObject } from './signing-payload.js';
import { verifyKitSignature } from './verify-kit.js';

export const KIT_OPERATIONS: Readonly<Record<string, Handler>> = { tenantSync, applicationSync, authSync, singleOrgSync, allOrgSync };

/**
 * POST {producePath}/produceAPI/v2/{operation}: the joint-operation kit (produce-api.md §1.2),
 * signed in headers x-sign / x-timestamp / x-nonce with the kit (联营SaaS同步接口) key.
 */
export function createKitHandler(ctx: SellerContext, nonces: NonceCache): RequestHandler {
  const { options, log } = ctx;
  return async (req, res) => {
    const op = String(req.params['op'] ?? '');
    const rawBody = readRawBody(req);
    const verdict = verifyKitSignature(
      { rawBody, sign: req.get('x-sign'), timestamp: req.get('x-timestamp'), nonce: req.get('x-nonce') },
      { key: options.keys.kit, nowMs: options.now(), windowMs: options.signatureWindowMs, nonces },
    );
    if (!verdict.ok) {
      log(`kit ${op.slice(0, 32)}: rejected, ${verdict.reason}: ${verdict.detail}`);
      sendJson(res, reply(RESULT.AUTH_FAILED, `authentication failed: ${verdict.detail}`));
      return;
    }
    const handler = Object.hasOwn(KIT_OPERATIONS, op) ? KIT_OPERATIONS[op] : undefined;
    if (handler === undefined) {
      sendJson(res, invalidParam(`unknown kit operation; expected one of ${Object.keys(KIT_OPERATIONS).join(', ')}`));
      return;
    }
    try {
      sendJson(res, await handler(parseJsonObject(rawBody) ?? {}, ctx));
    } catch (error) {
      log(`kit ${op}: internal error: ${error instanceof Error ? error.message : 'unknown'}`);
      sendJson(res, reply(RESULT.INTERNAL_ERROR, 'internal error'));
    }
  };
}
