/**
 * The admin API under `/_koomock/` (docs/admin-api.md): JSON in, JSON out, errors as
 * `{"error": {"code", "message"}}`. Health answers without the token so probes need no secret.
 */
import { Router } from 'express';
import type { ResetScope } from '../../../core/store.js';
import { createAdminSendRouter } from '../admin-send.js';
import { createConsoleRouter } from '../console-static.js';
import { createInProcessPlayer } from '../../../app/in-process-player.js';
import { type RunPlayer, createRunService } from '../../../app/suite-runs.js';
import { createConsoleApiRouter } from './console-api.js';
import type { EmulatorRuntime } from '../../../app/emulator-runtime.js';
import { requireAdminToken } from './auth.js';
import { refuseBrowserRequests } from './browser-guard.js';
import { parseAdvance, toClockState } from './clock.js';
import { adminErrorHandler, invalid, notFound, sendAdminError } from './errors.js';
import { createAdminFaultsRouter } from './faults.js';
import { createAdminOAuthClientsRouter } from './oauth-clients.js';
import type { RunReport } from '../../../core/scenario/run/report.js';
import { createAdminRunsRouter } from './runs.js';
import { parseWholeNumber, queryText, readJsonObject } from './input.js';
import { createAdminOrder, getAdminOrder, parseCreateOrder, parseOrderStatus } from './orders.js';
import { parseExchangeQuery, sendFileContent, toFileSummary } from './records.js';
import type { ClockState, ExchangeList, FileList, HealthState, InstanceList, OrderList, ResetResult, UsageList } from './types.js';
import { listFailedKitCalls } from '../../../app/kit-failures.js';

/** What `koomock serve` gives the run service: how to play (over its own admin API) and render. */
export interface RunsSetup {
  readonly play?: RunPlayer;
  readonly renderReport?: (report: RunReport, kind: 'junit' | 'html') => string | Promise<string>;
}

export interface AdminRouterOptions {
  /** `server.adminToken`; unset leaves the admin API open on the listen address. */
  readonly token?: string;
  /** Epoch ms the server started, for health. */
  readonly startedAt?: number;
  /** How `/_koomock/runs` plays and renders runs; in this process, JSON reports only, when absent. */
  readonly runs?: RunsSetup;
  /** Directories of the user's scenario files, listed by the console next to the shipped suite. */
  readonly scenarioDirs?: readonly string[];
}

function parseResetScope(body: Record<string, unknown>): ResetScope {
  const extra = Object.keys(body).filter((k) => k !== 'scope');
  if (extra.length > 0) throw invalid(`unknown field ${extra.join(', ')}: reset takes only scope ("state" or "all")`);
  const scope = body.scope ?? 'state';
  if (scope !== 'state' && scope !== 'all') throw invalid(`scope must be "state" (orders, instances, usage, files, journal, virtual time) or "all" (also settings), received ${JSON.stringify(scope)}`);
  return scope;
}

/**
 * @example app.use('/_koomock', createAdminRouter(runtime, { token: config.server.adminToken }));
 */
export function createAdminRouter(runtime: EmulatorRuntime, options: AdminRouterOptions = {}): Router {
  const startedAt = options.startedAt ?? Date.now();
  const router = Router({ caseSensitive: true });
  const { store } = runtime;

  router.use(refuseBrowserRequests());
  router.get('/health', (_req, res) => {
    const body: HealthState = { status: 'ok', uptimeMs: Date.now() - startedAt };
    res.json(body);
  });

  // The console's files load without the token (the page asks for it); its data does not.
  router.use('/console', createConsoleRouter({ enabled: runtime.config.server.console }));

  router.use(requireAdminToken(options.token));

  router.post('/orders', async (req, res) => {
    const order = createAdminOrder(runtime, parseCreateOrder(readJsonObject(req)));
    // An order is answered once it is committed (group commit, docs/benchmarks.md).
    await store.durable();
    res.status(201).json(order);
  });
  router.get('/orders', (req, res) => {
    const status = parseOrderStatus(queryText(req, 'status'));
    const body: OrderList = { orders: store.listOrders(status === undefined ? {} : { status }) };
    res.json(body);
  });
  router.get('/orders/:orderId', (req, res) => {
    res.json(getAdminOrder(runtime, String(req.params.orderId)));
  });

  router.get('/instances', (req, res) => {
    const orderId = queryText(req, 'orderId');
    const body: InstanceList = { instances: store.listInstances(orderId === undefined ? {} : { orderId }) };
    res.json(body);
  });
  router.get('/usage', (req, res) => {
    const instanceId = queryText(req, 'instanceId');
    const body: UsageList = { records: store.listUsage(instanceId === undefined ? {} : { instanceId }) };
    res.json(body);
  });
  router.get('/files', (req, res) => {
    const body: FileList = { files: store.listFiles(queryText(req, 'eventId')).map(toFileSummary) };
    res.json(body);
  });

  router.get('/files/:id/content', async (req, res) => {
    await sendFileContent(store, String(req.params.id), res);
  });

  router.get('/exchanges', (req, res) => {
    const body: ExchangeList = { exchanges: store.listExchanges(parseExchangeQuery(req)) };
    res.json(body);
  });
  router.get('/kit/failed', (_req, res) => {
    res.json({ failed: listFailedKitCalls(store) });
  });
  router.get('/exchanges/:id', (req, res) => {
    const exchange = store.getExchange(parseWholeNumber('the exchange id', String(req.params.id), 1, Number.MAX_SAFE_INTEGER));
    if (exchange === undefined) throw notFound(`exchange ${req.params.id} does not exist: list the journal with GET /_koomock/exchanges`);
    res.json(exchange);
  });

  router.post('/reset', (req, res) => {
    const scope = parseResetScope(readJsonObject(req));
    runtime.reset(scope);
    const body: ResetResult = { reset: scope };
    res.json(body);
  });

  router.get('/clock', (_req, res) => {
    const body: ClockState = toClockState(runtime.readClock());
    res.json(body);
  });
  router.post('/clock/advance', (req, res) => {
    runtime.context.clock.advance(parseAdvance(readJsonObject(req)));
    const body: ClockState = toClockState(runtime.readClock());
    res.json(body);
  });

  router.use('/oauth/clients', createAdminOAuthClientsRouter(runtime.oauthClients));
  router.use('/faults', createAdminFaultsRouter(runtime.faults, { hostNames: runtime.config.server.hostNames, hosts: () => runtime.hosts }));
  router.use(createAdminSendRouter(runtime, { tokenSet: options.token !== undefined && options.token !== '' }));
  const runs = createRunService({
    config: runtime.config,
    play: options.runs?.play ?? createInProcessPlayer(runtime),
    ...(options.runs?.renderReport === undefined ? {} : { renderReport: options.runs.renderReport }),
    ...(options.scenarioDirs === undefined ? {} : { userDirs: options.scenarioDirs }),
  });
  router.use(createAdminRunsRouter(runs));
  router.use(createConsoleApiRouter(runtime, runs));

  router.use((req, res) => {
    sendAdminError(res, 'NOT_FOUND', `no admin endpoint ${req.method} /_koomock${req.path}: see docs/admin-api.md for the list`);
  });
  router.use(adminErrorHandler);
  return router;
}
