/**
 * Who may use the admin API: requests addressed to the host koomock listens on (not to the platform
 * host names it answers for, and not to a rebound DNS name from a browser), carrying the bearer
 * token when `server.adminToken` is set.
 */
import type { RequestHandler } from 'express';
import { secureEqual } from '../../../core/signing/secure-equal.js';
import { toHostName } from '../../../core/http-request.js';
import { sendAdminError } from './errors.js';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether a request addressed to `hostName` may reach the admin API of a server listening on
 * `listenHost`; the platform's own names (`server.hostNames`) never do. No Host header (HTTP/1.0
 * tools) is allowed: browsers always send one.
 * @example isAdminHost('mkt.myhuaweicloud.com', '0.0.0.0', ['mkt.myhuaweicloud.com']) // false
 */
export function isAdminHost(hostName: string | undefined, listenHost: string, platformHosts: readonly string[] = []): boolean {
  if (hostName === undefined) return true;
  if (platformHosts.some((h) => h.toLowerCase() === hostName)) return false;
  // A bare IPv6 listen address (`::1`) is written `[::1]` in Host headers.
  const bracketed = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost;
  const listen = toHostName(bracketed) ?? listenHost.toLowerCase();
  if (WILDCARDS.has(listen)) return true;
  const allowed = LOOPBACK.includes(listen) ? LOOPBACK : [listen];
  return allowed.includes(hostName);
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/**
 * Requires `Authorization: Bearer <token>` when a token is configured (constant-time compare).
 * @example router.use(requireAdminToken(config.server.adminToken));
 */
export function requireAdminToken(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token === undefined || token === '') return next();
    const m = BEARER.exec(req.headers.authorization ?? '');
    if (m?.[1] !== undefined && secureEqual(m[1], token)) return next();
    res.setHeader('www-authenticate', 'Bearer realm="koomock admin"');
    sendAdminError(
      res,
      'UNAUTHORIZED',
      m === null
        ? 'the admin API needs the header Authorization: Bearer <token>, with the token of server.adminToken (KOOMOCK_ADMIN_TOKEN, --admin-token)'
        : 'the bearer token does not match server.adminToken: use the token koomock was started with',
    );
  };
}
