import type { CheckResult } from '../result.js';
import { cut, quoted } from './cut.js';

export const HTTP_REDIRECT = 'http.redirect';

/** 3xx statuses: koomock, like the marketplace, does not follow them. */
export const isRedirect = (status: number): boolean => status >= 300 && status < 400;

export interface RedirectInput {
  readonly status: number;
  /** The `Location` header as sent; undefined when absent. */
  readonly location: string | undefined;
  /** The URL koomock called, to resolve a relative Location against. */
  readonly url: string;
}

const LOGIN = /(^|[/.?=_-])(login|logon|signin|sso|cas|oauth2?|auth|iam)([/.?=_-]|$)/i;

function resolve(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

function hintFor(location: string | undefined, url: string): string {
  const general = 'The marketplace does not follow redirects: configure the final URL as the production address and answer there directly with HTTP 200.';
  if (location === undefined) return `${general} (This answer even lacks a Location header.)`;
  const from = resolve(url, url);
  const to = resolve(location, url);
  if (from === undefined || to === undefined) return general;
  if (LOGIN.test(to.pathname) || LOGIN.test(to.hostname) || LOGIN.test(to.search)) {
    return 'A login or single-sign-on layer redirected the call: exempt the produce path from it. Marketplace calls carry their own signature; verify that in the application instead.';
  }
  if (from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && from.pathname === to.pathname) {
    return `The address redirects HTTP to HTTPS: configure the https address (${cut(to.origin + to.pathname)}) as the production address; the marketplace requires HTTPS anyway.`;
  }
  if (from.origin === to.origin && from.pathname.replace(/\/$/, '') === to.pathname.replace(/\/$/, '') && from.pathname !== to.pathname) {
    return `The framework redirects to add or remove a trailing slash: configure the production address exactly as ${quoted(to.pathname)}, or let the route accept both forms.`;
  }
  if (from.origin === to.origin && from.pathname === to.pathname) {
    return 'The address redirects to itself: a loop (for example a proxy that rewrites the scheme). Answer the call directly with HTTP 200.';
  }
  return general;
}

/**
 * The answer is not a redirect (3xx). Redirects are not followed; the check reports where the seller
 * pointed and, where it can tell, why (HTTP to HTTPS, a trailing slash, a login page).
 * @example
 *   checkHttpRedirect({ status: 301, location: 'https://seller.example/produce', url: 'http://seller.example/produce' }).hint;
 *   // 'The address redirects HTTP to HTTPS: configure the https address …'
 */
export function checkHttpRedirect(input: RedirectInput): CheckResult {
  const expected = 'HTTP 200 at the production address itself (redirects are not followed)';
  if (!isRedirect(input.status)) return { id: HTTP_REDIRECT, ok: true, expected, received: `HTTP ${input.status}` };
  return {
    id: HTTP_REDIRECT,
    ok: false,
    expected,
    received: input.location === undefined ? `HTTP ${input.status} without a Location header` : `HTTP ${input.status} to Location ${quoted(input.location)}`,
    hint: hintFor(input.location, input.url),
  };
}
