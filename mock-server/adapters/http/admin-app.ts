/**
 * The express app behind the admin API (`/_koomock`, and through it the console, the run service
 * and the scenario engine) and the console redirect of `/`. The node:http front (app.ts) loads it on
 * the first such request and hands it only those requests: the Open APIs never pass through express.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { adminErrorHandler } from './admin/errors.js';
import { ADMIN_PREFIX, type AppOptions, isAdminPath } from './app-options.js';
import type { EmulatorRuntime } from '../../app/emulator-runtime.js';
import { isOverBodyLimit } from '../../core/openapi/body-limit.js';
import { bodyTooLargeError, isBodyReadError, MAX_BODY_BYTES, toBodyErrorResponse } from './gateway-errors.js';
import { sendApiResponse } from './send.js';

/** `res.locals` key: this request is for the admin API. */
const FOR_ADMIN = 'koomockAdmin';

/**
 * @example
 *   const app = createAdminApp(runtime, { listenHost: '127.0.0.1' });
 *   app(req, res); // a request the front has found to be for the admin API or the console redirect
 */
export function createAdminApp(runtime: EmulatorRuntime, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.enable('case sensitive routing');

  app.use((req, res, next) => {
    // The front hands over admin requests (host already checked) and the console redirect of `/`.
    res.locals[FOR_ADMIN] = isAdminPath(req.originalUrl);
    // body-parser would refuse any Content-Encoding; the bytes are kept as sent.
    delete req.headers['content-encoding'];
    // A declared length over the limit is refused before the body arrives (body-parser would first
    // drain it all), and the connection closes so the unread body cannot be taken for a request.
    if (!isOverBodyLimit(Number(req.headers['content-length'] ?? 0))) return next();
    res.setHeader('connection', 'close');
    next(bodyTooLargeError());
  });
  app.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }));

  // The admin router (and the console, run service and scenario engine behind it) is loaded on the
  // first admin request: a console redirect does not wait for it.
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
  app.get('/', (_req, res) => res.redirect(302, `${ADMIN_PREFIX}/console/`));
  // Nothing else is handed here; should it be, the connection is dropped rather than an answer invented.
  app.use((_req, _res, next) => next(new Error('the admin app received a request that is not for it')));

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent || req.socket.destroyed) {
      res.socket?.destroy();
      return;
    }
    if (res.locals[FOR_ADMIN] === true) {
      adminErrorHandler(err, req, res, next);
      return;
    }
    // The console redirect's body could not be read: the Open APIs' answer, as for any other request.
    if (!isBodyReadError(err)) {
      res.socket?.destroy();
      return;
    }
    sendApiResponse(res, toBodyErrorResponse(err, runtime.context.random));
  };
  app.use(onError);
  return app;
}
