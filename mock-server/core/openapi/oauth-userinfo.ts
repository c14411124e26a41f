/**
 * `GET {domain_name}/api/v1/oauth2/userinfo` (open-api.md §6.3): `Authorization: Bearer <access_token>`.
 */
import { jsonResponse } from '../http-types.js';
import { toGrantTag } from './oauth-common.js';
import { type OpenApiRoute, report } from './request-context.js';
import { toOAuthError } from './responses.js';

const UNAUTHORIZED = 'Full authentication is required to access this resource';

export const oauthUserinfoRoute: OpenApiRoute = {
  id: 'oauth.userinfo',
  method: 'GET',
  path: '/api/v1/oauth2/userinfo',
  auth: 'none',
  envelope: 'oauth',
  handle(req, _params, ctx) {
    const token = /^bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    const grant = token === undefined ? undefined : ctx.store.getGrant('access', token);
    const now = ctx.clock.now();
    if (grant === undefined || grant.expiresAt <= now) {
      const why =
        token === undefined
          ? 'no "Authorization: Bearer <access_token>" header'
          : grant === undefined
            ? 'the access token is unknown'
            : `the access token expired (7200 s): refresh it with grant_type=refresh_token (${toGrantTag('access', token)})`;
      report(ctx, { id: 'oauth.userinfo', ok: false, received: 'unauthorized', hint: why });
      return { ...toOAuthError(401, 'unauthorized', UNAUTHORIZED), headers: { 'content-type': 'application/json;charset=UTF-8', 'www-authenticate': 'Bearer realm="oauth2-resource"' } };
    }
    const who = typeof grant.subject['userName'] === 'string' ? grant.subject['userName'].slice(0, 64) : '?';
    report(ctx, { id: 'oauth.userinfo', ok: true, received: `userinfo of ${who} (${toGrantTag('access', grant.token)})` });
    return jsonResponse(200, grant.subject, { 'cache-control': 'no-store' });
  },
};
