import { Router, json } from 'express';
import type { SellerContext } from './context.js';
import { sendJson } from './json-response.js';
import { optionalString, requireStrings } from './params.js';
import { isJsonObject } from './signing-payload.js';
import { createUsageRecord, pushUsage } from './usage-client.js';

/**
 * Demo helpers under /_seller (not part of any KooGallery contract; don't expose them in production):
 *   GET  /_seller/state  the instance table, kit data and received order notifications (secrets left out)
 *   POST /_seller/usage  {"instanceId", "usageValue", "beginTime"?, "endTime"?, "meteringSn"?}
 *                        pushes one usage record for an on-demand instance to the marketplace
 */
export function createSellerRoutes(ctx: SellerContext): Router {
  const router = Router();

  router.get('/_seller/state', (_req, res) => {
    sendJson(res, {
      instances: ctx.instances.list().map(({ appInfo, ...rest }) => {
        if (appInfo === undefined) return rest;
        const { password, ...visible } = appInfo;
        return { ...rest, appInfo: { ...visible, passwordSet: password !== undefined } };
      }),
      tenants: [...ctx.kit.tenants.values()],
      applications: [...ctx.kit.applications.values()].map(({ clientSecret, ...rest }) => ({ ...rest, clientSecretDecrypted: clientSecret !== undefined })),
      users: [...ctx.kit.users.values()],
      orgs: [...ctx.kit.orgs.values()],
      notifications: ctx.notifications,
    });
  });

  router.post('/_seller/usage', json({ limit: '64kb' }), async (req, res) => {
    const body: unknown = req.body;
    if (!isJsonObject(body)) return sendJson(res, { ok: false, error: 'expected a JSON object body with instanceId and usageValue' }, 400);
    const p = requireStrings(body, { instanceId: 64, usageValue: 20 });
    if (!p.ok) return sendJson(res, { ok: false, error: p.detail }, 400);
    const { instanceId, usageValue } = p.value;
    if (!/^\d{1,12}(\.\d{1,4})?$/.test(usageValue) || Number(usageValue) <= 0) {
      return sendJson(res, { ok: false, error: 'usageValue: expected a number > 0 with at most 4 decimals, as a string (e.g. "12.5")' }, 400);
    }
    const record = ctx.instances.get(instanceId);
    if (record === undefined || record.released) return sendJson(res, { ok: false, error: `instance ${instanceId} does not exist here` }, 404);

    const base = createUsageRecord(instanceId, usageValue, new Date());
    const overrides: Record<string, string> = {};
    for (const name of ['beginTime', 'endTime', 'meteringSn'] as const) {
      const o = optionalString(body, name, 64);
      if (!o.ok) return sendJson(res, { ok: false, error: o.detail }, 400);
      if (o.value !== undefined) overrides[name] = o.value;
    }
    const usage = { ...base, ...overrides };
    const outcome = await pushUsage(ctx.openApi, ctx.options.keys.usage, [usage]);
    if (outcome.kind === 'unreachable') {
      return sendJson(res, { ok: false, meteringSn: usage.meteringSn, error: `usage push: no host reachable (${outcome.detail})` }, 502);
    }
    const ok = outcome.status === 200 && outcome.code === 'MKT.0000';
    ctx.log(`usage push ${instanceId} ${usageValue}: HTTP ${outcome.status} ${outcome.code ?? ''}`);
    return sendJson(res, { ok, meteringSn: usage.meteringSn, marketplace: { status: outcome.status, body: outcome.body } });
  });

  return router;
}
