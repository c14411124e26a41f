/**
 * `GET {domain_name}/api/v1/logout?redirect_url=…` (open-api.md §6.4): clears the browser's login
 * session (the cookie authorize reads) and redirects.
 */
import { parseQuery } from '../http-types.js';
import { parseHttpUrl, SSO_USER_COOKIE, toRedirect } from './oauth-common.js';
import { type OpenApiRoute, report } from './request-context.js';
import { toOAuthError } from './responses.js';

export const oauthLogoutRoute: OpenApiRoute = {
  id: 'oauth.logout',
  method: 'GET',
  path: '/api/v1/logout',
  auth: 'none',
  envelope: 'oauth',
  handle(req, _params, ctx) {
    const target = parseHttpUrl(parseQuery(req.query).redirect_url);
    if (target === undefined) {
      const description = 'redirect_url must be an absolute http(s) URL, URL-encoded: /api/v1/logout?redirect_url=https%3A%2F%2F…';
      report(ctx, { id: 'oauth.logout', ok: false, received: 'invalid_request', hint: description });
      return toOAuthError(400, 'invalid_request', description);
    }
    report(ctx, { id: 'oauth.logout', ok: true, received: `logged out, redirected to ${target.origin}${target.pathname}` });
    const redirect = toRedirect(target);
    return { ...redirect, headers: { ...redirect.headers, 'set-cookie': `${SSO_USER_COOKIE}=; Path=/; Max-Age=0; HttpOnly` } };
  },
};
