/**
 * applicationSync hands the seller the OAuth client of the tenant's application; the platform's
 * OneAccess knows that client from then on. koomock does the same with its fake OneAccess
 * (docs/oauth.md): before the call goes out, an add or modify (`flag` 1 / 2) registers
 * `clientId` with the plain `clientSecret` (the seller receives it encrypted), a delete (`flag` 0)
 * removes it.
 */
import type { CallSpec } from '../../produce/types.js';
import type { ScenarioState } from './state.js';

/**
 * @example await registerSyncedClient(spec, state); // after it, /api/v1/oauth2/authorize knows spec.fields.clientId
 */
export async function registerSyncedClient(spec: CallSpec, state: ScenarioState): Promise<void> {
  const registry = state.deps.oauthClients;
  if (spec.activity !== 'applicationSync' || registry === undefined) return;
  const { clientId, clientSecret, flag } = spec.fields ?? {};
  if (typeof clientId !== 'string' || clientId === '') return;
  if (Number(flag) === 0) {
    await registry.remove(clientId);
    return;
  }
  if (typeof clientSecret === 'string' && clientSecret !== '') await registry.put({ clientId, clientSecret });
}
