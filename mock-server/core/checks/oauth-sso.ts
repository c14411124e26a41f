/**
 * The `oauth.*` checks of the SSO step (docs/oauth.md, docs/checks.md): what a seller's single
 * sign-on must do when the buyer's browser comes through it. The step observes; these say what the
 * observation means.
 */
import type { CheckResult } from '../result.js';

export const OAUTH_LOGIN_REDIRECT = 'oauth.login-redirect';
export const OAUTH_AUTHORIZE = 'oauth.authorize';
export const OAUTH_CODE_EXCHANGED = 'oauth.code-exchanged';
export const OAUTH_USERINFO = 'oauth.userinfo';
export const OAUTH_SESSION = 'oauth.session';
export const OAUTH_CODE_REUSE = 'oauth.code-reuse';
export const OAUTH_LOGOUT = 'oauth.logout';

/** Every `oauth.*` check id with what it verifies. */
export const OAUTH_CHECKS: Readonly<Record<string, string>> = {
  [OAUTH_LOGIN_REDIRECT]: "the seller's login URL redirects to koomock's authorize endpoint with response_type=code, the synced client_id and a redirect_uri",
  [OAUTH_AUTHORIZE]: "koomock's authorize endpoint accepted the seller's request and redirected back with a code",
  [OAUTH_CODE_EXCHANGED]: 'the seller exchanged the code at the token endpoint while answering its callback',
  [OAUTH_USERINFO]: 'the seller called userinfo with the access token it got for the code',
  [OAUTH_SESSION]: 'the seller answered its callback with a session (2xx or a redirect into the app)',
  [OAUTH_CODE_REUSE]: 'a replayed, already spent code gives no session',
  [OAUTH_LOGOUT]: "the seller's logout URL redirects to koomock's /api/v1/logout and koomock redirects back",
};

/** What the step saw of the token endpoint while the callback was answered. */
export type CodeExchange =
  | { readonly kind: 'exchanged'; readonly accessTag: string }
  | { readonly kind: 'refused'; readonly error: string; readonly why: string }
  | { readonly kind: 'none' };

/**
 * @example checkCodeExchanged({ kind: 'none' }).ok // false
 */
export function checkCodeExchanged(exchange: CodeExchange): CheckResult {
  const expected = 'POST /api/v1/oauth2/token with grant_type=authorization_code and this code, answered with tokens';
  if (exchange.kind === 'exchanged') return { id: OAUTH_CODE_EXCHANGED, ok: true, expected, received: 'the code was exchanged for an access token' };
  if (exchange.kind === 'refused') {
    return { id: OAUTH_CODE_EXCHANGED, ok: false, expected, received: `the token endpoint refused the exchange with ${exchange.error}: ${exchange.why}`, hint: 'Send client_id and the decrypted clientSecret of applicationSync (form body or HTTP Basic), the code from the callback and the same redirect_uri, as application/x-www-form-urlencoded.' };
  }
  return {
    id: OAUTH_CODE_EXCHANGED,
    ok: false,
    expected,
    received: 'the seller never called the token endpoint with the code',
    hint: 'A code proves nothing by itself: exchange it at {domainName}/api/v1/oauth2/token before you trust the login, then read the user from userinfo.',
  };
}

/**
 * @example checkUserinfo(undefined).ok // false
 */
export function checkUserinfo(seen: { readonly ok: boolean; readonly why?: string } | undefined): CheckResult {
  const expected = 'GET /api/v1/oauth2/userinfo with Authorization: Bearer and the access token of the code';
  if (seen?.ok === true) return { id: OAUTH_USERINFO, ok: true, expected, received: 'userinfo answered the buyer' };
  return {
    id: OAUTH_USERINFO,
    ok: false,
    expected,
    received: seen?.why === undefined ? 'the seller never called userinfo with the access token' : `userinfo refused the call: ${seen.why}`,
    hint: 'Read who signed in from userinfo (userId, userName, tenant) with the access token the exchange returned; never take the user from the callback URL.',
  };
}

/** How the seller answered a callback, as far as a session is concerned. */
export interface CallbackAnswer {
  readonly session: boolean;
  /** For a report, e.g. `HTTP 302 -> http://127.0.0.1:3000/app`. */
  readonly answer: string;
}

/**
 * @example checkSession({ session: true, answer: 'HTTP 302 -> https://isv.example.com/app' }).ok // true
 */
export function checkSession(callback: CallbackAnswer): CheckResult {
  const expected = 'HTTP 2xx, or a redirect into the app (not to the login URL, not to koomock)';
  if (callback.session) return { id: OAUTH_SESSION, ok: true, expected, received: callback.answer };
  return { id: OAUTH_SESSION, ok: false, expected, received: callback.answer, hint: 'After the code exchange and userinfo, start the buyer\'s session and answer the callback with the page or a redirect into the app.' };
}

/**
 * `retried`: the seller exchanged the spent code again and koomock refused it.
 * @example checkCodeReuse({ session: true, answer: 'HTTP 302 -> https://isv.example.com/app' }, true).ok // false
 */
export function checkCodeReuse(callback: CallbackAnswer, retried: boolean): CheckResult {
  const expected = 'no session for a code that was already spent: an error answer (4xx) or a redirect other than the login\'s';
  const how = retried ? 'the seller exchanged the spent code again and koomock answered invalid_grant' : 'the seller did not exchange the spent code again';
  if (!callback.session) return { id: OAUTH_CODE_REUSE, ok: true, expected, received: `${callback.answer} (${how})` };
  return {
    id: OAUTH_CODE_REUSE,
    ok: false,
    expected,
    received: `${callback.answer}, as for a login (${how})`,
    hint: 'A code is single use: the second exchange answers 400 {"error":"invalid_grant"}. Check the token answer (HTTP 200 with an access_token) before you start a session; on an error, answer 401 or send the browser back to sign in.',
  };
}

/**
 * @example checkLogout(undefined).ok // true
 */
export function checkLogout(problem: string | undefined, detail = ''): CheckResult {
  const expected = "the logout URL redirects to koomock's /api/v1/logout?redirect_url=…, which redirects back";
  if (problem === undefined) return { id: OAUTH_LOGOUT, ok: true, expected, received: detail };
  return { id: OAUTH_LOGOUT, ok: false, expected, received: problem, hint: 'End your own session, then send the browser to {domainName}/api/v1/logout?redirect_url=<URL-encoded page of yours> so the OneAccess session ends too.' };
}
