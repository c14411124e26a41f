/**
 * The express app of the emulator: the body is captured as raw bytes before anything parses it
 * (signatures cover bytes), the admin API sits under `/_koomock`, and every other request goes to
 * the Open API pipeline built from the route table — the same pipeline the msw handlers call.
 */
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import { isAdminHost } from './admin/auth.js';
import { adminErrorHandler } from './admin/errors.js';
import type { RunsSetup } from './admin/router.js';
import type { EmulatorRuntime } from '../../app/emulator-runtime.js';
import { isOverBodyLimit } from '../../core/openapi/body-limit.js';
import { bodyTooLargeError, isBodyReadError, MAX_BODY_BYTES, toBodyErrorResponse } from './gateway-errors.js';
import { toApiRequest, toHostName } from '../../core/http-request.js';
import { sendApiResponse } from './send.js';

export interface AppOptions {
  /** The address the server listens on; the admin API answers only requests addressed to it. */
  readonly listenHost: string;
  /** `server.adminToken`. */
  readonly adminToken?: string;
  /** Epoch ms the server started (health). */
  readonly startedAt?: number;
  /** Folders of the user's scenario files for the console. */
  readonly scenarioDirs?: readonly string[];
  /**
   * This listener stands for one platform host name (a second port for `mkt.myhuaweicloud.cn`):
   * every request counts as addressed to it, and the admin API is not served here.
   */
  readonly platformHost?: string;
  /** The suite over HTTP (`/_koomock/runs`). */
  readonly runs?: RunsSetup;
}

const ADMIN_PREFIX = '/_koomock';
/** `res.locals` key: this request is for the admin API. */
const FOR_ADMIN = 'koomockAdmin';

const isAdminPath = (target: string): boolean => target === ADMIN_PREFIX || target.startsWith(`${ADMIN_PREFIX}/`) || target.startsWith(`${ADMIN_PREFIX}?`);

const rawBodyOf = (req: Request): Uint8Array => {
  const body: unknown = req.body;
  return body instanceof Uint8Array ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array();
};

/**
 * @example
 *   const app = createApp(runtime, { listenHost: '127.0.0.1' });
 *   createServer(app).listen(0, '127.0.0.1');
 */
export function createApp(runtime: EmulatorRuntime, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.enable('case sensitive routing');

  // One middleware for the three per-request decisions (each express layer costs on every request).
  app.use((req, res, next) => {
    // Admin API or Open APIs, decided once per request (the error handler reads the same answer).
    // Requests for the platform's host names (or a rebound DNS name) fall through to the Open APIs.
    res.locals[FOR_ADMIN] = options.platformHost === undefined && isAdminPath(req.originalUrl) && isAdminHost(toHostName(req.headers.host), options.listenHost, runtime.config.server.hostNames);
    // The bytes go to the pipeline as sent, compressed or not (the signature covers them as sent);
    // body-parser would refuse any Content-Encoding. ApiRequest headers come from rawHeaders, untouched.
    delete req.headers['content-encoding'];
    // A declared length over the limit is refused before the body arrives (body-parser would first
    // drain it all), and the connection closes so the unread body cannot be taken for a request.
    // The limit and the 413 are the pipeline's (core/openapi/body-limit.ts).
    if (!isOverBodyLimit(Number(req.headers['content-length'] ?? 0))) return next();
    res.setHeader('connection', 'close');
    next(bodyTooLargeError());
  });
  // Every content type, no inflating: the pipeline must see the bytes that were signed. A body
  // that turns out longer than the limit while it is read gets the same 413.
  app.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }));

  // The admin API (and through it the console, the run service and the scenario engine) is loaded
  // on its first request: start-up and the Open APIs do not wait for it.
  const startedAt = options.startedAt ?? Date.now();
  let admin: Promise<RequestHandler> | undefined;
  const loadAdmin = (): Promise<RequestHandler> =>
    (admin ??= import('./admin/router.js').then(({ createAdminRouter }) =>
      createAdminRouter(runtime, {
        startedAt,
        ...(options.adminToken === undefined ? {} : { token: options.adminToken }),
        ...(options.runs === undefined ? {} : { runs: options.runs }),
        ...(options.scenarioDirs === undefined ? {} : { scenarioDirs: options.scenarioDirs }),
      }),
    ));
  app.use(ADMIN_PREFIX, (req, res, next) => (res.locals[FOR_ADMIN] === true ? loadAdmin().then((handle) => handle(req, res, next), next) : next()));
  // A person opening the admin address in a browser lands on the console; API clients asking for
  // anything but HTML, and the platform's host names, still get the Open APIs' JSON answer.
  const browsing = (req: Request): boolean => /\btext\/html\b/.test(req.headers.accept ?? '');
  const onAdminHost = (req: Request): boolean =>
    options.platformHost === undefined && isAdminHost(toHostName(req.headers.host), options.listenHost, runtime.config.server.hostNames);
  app.get('/', (req, res, next) => (onAdminHost(req) && browsing(req) && runtime.config.server.console ? res.redirect(302, `${ADMIN_PREFIX}/console/`) : next()));

  const openApi: RequestHandler = async (req, res) => {
    const apiRequest = toApiRequest({ method: req.method, target: req.originalUrl, headersDistinct: req.headersDistinct }, rawBodyOf(req));
    const host = options.platformHost;
    sendApiResponse(res, await runtime.handle(host === undefined ? apiRequest : { ...apiRequest, host }));
  };
  app.use(openApi);

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent || req.socket.destroyed) {
      res.socket?.destroy();
      return;
    }
    if (res.locals[FOR_ADMIN] === true) {
      adminErrorHandler(err, req, res, next);
      return;
    }
    // Only the body reader fails here (runtime.handle never throws: the pipeline answers its own
    // failures with MKT.0999). Anything else is a defect of this adapter: the connection is
    // dropped rather than an internal error invented outside the pipeline.
    if (!isBodyReadError(err)) {
      res.socket?.destroy();
      return;
    }
    sendApiResponse(res, toBodyErrorResponse(err, runtime.context.random));
  };
  app.use(onError);
  return app;
}
