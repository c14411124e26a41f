/**
 * Before any check runs: is the seller's production address a URL, and does it accept a
 * connection? A seller that is down is not a failed check: koomock could not run (exit 2).
 */
import { connect } from 'node:net';
import { KoomockError, usageError } from '../core/errors.js';

const PREFLIGHT_TIMEOUT_MS = 5_000;

/**
 * The production address as a URL, or USAGE naming the flag.
 * @example parseSellerUrl('http://127.0.0.1:8080/produce').port; // '8080'
 */
export function parseSellerUrl(text: string, flag = '--seller-url'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`${flag} ${JSON.stringify(text)} is not a URL: give the production interface address, e.g. https://saas.example.com/produce`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`${flag} ${JSON.stringify(text)} must start with https:// (or http:// for a local seller)`);
  }
  return url;
}

/**
 * Resolves when a TCP connection to the seller opens; rejects SELLER_UNREACHABLE with one line
 * naming the URL and the network error.
 * @example
 *   await checkSellerReachable('http://127.0.0.1:8080/produce');
 */
export function checkSellerReachable(address: string, timeoutMs = PREFLIGHT_TIMEOUT_MS): Promise<void> {
  const url = parseSellerUrl(address);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : url.port);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (reason: string) => {
      socket.destroy();
      reject(new KoomockError('SELLER_UNREACHABLE', `cannot reach the seller at ${url.href}: ${reason} — start the seller, or fix --seller-url`, { url: url.href }));
    };
    const timer = setTimeout(() => fail(`no connection within ${timeoutMs} ms`), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(e.code === undefined ? e.message : `${e.code} (${e.message.replace(/^\w+ \w+ /, '')})`);
    });
  });
}

/**
 * Like {@link checkSellerReachable}, but keeps trying for `waitMs` (`--wait-for-seller`), for a
 * seller that is still starting (a container, a JVM); rejects with the last failure once the time is up.
 * @example
 *   await waitForSeller('http://127.0.0.1:8080/produce', 60_000);
 */
export async function waitForSeller(address: string, waitMs: number, pauseMs = 500): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const left = deadline - Date.now();
    try {
      await checkSellerReachable(address, Math.max(1_000, Math.min(PREFLIGHT_TIMEOUT_MS, left)));
      return;
    } catch (e) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        if (e instanceof KoomockError && waitMs > PREFLIGHT_TIMEOUT_MS) {
          throw new KoomockError(e.code, `${e.message} (kept trying for ${Math.round(waitMs / 1000)} s)`, e.details);
        }
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, remaining)));
    }
  }
}
