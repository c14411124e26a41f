/**
 * koomock as msw 2 request handlers (`koomock/msw`): the fake Open APIs in-process, for test suites
 * that intercept `fetch` instead of starting a server. Built from the same route table and the same
 * pipeline as `koomock serve`, so both answer a request with the same status and bytes.
 *
 * @example
 *   import { setupServer } from 'msw/node';
 *   import { createHandlers } from 'koomock/msw';
 *   const server = setupServer(...createHandlers({ config: { seller: { ak: 'MYAK', sk: 'MYSK' } } }));
 *   server.listen();
 *   // fetch('https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW', signed)
 */
import { http, type HttpHandler } from 'msw';
import type { Clock, Random } from '../../core/ports.js';
import type { Store } from '../../core/store.js';
import { resolveConfig } from '../../config/load.js';
import type { KoomockConfigInput } from '../../config/types.js';
import { createEmulatorRuntime, type EmulatorRuntime } from '../../app/emulator-runtime.js';
import { toApiRequestFromFetch, toFetchResponse } from './convert.js';

export interface HandlersOptions {
  /** Any part of a koomock config, over the documented defaults (no file or variable is read). */
  readonly config?: KoomockConfigInput;
  /** Default: a new in-memory store; pass one to look at orders, usage and the journal from the test. */
  readonly store?: Store;
  readonly clock?: Clock;
  readonly random?: Random;
  /** Relative paths in `config` start here; default `process.cwd()`. */
  readonly cwd?: string;
}

/** `/a/{event_id}/file` -> `*\/a/:event_id/file`: any origin, msw's parameter syntax. */
export const toMswPath = (path: string): string => `*${path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1')}`;

/**
 * The handlers of one emulator runtime: one per route path (on any host), then, for the platform's
 * own host names (`server.hostNames`), one for every other path, so an unknown API there gets the
 * gateway's 404 APIG.0101 as it would from the server, while other hosts stay untouched.
 */
export function createRuntimeHandlers(runtime: EmulatorRuntime): HttpHandler[] {
  const answer = async ({ request }: { request: Request }) => toFetchResponse(await runtime.handle(await toApiRequestFromFetch(request)));
  // One handler per path: the pipeline itself answers a method the path does not serve.
  const paths = [...new Set(runtime.routes.map((r) => r.path))];
  const hosts = runtime.config.server.hostNames.flatMap((h) => [`https://${h}/*`, `http://${h}/*`]);
  return [...paths.map((path) => http.all(toMswPath(path), answer)), ...hosts.map((pattern) => http.all(pattern, answer))];
}

/**
 * msw handlers for every route of the fake Open APIs, on any host (`*\/path`).
 * @example setupServer(...createHandlers())
 */
export function createHandlers(options: HandlersOptions = {}): HttpHandler[] {
  const config = resolveConfig(options.config ?? {}, { cwd: options.cwd ?? process.cwd(), label: 'createHandlers({ config })' });
  const runtime = createEmulatorRuntime({
    config,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  return createRuntimeHandlers(runtime);
}
