import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { SellerContext } from './context.js';
import type { ResolvedOptions } from './options.js';
import type { Application, Tenant } from './kit-store.js';
import { sendJson } from './json-response.js';
import { exchangeCode, type OAuthCredentials, type OAuthTokens, readUserinfo, refreshTokens } from './sso-client.js';

/**
 * The buyer's single sign-on through the tenant's OneAccess (open-api.md §6, docs/oauth.md):
 *   GET {ssoPath}/login?tenant=…   redirect to {domainName}/api/v1/oauth2/authorize with a fresh state
 *   GET {ssoPath}/callback?code&state  check the state, exchange the code, read userinfo, start a session
 *   GET {ssoPath}/logout           end the session, then OneAccess's: {domainName}/api/v1/logout
 *   GET /app                       the signed-in page (refreshes the access token when it expired)
 * The tenant's domainName comes from tenantSync, the client from applicationSync.
 */

const STATE_COOKIE = 'sso_state';
const SESSION_COOKIE = 'sso_session';
const STATE_TTL_MS = 10 * 60_000;
const MAX_PENDING = 10_000;

interface Pending {
  readonly tenantId: string;
  readonly appId: string;
  readonly createdAt: number;
}

interface Session {
  readonly tenantId: string;
  readonly appId: string;
  readonly user: Record<string, unknown>;
  tokens: OAuthTokens;
}

const newId = (): string => randomBytes(24).toString('base64url');

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const setCookie = (res: Response, name: string, value: string, maxAgeS: number): void => {
  res.append('Set-Cookie', `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}`);
};

const page = (res: Response, status: number, text: string): void => {
  res.status(status).type('text/plain; charset=utf-8').send(text);
};

/**
 * @example app.use(createSsoRouter(context, '/sso'));
 */
export function createSsoRouter(ctx: SellerContext, ssoPath: string, defect?: ResolvedOptions['ssoDefect']): Router {
  const router = Router();
  const pending = new Map<string, Pending>();
  const sessions = new Map<string, Session>();
  const { kit, log, options } = ctx;

  /** The tenant asked for (or the only one synced) with an application whose secret was decrypted. */
  function findClient(tenantId: string | undefined): { tenant: Tenant; app: Application & { clientSecret: string } } | undefined {
    const tenants = tenantId === undefined ? [...kit.tenants.values()].reverse() : [kit.tenants.get(tenantId)].filter((t) => t !== undefined);
    for (const tenant of tenants) {
      const app = [...kit.applications.values()].find((a) => a.tenantId === tenant.tenantId && a.clientSecret !== undefined);
      if (app?.clientSecret !== undefined) return { tenant, app: { ...app, clientSecret: app.clientSecret } };
    }
    return undefined;
  }

  const credentialsOf = (tenantId: string, appId: string): OAuthCredentials | undefined => {
    const tenant = kit.tenants.get(tenantId);
    const app = kit.applications.get(kit.appKey(tenantId, appId));
    return tenant === undefined || app?.clientSecret === undefined ? undefined : { domainName: tenant.domainName, clientId: app.clientId, clientSecret: app.clientSecret };
  };

  const callbackUrl = (req: Request): string => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}${ssoPath}/callback`;

  router.get(`${ssoPath}/login`, (req, res) => {
    const asked = typeof req.query['tenant'] === 'string' ? req.query['tenant'] : undefined;
    const found = findClient(asked);
    if (found === undefined) return page(res, 404, 'No application with a decrypted client secret is synced for this tenant (tenantSync, then applicationSync).');
    const now = options.now();
    for (const [state, p] of pending) if (now - p.createdAt > STATE_TTL_MS || pending.size > MAX_PENDING) pending.delete(state);
    const state = newId();
    pending.set(state, { tenantId: found.tenant.tenantId, appId: found.app.appId, createdAt: now });
    setCookie(res, STATE_COOKIE, state, STATE_TTL_MS / 1000);
    const authorize = new URL(`${found.tenant.domainName.replace(/\/+$/, '')}/api/v1/oauth2/authorize`);
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: found.app.clientId, redirect_uri: callbackUrl(req), scope: 'get_user_info', state }).toString();
    res.redirect(302, authorize.href);
  });

  router.get(`${ssoPath}/callback`, async (req, res) => {
    const code = typeof req.query['code'] === 'string' ? req.query['code'] : '';
    const state = typeof req.query['state'] === 'string' ? req.query['state'] : '';
    const login = pending.get(state);
    // The state must be the one this browser was given: a callback without it is a forged login.
    if (code === '' || login === undefined || cookieOf(req, STATE_COOKIE) !== state) return page(res, 400, 'Sign-in failed: unknown or missing state. Start again from the login page.');
    pending.delete(state);
    setCookie(res, STATE_COOKIE, '', 0);
    const creds = credentialsOf(login.tenantId, login.appId);
    if (creds === undefined) return page(res, 409, 'Sign-in failed: the application was removed. Start again.');
    let user: Record<string, unknown> = { userName: 'unknown' };
    let tokens: OAuthTokens = { accessToken: '', refreshToken: '', expiresAt: 0 };
    if (defect !== 'skip-code-exchange') {
      const exchanged = await exchangeCode(creds, code, callbackUrl(req), options.now());
      if (!exchanged.ok && defect !== 'ignore-token-errors') {
        log(`sso callback: ${exchanged.detail}`);
        return page(res, 401, 'Sign-in failed: the sign-in code was not accepted. Start again from the login page.');
      }
      if (exchanged.ok) {
        const info = await readUserinfo(creds.domainName, exchanged.value.accessToken);
        if (!info.ok) {
          log(`sso callback: ${info.detail}`);
          return page(res, 401, 'Sign-in failed: the user could not be read.');
        }
        user = info.value;
        tokens = exchanged.value;
      }
    }
    const id = newId();
    sessions.set(id, { tenantId: login.tenantId, appId: login.appId, user, tokens });
    setCookie(res, SESSION_COOKIE, id, 8 * 3600);
    log(`sso: ${String(user['userName'])} signed in for tenant ${login.tenantId}`);
    res.redirect(302, '/app');
  });

  router.get('/app', async (req, res) => {
    const id = cookieOf(req, SESSION_COOKIE);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session === undefined) return res.redirect(302, `${ssoPath}/login`);
    const creds = credentialsOf(session.tenantId, session.appId);
    if (creds !== undefined && session.tokens.refreshToken !== '' && session.tokens.expiresAt <= options.now()) {
      // Refresh tokens rotate: the answer's new refresh token replaces the spent one.
      const refreshed = await refreshTokens(creds, session.tokens.refreshToken, options.now());
      if (!refreshed.ok) {
        sessions.delete(id ?? '');
        return res.redirect(302, `${ssoPath}/login`);
      }
      session.tokens = refreshed.value;
    }
    sendJson(res, { signedIn: true, userName: session.user['userName'], tenant: session.tenantId });
  });

  router.get(`${ssoPath}/logout`, (req, res) => {
    const id = cookieOf(req, SESSION_COOKIE);
    const session = id === undefined ? undefined : sessions.get(id);
    if (id !== undefined) sessions.delete(id);
    setCookie(res, SESSION_COOKIE, '', 0);
    const tenant = session === undefined ? undefined : kit.tenants.get(session.tenantId);
    const home = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}/`;
    if (tenant === undefined) return res.redirect(302, home);
    res.redirect(302, `${tenant.domainName.replace(/\/+$/, '')}/api/v1/logout?redirect_url=${encodeURIComponent(home)}`);
  });

  return router;
}
