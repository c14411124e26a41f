/**
 * The HTTP front of the emulator, on plain node:http: every Open API request has its body read as
 * raw bytes (signatures cover bytes, compressed or not) and goes to the pipeline built from the
 * route table — the same pipeline the msw handlers call. The admin API under `/_koomock` and the
 * console redirect of `/` are served by an express app (admin-app.ts) loaded on the first request
 * that needs it, so start-up and the Open APIs never wait for express.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isAdminHost } from './admin/auth.js';
import { type AppOptions, isAdminPath } from './app-options.js';
import type { EmulatorRuntime } from '../../app/emulator-runtime.js';
import { isOverBodyLimit } from '../../core/openapi/body-limit.js';
import { bodyTooLargeError, isBodyReadError, toBodyErrorResponse } from './gateway-errors.js';
import { toApiRequest, toHostName } from '../../core/http-request.js';
import { readRawBody } from './read-body.js';
import { sendApiResponse } from './send.js';

export type { AppOptions } from './app-options.js';

/** A person opening the admin address in a browser asks for HTML. */
const BROWSING = /\btext\/html\b/;

/**
 * A target whose path is `/` as express routes it: `/` or `//` (a trailing slash is optional), with
 * or without a query, in origin form or absolute form (`http://host/`).
 */
const ROOT_TARGET = /^(?:\/\/?|[a-z][a-z\d+.-]*:\/\/[^/?#]*(?:\/\/?)?)(?:[?#]|$)/i;

const dropConnection = (res: ServerResponse): void => {
  res.socket?.destroy();
};

/**
 * @example
 *   const app = createApp(runtime, { listenHost: '127.0.0.1' });
 *   createServer(app).listen(0, '127.0.0.1');
 */
export function createApp(runtime: EmulatorRuntime, options: AppOptions): RequestListener {
  let adminApp: Promise<RequestListener> | undefined;
  const loadAdminApp = (): Promise<RequestListener> => (adminApp ??= import('./admin-app.js').then(({ createAdminApp }) => createAdminApp(runtime, options)));
  const toAdminApp = (req: IncomingMessage, res: ServerResponse): void => {
    // If the admin app cannot load (a broken install), the caller is told so rather than left hanging.
    loadAdminApp().then(
      (handle) => handle(req, res),
      (err: unknown) => {
        if (res.headersSent) return dropConnection(res);
        const message = `the admin API could not be loaded (${err instanceof Error ? err.message : String(err)}); reinstall koomock (npm ci) and start it again`;
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(JSON.stringify({ error: { code: 'admin.unavailable', message } }));
      },
    );
  };

  const onAdminHost = (req: IncomingMessage): boolean =>
    options.platformHost === undefined && isAdminHost(toHostName(req.headers.host), options.listenHost, runtime.config.server.hostNames);
  // Admin API or Open APIs, decided once per request. Requests for the platform's host names (or a
  // rebound DNS name) fall through to the Open APIs.
  const forAdmin = (req: IncomingMessage, target: string): boolean => options.platformHost === undefined && isAdminPath(target) && onAdminHost(req);
  // A browser opening the admin address lands on the console; API clients asking for anything but
  // HTML, and the platform's host names, still get the Open APIs' JSON answer.
  const toConsole = (req: IncomingMessage, target: string): boolean =>
    (req.method === 'GET' || req.method === 'HEAD') && runtime.config.server.console && BROWSING.test(req.headers.accept ?? '') && ROOT_TARGET.test(target) && onAdminHost(req);

  const openApi = async (req: IncomingMessage, res: ServerResponse, target: string): Promise<void> => {
    let body: Uint8Array;
    try {
      body = await readRawBody(req);
    } catch (err) {
      // A body over the limit or cut short: the pipeline's answer, when the connection still stands.
      if (res.headersSent || req.socket.destroyed || !isBodyReadError(err)) return dropConnection(res);
      return sendApiResponse(res, toBodyErrorResponse(err, runtime.context.random));
    }
    const apiRequest = toApiRequest({ method: req.method ?? 'GET', target, headersDistinct: req.headersDistinct }, body);
    const host = options.platformHost;
    sendApiResponse(res, await runtime.handle(host === undefined ? apiRequest : { ...apiRequest, host }));
  };

  return (req, res) => {
    const target = req.url ?? '/';
    if (forAdmin(req, target)) return toAdminApp(req, res);
    // A declared length over the limit is refused before the body arrives, and the connection
    // closes so the unread body cannot be taken for a request. The limit and the 413 are the
    // pipeline's (core/openapi/body-limit.ts).
    if (isOverBodyLimit(Number(req.headers['content-length'] ?? 0))) {
      res.setHeader('connection', 'close');
      return sendApiResponse(res, toBodyErrorResponse(bodyTooLargeError(), runtime.context.random));
    }
    if (toConsole(req, target)) return toAdminApp(req, res);
    // runtime.handle never throws (the pipeline answers its own failures with MKT.0999): anything
    // thrown here is a defect of this adapter, and the connection is dropped rather than an
    // internal error invented outside the pipeline.
    openApi(req, res, target).catch(() => dropConnection(res));
  };
}
