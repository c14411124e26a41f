/**
 * The buyer's browser as the SSO step plays it: plain GETs through the seller transport (redirects
 * come back as answers, never followed blindly), with a cookie jar per host so the seller's
 * `state` and session cookies travel as a browser would send them.
 */
import type { SellerTransport, TransportResult } from '../../ports.js';

export interface BrowserAnswer {
  readonly url: string;
  readonly result: TransportResult;
  /** The `location` of a 3xx answer, resolved against `url`; undefined when there is none or it is not a URL. */
  readonly location?: URL;
}

export interface Browser {
  /** GETs `url` with the cookies of its host, keeps the cookies the answer sets. */
  get(url: string, extraCookie?: string): Promise<BrowserAnswer>;
}

/** Splits a `set-cookie` header whose repeats the transport joined with ", " (dates keep their comma). */
const splitSetCookie = (header: string): string[] => header.split(/,(?=\s*[^;=\s,]+=)/).map((c) => c.trim());

/**
 * @example
 *   const browser = createBrowser(deps.transport, 20_000);
 *   const login = await browser.get('https://isv.example.com/sso/login');
 *   login.location?.pathname; // '/api/v1/oauth2/authorize'
 */
export function createBrowser(transport: SellerTransport, timeoutMs: number): Browser {
  const jar = new Map<string, Map<string, string>>();
  const keep = (host: string, header: string | undefined): void => {
    if (header === undefined) return;
    const cookies = jar.get(host) ?? new Map<string, string>();
    jar.set(host, cookies);
    for (const cookie of splitSetCookie(header)) {
      const [pair = '', ...attributes] = cookie.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = value === '' || attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  return {
    async get(url, extraCookie) {
      const host = new URL(url).host;
      const cookies = [...(jar.get(host) ?? new Map<string, string>())].map(([n, v]) => `${n}=${v}`);
      if (extraCookie !== undefined) cookies.push(extraCookie);
      const headers: Record<string, string> = { accept: 'text/html,application/json;q=0.9,*/*;q=0.8', 'user-agent': 'koomock-sso-browser' };
      if (cookies.length > 0) headers['cookie'] = cookies.join('; ');
      const result = await transport.send({ method: 'GET', url, headers }, { timeoutMs });
      if (result.kind !== 'response') return { url, result };
      keep(host, result.headers['set-cookie']);
      const raw = result.status >= 300 && result.status < 400 ? result.headers['location'] : undefined;
      let location: URL | undefined;
      try {
        location = raw === undefined ? undefined : new URL(raw, url);
      } catch {
        location = undefined;
      }
      return { url, result, ...(location === undefined ? {} : { location }) };
    },
  };
}

/**
 * An answer in a few words for a report: `HTTP 302 -> http://127.0.0.1:3000/app`, `HTTP 401`, `refused: …`.
 * A location's query (it may carry a code) is never shown.
 */
export function describeAnswer(answer: BrowserAnswer): string {
  const { result, location } = answer;
  if (result.kind === 'error') return `${result.error}: ${result.message}`;
  if (location === undefined) return `HTTP ${result.status}`;
  return `HTTP ${result.status} -> ${location.origin}${location.pathname}${location.search === '' ? '' : '?…'}`.slice(0, 300);
}
