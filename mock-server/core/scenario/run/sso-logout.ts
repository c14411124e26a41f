/**
 * The logout part of the SSO step: the signed-in browser opens the seller's logout URL, which must
 * end the seller's session and send the browser to koomock's `/api/v1/logout?redirect_url=…`
 * (open-api.md §6.4); koomock clears its login session and redirects to `redirect_url`.
 */
import { checkLogout } from '../../checks/oauth-sso.js';
import type { CheckResult } from '../../result.js';
import { type Browser, describeAnswer } from './sso-browser.js';

const LOGOUT_PATH = '/api/v1/logout';

/**
 * @example await runLogout(browser, 'https://isv.example.com/sso/logout', origins, cookie) // { id: 'oauth.logout', ok: true, ... }
 */
export async function runLogout(browser: Browser, logoutUrl: string, koomockOrigins: ReadonlySet<string>, userCookie: string): Promise<CheckResult> {
  const first = await browser.get(logoutUrl);
  const where = first.location;
  if (where === undefined || !koomockOrigins.has(where.origin) || where.pathname !== LOGOUT_PATH) {
    return checkLogout(`${describeAnswer(first)}, not koomock's ${LOGOUT_PATH}`);
  }
  const out = await browser.get(where.href, userCookie);
  if (out.location === undefined) return checkLogout(`koomock refused the logout: ${describeAnswer(out)} (redirect_url must be an absolute http(s) URL, URL-encoded)`);
  return checkLogout(undefined, describeAnswer(out));
}
