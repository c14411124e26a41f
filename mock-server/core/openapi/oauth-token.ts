/**
 * `POST {domain_name}/api/v1/oauth2/token` (open-api.md §6.2, docs/fidelity.md#d29): authorization_code (single use,
 * 5 min) and refresh_token (30 days, rotated: the old one is spent) grants; the client authenticates
 * in the form body or with HTTP Basic.
 */
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { jsonResponse, parseQuery } from '../http-types.js';
import { secureEqual } from '../signing/index.js';
import type { OAuthGrant } from '../store.js';
import type { OAuthClient } from './oauth-clients.js';
import { ACCESS_TOKEN_TTL_S, createGrant, toGrantTag } from './oauth-common.js';
import { type OpenApiContext, type OpenApiRoute, report } from './request-context.js';
import { type OAuthErrorCode, toOAuthError } from './responses.js';

const CHECK_ID = 'oauth.token';

const fail = (ctx: OpenApiContext, error: OAuthErrorCode, description: string, hint = description): ApiResponse => {
  report(ctx, { id: CHECK_ID, ok: false, received: error, hint });
  return toOAuthError(400, error, description);
};

/** Form fields, with query parameters filling gaps (Spring-based servers read both). */
function readParams(req: ApiRequest): Record<string, string> | string {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (req.rawBody.length > 0 && !type.startsWith('application/x-www-form-urlencoded')) {
    return `Content-Type is ${JSON.stringify(req.headers['content-type'] ?? '')}; send the parameters as application/x-www-form-urlencoded`;
  }
  const body = parseQuery(Buffer.from(req.rawBody).toString('utf8'));
  return { ...parseQuery(req.query), ...body };
}

/** client_id/client_secret from HTTP Basic (RFC 6749 §2.3.1: form-encoded, then base64) or the form. */
function readClientCredentials(req: ApiRequest, params: Record<string, string>): { id?: string; secret?: string; basic: boolean } | string {
  const basic = /^basic +(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic === undefined) return { ...pick(params.client_id, 'id'), ...pick(params.client_secret, 'secret'), basic: false };
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'the Basic credentials are not base64("client_id:client_secret")';
  const id = formDecode(decoded.slice(0, colon));
  if (params.client_id !== undefined && params.client_id !== id) return 'client_id in the form differs from the one in HTTP Basic';
  return { id, secret: formDecode(decoded.slice(colon + 1)), basic: true };
}

const pick = <K extends string>(value: string | undefined, key: K): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

function authenticateClient(ctx: OpenApiContext, req: ApiRequest, params: Record<string, string>): OAuthClient | ApiResponse {
  const creds = readClientCredentials(req, params);
  if (typeof creds === 'string') return fail(ctx, 'invalid_client', 'Bad client credentials', creds);
  const client = creds.id === undefined ? undefined : ctx.oauthClients?.byId(creds.id);
  if (client === undefined || creds.secret === undefined || !secureEqual(creds.secret, client.clientSecret)) {
    const why =
      creds.id === undefined
        ? 'no client_id: send client_id and client_secret in the form or as HTTP Basic'
        : client === undefined
          ? `client_id ${JSON.stringify(creds.id)} is not a registered client`
          : `client_secret does not match for client ${client.clientId}: use the decrypted clientSecret from applicationSync`;
    return fail(ctx, 'invalid_client', 'Bad client credentials', why);
  }
  return client;
}

/** New access and refresh tokens for what `grant` (a code or a refresh token) allowed. */
function issueTokens(ctx: OpenApiContext, grant: Pick<OAuthGrant, 'kind' | 'token' | 'clientId' | 'scope' | 'subject'>): ApiResponse {
  const base = { clientId: grant.clientId, scope: grant.scope, subject: grant.subject, now: ctx.clock.now(), random: ctx.random };
  const access = createGrant('access', base);
  const refresh = createGrant('refresh', base);
  ctx.store.putGrant(access);
  ctx.store.putGrant(refresh);
  // The tags let the SSO step follow code -> access token -> userinfo through the journal.
  const tags = `${toGrantTag(grant.kind, grant.token)} -> ${toGrantTag('access', access.token)}`;
  report(ctx, { id: CHECK_ID, ok: true, received: `tokens issued for client ${grant.clientId} (${tags})` });
  return jsonResponse(
    200,
    { access_token: access.token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_S, scope: grant.scope, refresh_token: refresh.token },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

function exchangeCode(ctx: OpenApiContext, client: OAuthClient, params: Record<string, string>): ApiResponse {
  const code = params.code;
  if (!code) return fail(ctx, 'invalid_request', 'An authorization code must be supplied.');
  const grant = ctx.store.getGrant('code', code);
  if (grant === undefined || grant.clientId !== client.clientId) {
    return fail(ctx, 'invalid_grant', 'Invalid authorization code', 'the code is unknown or was issued to another client');
  }
  if (params.redirect_uri !== undefined && grant.redirectUri !== undefined && params.redirect_uri !== grant.redirectUri) {
    return fail(ctx, 'invalid_grant', 'Redirect URI mismatch.', `redirect_uri must be the one of the authorize call: ${grant.redirectUri}`);
  }
  const consumed = ctx.store.consumeGrant('code', code, ctx.clock.now());
  if (!consumed.ok) {
    const why = consumed.reason === 'used' ? 'the code was already used (codes are single use)' : `the code is ${consumed.reason} (codes live 5 min)`;
    return fail(ctx, 'invalid_grant', 'Invalid authorization code', `${why} (${toGrantTag('code', code)})`);
  }
  return issueTokens(ctx, consumed.grant);
}

function refresh(ctx: OpenApiContext, client: OAuthClient, params: Record<string, string>): ApiResponse {
  const token = params.refresh_token;
  if (!token) return fail(ctx, 'invalid_request', 'A refresh token must be supplied.');
  const grant = ctx.store.getGrant('refresh', token);
  if (grant === undefined || grant.clientId !== client.clientId) {
    return fail(ctx, 'invalid_grant', 'Invalid refresh token', 'the refresh token is unknown or was issued to another client');
  }
  const consumed = ctx.store.consumeGrant('refresh', token, ctx.clock.now());
  if (!consumed.ok) {
    const why =
      consumed.reason === 'used'
        ? 'the refresh token was already used: refresh tokens are rotated, keep the new one from each answer'
        : 'the refresh token expired (30 days): sign the user in again';
    return fail(ctx, 'invalid_grant', 'Invalid refresh token', why);
  }
  return issueTokens(ctx, consumed.grant);
}

export const oauthTokenRoute: OpenApiRoute = {
  id: 'oauth.token',
  method: 'POST',
  path: '/api/v1/oauth2/token',
  auth: 'none',
  envelope: 'oauth',
  handle(req, _params, ctx) {
    const params = readParams(req);
    if (typeof params === 'string') return fail(ctx, 'invalid_request', params);
    const client = authenticateClient(ctx, req, params);
    if (!('clientId' in client)) return client;
    switch (params.grant_type) {
      case 'authorization_code':
        return exchangeCode(ctx, client, params);
      case 'refresh_token':
        return refresh(ctx, client, params);
      case undefined:
      case '':
        return fail(ctx, 'invalid_request', 'Missing grant type');
      default:
        return fail(ctx, 'unsupported_grant_type', `Unsupported grant type: ${params.grant_type.slice(0, 64)}`);
    }
  },
};
