/**
 * The web console's files (built by `npm run build` into `dist/console/`, shipped in the package)
 * under `/_koomock/console/`, with a strict Content-Security-Policy: scripts, styles and requests
 * from koomock itself only, nothing inline, no frames. The page needs no token to load; it asks for
 * the admin token when the API wants one.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { SCHEMAS_DIR } from '../../config/schemas-fs.js';
import { sendAdminError } from './admin/errors.js';

export const CONSOLE_DIR = join(dirname(SCHEMAS_DIR), 'dist', 'console');

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * @example router.use('/console', createConsoleRouter({ enabled: config.server.console }));
 */
export function createConsoleRouter(options: { readonly enabled: boolean; readonly dir?: string }): Router {
  const dir = options.dir ?? CONSOLE_DIR;
  const router = Router({ caseSensitive: true, strict: true });
  router.use((req, res, next) => {
    if (!options.enabled) return sendAdminError(res, 'NOT_FOUND', 'the web console is off (server.console: false, --no-console): start koomock with --console');
    if (!existsSync(join(dir, 'index.html'))) return sendAdminError(res, 'NOT_FOUND', 'the web console is not built: run npm run build (it writes dist/console)');
    // `/_koomock/console` -> `/_koomock/console/` so the page's relative asset paths resolve.
    if (req.path === '/' && !req.originalUrl.split('?')[0]?.endsWith('/')) return res.redirect(301, `${req.baseUrl}/`);
    res.setHeader('content-security-policy', CONSOLE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('x-frame-options', 'DENY');
    next();
  });
  router.use(express.static(dir, { index: 'index.html', redirect: false, maxAge: 0 }));
  router.use((req, res) => sendAdminError(res, 'NOT_FOUND', `the console has no file ${req.path}: open ${req.baseUrl}/`));
  return router;
}
