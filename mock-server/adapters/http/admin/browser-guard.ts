/**
 * The admin API refuses what a web page could send: a page the engineer visits must not reset the
 * emulator, add faults or make koomock sign calls (docs/security.md, "Threat model").
 *
 * - A request whose `Origin` is not koomock's own (the scheme and host it was addressed to), or
 *   whose `Sec-Fetch-Site` is `cross-site`, is refused with 403.
 * - A state-changing request (POST, PUT, PATCH, DELETE) that carries a body or a Content-Type must
 *   be `application/json`: a page can send `text/plain` or a form without a CORS preflight, never
 *   JSON, so JSON-only means a page must ask first, and the preflight is refused below.
 * - A CORS preflight (`OPTIONS`) is answered only for koomock's own origin (the console).
 *
 * Tools (curl, the koomock CLI, test code) send neither Origin nor Sec-Fetch-Site and pass.
 */
import type { Request, RequestHandler } from 'express';
import { sendAdminError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The origin a browser on koomock's own pages would send: the scheme and Host of the request. */
const ownOrigin = (req: Request): string | undefined => {
  const host = req.headers.host;
  return host === undefined || host === '' ? undefined : `${req.protocol}://${host}`.toLowerCase();
};

/** Why a request must be refused as cross-site, or undefined. */
function crossSiteReason(req: Request): string | undefined {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site.toLowerCase() === 'cross-site') {
    return 'the admin API does not answer requests from other web sites (Sec-Fetch-Site: cross-site): call it from a tool, a test or the koomock console';
  }
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  if (origin.toLowerCase() !== ownOrigin(req)) {
    return `the admin API answers only koomock's own origin, not ${JSON.stringify(origin.slice(0, 100))}: a web page cannot drive it; call it from a tool, a test or the koomock console`;
  }
  return undefined;
}

const hasBody = (req: Request): boolean => {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
};

/**
 * @example router.use(refuseBrowserRequests());
 */
export function refuseBrowserRequests(): RequestHandler {
  return (req, res, next) => {
    const reason = crossSiteReason(req);
    if (reason !== undefined) {
      sendAdminError(res, 'FORBIDDEN', reason);
      return;
    }
    if (req.method === 'OPTIONS') {
      // Only the console's own origin gets here (any other was refused above); it needs no CORS
      // for itself, so the preflight only says which methods and headers the API takes.
      if (req.headers.origin === undefined) {
        sendAdminError(res, 'FORBIDDEN', 'the admin API answers no CORS preflight: call it from a tool, a test or the koomock console');
        return;
      }
      res.setHeader('access-control-allow-origin', req.headers.origin);
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('vary', 'origin');
      res.status(204).end();
      return;
    }
    if (STATE_CHANGING.has(req.method)) {
      const type = req.headers['content-type'];
      if ((type !== undefined || hasBody(req)) && !JSON_TYPE.test(type ?? '')) {
        sendAdminError(
          res,
          'UNSUPPORTED_MEDIA_TYPE',
          `admin calls that change state take JSON only: send the header Content-Type: application/json (received ${type === undefined ? 'no Content-Type' : JSON.stringify(type.slice(0, 100))})`,
        );
        return;
      }
    }
    next();
  };
}
