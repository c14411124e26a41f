/**
 * What the fake OneAccess endpoints share (open-api.md §6, docs/fidelity.md#d29): lifetimes, token minting, redirects.
 * Lifetimes run on the virtual clock, so a scenario can let a token expire without waiting.
 */
import { createHash } from 'node:crypto';
import type { ApiResponse } from '../http-types.js';
import type { Random } from '../ports.js';
import type { GrantKind, OAuthGrant } from '../store.js';
import { DEFAULT_OAUTH_USER, type OAuthClient } from './oauth-clients.js';

export const CODE_TTL_MS = 5 * 60_000;
export const ACCESS_TOKEN_TTL_S = 7200;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;
export const DEFAULT_SCOPE = 'get_user_info';

const TTL_MS: Readonly<Record<GrantKind, number>> = {
  code: CODE_TTL_MS,
  access: ACCESS_TOKEN_TTL_S * 1000,
  refresh: REFRESH_TOKEN_TTL_MS,
};

/**
 * A short, non-reversible name of a code or token (`code#1a2b3c4d5e6f`) for the journal's verdicts:
 * the SSO step matches the seller's token and userinfo calls to the code it saw without the journal
 * ever holding a usable code or token.
 * @example toGrantTag('code', 'x1') // 'code#' + 12 hex
 */
export const toGrantTag = (kind: GrantKind, token: string): string => `${kind}#${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;

/**
 * The OneAccess login session the browser holds (a cookie on koomock's host): who `authorize`
 * signs in without a login page. The SSO step sets it to the order's buyer; logout clears it.
 */
export const SSO_USER_COOKIE = 'koomock_sso_user';

/** The user in the login-session cookie, or undefined when there is none or it is not readable. */
export function readSessionUser(cookieHeader: string | undefined): Readonly<Record<string, unknown>> | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SSO_USER_COOKIE) continue;
    try {
      const value: unknown = JSON.parse(Buffer.from(part.slice(eq + 1).trim(), 'base64url').toString('utf8'));
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>)['userId'] === 'string') {
        return value as Record<string, unknown>;
      }
    } catch {
      // not a session koomock made: sign in as the client's user
    }
  }
  return undefined;
}

/** An unguessable token (base64url, an RFC 6750 b64token). */
export const createToken = (random: Random, bytes = 24): string => Buffer.from(random.bytes(bytes)).toString('base64url');

/**
 * A fresh grant of `kind` for this client, valid from `now` for its docs/fidelity.md#d29 lifetime.
 * @example ctx.store.putGrant(createGrant('code', { client, scope, now, random, redirectUri }))
 */
export function createGrant(
  kind: GrantKind,
  input: {
    readonly clientId: string;
    readonly scope: string;
    readonly subject: Readonly<Record<string, unknown>>;
    readonly now: number;
    readonly random: Random;
    readonly redirectUri?: string;
  },
): OAuthGrant {
  return {
    kind,
    token: createToken(input.random, kind === 'code' ? 16 : 32),
    clientId: input.clientId,
    scope: input.scope,
    ...(input.redirectUri === undefined ? {} : { redirectUri: input.redirectUri }),
    subject: input.subject,
    issuedAt: input.now,
    expiresAt: input.now + TTL_MS[kind],
  };
}

export const toSubject = (client: OAuthClient): Readonly<Record<string, unknown>> => ({ ...(client.user ?? DEFAULT_OAUTH_USER) });

/** An absolute http(s) URL, or undefined. */
export function parseHttpUrl(text: string | undefined): URL | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A 302 to `url` with `params` added to its query.
 * @example toRedirect('https://seller.example.com/cb', { code: 'x', state: 's' }) // location https://seller.example.com/cb?code=x&state=s
 */
export function toRedirect(url: URL, params: Readonly<Record<string, string | undefined>> = {}): ApiResponse {
  const target = new URL(url.href);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) target.searchParams.append(name, value);
  return { status: 302, headers: { location: target.href, 'cache-control': 'no-store' }, body: '', kind: 'text' };
}
