/**
 * `GET {domain_name}/api/v1/oauth2/authorize` (open-api.md §6.1): the emulator has no login page,
 * so a known client is signed in at once and redirected with a code: as the user of the browser's
 * login session (the SSO step signs in as the order's buyer, docs/oauth.md), else as the client's
 * configured user.
 */
import { parseQuery } from '../http-types.js';
import { createGrant, DEFAULT_SCOPE, parseHttpUrl, readSessionUser, toGrantTag, toRedirect, toSubject } from './oauth-common.js';
import type { OpenApiRoute } from './request-context.js';
import { report } from './request-context.js';
import { toOAuthError } from './responses.js';

const CHECK_ID = 'oauth.authorize';

export const oauthAuthorizeRoute: OpenApiRoute = {
  id: 'oauth.authorize',
  method: 'GET',
  path: '/api/v1/oauth2/authorize',
  auth: 'none',
  envelope: 'oauth',
  handle(req, _params, ctx) {
    const q = parseQuery(req.query);
    const fail = (error: Parameters<typeof toOAuthError>[1], description: string) => {
      report(ctx, { id: CHECK_ID, ok: false, received: error, hint: description });
      return toOAuthError(400, error, description);
    };
    const client = q.client_id === undefined ? undefined : ctx.oauthClients?.byId(q.client_id);
    if (client === undefined) {
      return fail(
        'invalid_client',
        `No client with requested id: ${JSON.stringify(q.client_id ?? '')}. Use the clientId koomock's applicationSync sent you (or register the client in koomock's config).`,
      );
    }
    const registered = client.redirectUris ?? [];
    const only = registered.length === 1 ? registered[0] : undefined;
    const redirect = parseHttpUrl(q.redirect_uri ?? only);
    if (redirect === undefined) return fail('invalid_request', 'redirect_uri must be an absolute http(s) URL (URL-encoded in the query)');
    if (registered.length > 0 && !registered.includes(q.redirect_uri ?? only ?? '')) {
      return fail('invalid_request', `redirect_uri ${q.redirect_uri} is not registered for this client; registered: ${registered.join(', ')}`);
    }
    if (q.response_type !== 'code') {
      return fail('unsupported_response_type', `response_type must be "code", received ${JSON.stringify(q.response_type ?? '')}`);
    }
    const grant = createGrant('code', {
      clientId: client.clientId,
      scope: q.scope || DEFAULT_SCOPE,
      subject: readSessionUser(req.headers.cookie) ?? toSubject(client),
      now: ctx.clock.now(),
      random: ctx.random,
      ...(q.redirect_uri === undefined ? {} : { redirectUri: q.redirect_uri }),
    });
    ctx.store.putGrant(grant);
    report(ctx, { id: CHECK_ID, ok: true, received: `code issued for client ${client.clientId} (${toGrantTag('code', grant.token)})` });
    return toRedirect(redirect, { code: grant.token, state: q.state });
  },
};
