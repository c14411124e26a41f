import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { SellerContext } from './context.js';
import { createInstanceStore } from './instances.js';
import { sendJson } from './json-response.js';
import { createKitHandler } from './kit-router.js';
import { createNonceCache } from './nonce-cache.js';
import { createOpenApiClient } from './open-api-client.js';
import { resolveOptions, type SellerOptions } from './options.js';
import { createOrderClient } from './order-client.js';
import { createProduceHandler } from './produce-router.js';
import { reply, RESULT } from './result-codes.js';
import { createSellerRoutes } from './seller-routes.js';
import { createKitStore } from './kit-store.js';
import { startMetering } from './metering.js';
import { createSsoRouter } from './sso-router.js';
import { createV1Handler } from './v1-router.js';

export type { SellerOptions } from './options.js';

interface Seller {
  readonly app: Express;
  readonly context: SellerContext;
  /** Cancels background work (async provisioning, response delays). */
  dispose(): void;
}

function buildSeller(input: SellerOptions): Seller {
  const options = resolveOptions(input);
  const timers = new Set<NodeJS.Timeout>();
  // Waiting requests are released on dispose instead of being left hanging forever.
  const sleepers = new Set<() => void>();
  const schedule = (fn: () => void, ms: number): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const openApi = createOpenApiClient({ baseUrls: options.orderApiUrls, ak: options.ak, sk: options.sk, ...options.openApi, log: options.log });
  const context: SellerContext = {
    options,
    instances: createInstanceStore(),
    kit: createKitStore(),
    orders: createOrderClient(openApi),
    openApi,
    notifications: [],
    log: options.log,
    schedule,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          sleepers.delete(done);
          resolve();
        };
        sleepers.add(done);
        schedule(done, ms);
      }),
  };
  const nonces = createNonceCache(options.signatureWindowMs);
  const stopMetering = options.usageIntervalMs > 0 ? startMetering(context, options.usageIntervalMs) : () => {};

  const app = express();
  app.disable('x-powered-by');
  // Raw bytes, whatever the Content-Type: the signature covers the body, and express.json()
  // would answer 415 to the `charset=utf8` the marketplace's own examples send.
  const rawBody = express.raw({ type: () => true, limit: '1mb' });
  const produce = options.producePath;
  const kitBase = produce === '/' ? '' : produce;
  app.post(produce, rawBody, createProduceHandler(context, nonces));
  app.post(`${kitBase}/produceAPI/v2/:op`, rawBody, createKitHandler(context, nonces));
  // Legacy V1 products: the same address, HTTP GET with every value in the query string.
  app.get(produce, createV1Handler(context));
  app.all(produce, (_req, res) => {
    res.setHeader('Allow', 'GET, POST');
    sendJson(res, reply(RESULT.INVALID_PARAM, 'the production interface accepts POST with a JSON body (SaaS Access Guide V2)'), 405);
  });
  app.use(createSellerRoutes(context));
  app.use(createSsoRouter(context, options.ssoPath, options.ssoDefect));
  app.use((req, res) => {
    sendJson(res, { error: `no route for ${req.method} ${req.path}`, hint: `produce calls go to POST ${produce}` }, 404);
  });
  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    options.log(`${req.method} ${req.path}: request failed before reaching a handler (HTTP ${status})`);
    if (req.path === produce || req.path.startsWith(`${kitBase}/produceAPI/`)) {
      // The marketplace only understands HTTP 200 + resultCode.
      sendJson(res, status < 500 ? reply(RESULT.INVALID_PARAM, `unreadable request (HTTP ${status}): send a JSON body of at most 1 MB`) : reply(RESULT.INTERNAL_ERROR, 'internal error'));
      return;
    }
    sendJson(res, { error: status < 500 ? 'bad request' : 'internal error' }, status);
  };
  app.use(onError);

  return {
    app,
    context,
    dispose: () => {
      stopMetering();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const wake of [...sleepers]) wake();
    },
  };
}

/**
 * The seller's express app, ready to mount or listen. Background timers are unref'd; use
 * startSeller() when something must also stop them.
 * @example
 *   const app = createSellerApp({ keys: { basic: process.env.SELLER_KEY! }, ak, sk });
 *   app.listen(8080);
 */
export function createSellerApp(options: SellerOptions): Express {
  return buildSeller(options).app;
}

export interface RunningSeller {
  /** Origin, e.g. 'http://127.0.0.1:53211'. */
  readonly url: string;
  /** The production interface address to register with the marketplace: url + producePath. */
  readonly produceUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the seller on options.host (127.0.0.1) and options.port (0 = any free port).
 * @example
 *   const seller = await startSeller({ keys: { basic: 'k' }, ak: 'AK', sk: 'SK', orderApiUrls: ['http://127.0.0.1:7070'] });
 *   // ... point the marketplace at seller.produceUrl ...
 *   await seller.close();
 */
export async function startSeller(options: SellerOptions): Promise<RunningSeller> {
  const seller = buildSeller(options);
  const { host, port: wanted, producePath } = seller.context.options;
  const server = seller.app.listen(wanted, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    produceUrl: url + (producePath === '/' ? '' : producePath),
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        seller.dispose();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
