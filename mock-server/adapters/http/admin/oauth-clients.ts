/**
 * `/_koomock/oauth/clients`: the OAuth clients of the fake OneAccess (docs/admin-api.md,
 * docs/oauth.md). `koomock run --emulator-url` registers the client each applicationSync sends here;
 * a seller's tests may add their own. Secrets go in, never out.
 */
import { Router } from 'express';
import type { OAuthClient, OAuthClientRegistry } from '../../../core/openapi/oauth-clients.js';
import { parseOAuthClientInput, toOAuthClient } from '../../../core/openapi/oauth-client-input.js';
import { invalid, notFound } from './errors.js';
import { readJsonObject } from './input.js';
import type { OAuthClientList, OAuthClientView } from './oauth-client-types.js';

const toView = (c: OAuthClient): OAuthClientView => ({ clientId: c.clientId, redirectUris: c.redirectUris ?? null, user: c.user ?? null });

/**
 * @example router.use('/oauth/clients', createAdminOAuthClientsRouter(runtime.oauthClients));
 */
export function createAdminOAuthClientsRouter(registry: OAuthClientRegistry): Router {
  const router = Router({ caseSensitive: true });
  router.get('/', (_req, res) => {
    const body: OAuthClientList = { clients: registry.list().map(toView) };
    res.json(body);
  });
  router.put('/:clientId', (req, res) => {
    const input = parseOAuthClientInput(String(req.params.clientId), readJsonObject(req));
    if (typeof input === 'string') throw invalid(input);
    const client = toOAuthClient(input);
    registry.put(client);
    res.json(toView(client));
  });
  router.delete('/:clientId', (req, res) => {
    const clientId = String(req.params.clientId);
    if (!registry.remove(clientId)) throw notFound(`no OAuth client ${JSON.stringify(clientId.slice(0, 128))}: list them with GET /_koomock/oauth/clients`);
    res.json({ removed: 1 });
  });
  return router;
}
