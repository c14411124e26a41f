/**
 * Admin endpoints the web console needs (docs/admin-api.md, "For the console"):
 *
 * - `GET /events`: a server-sent event stream: `exchange` (a timeline row per new journal entry)
 *   and `run` (progress of scenario runs).
 * - `GET /timeline`: timeline rows, newest first, filtered by order, instance, operation, direction, verdict.
 * - `GET /exchanges/{id}/signing`: the string koomock signed for an outbound call.
 * - `GET /activities` (the request fields of each V2 and kit activity), `GET /catalog`, `GET /scenarios`, `POST /runs`, `GET /runs/{id}`.
 */
import { type Request, type Response, Router } from 'express';
import { toSellerKeys } from '../../../app/engine-deps.js';
import type { ConsoleRuns } from '../../../app/console-runs.js';
import type { EmulatorRuntime } from '../../../app/emulator-runtime.js';
import { type ExchangeVerdict, matchesSummary, toExchangeSummary, toSigningView } from '../../../app/exchange-view.js';
import { KIT_OPERATIONS, V2_ACTIVITIES } from '../../../core/produce/types.js';
import { fieldSpecsOf } from '../../../core/scenario/load/activities.js';
import { isKoomockError } from '../../../core/errors.js';
import { invalid, notFound } from './errors.js';
import { parseWholeNumber, queryInteger, queryText, readJsonObject } from './input.js';

const POLL_MS = 250;
const HEARTBEAT_MS = 15_000;
const VERDICTS: readonly ExchangeVerdict[] = ['passed', 'failed', 'warning'];

function parseTimelineQuery(req: Request) {
  const direction = queryText(req, 'direction');
  if (direction !== undefined && direction !== 'inbound' && direction !== 'outbound') throw invalid(`direction must be inbound or outbound, received ${JSON.stringify(direction)}`);
  const verdict = queryText(req, 'verdict');
  if (verdict !== undefined && !VERDICTS.includes(verdict as ExchangeVerdict)) throw invalid(`verdict must be one of ${VERDICTS.join(', ')}, received ${JSON.stringify(verdict)}`);
  const operation = queryText(req, 'operation');
  const orderId = queryText(req, 'orderId');
  const instanceId = queryText(req, 'instanceId');
  return {
    store: { ...(direction === undefined ? {} : { direction: direction as 'inbound' | 'outbound' }), ...(operation === undefined ? {} : { operation }), limit: -1 },
    summary: { ...(orderId === undefined ? {} : { orderId }), ...(instanceId === undefined ? {} : { instanceId }), ...(verdict === undefined ? {} : { verdict: verdict as ExchangeVerdict }) },
    limit: queryInteger(req, 'limit', 1, 1000) ?? 200,
  };
}

function openStream(res: Response): (event: string, data: unknown) => void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(': koomock events\n\n');
  return (event, data) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

/**
 * @example router.use(createConsoleApiRouter(runtime, runs));
 */
export function createConsoleApiRouter(runtime: EmulatorRuntime, runs: ConsoleRuns): Router {
  const router = Router({ caseSensitive: true });
  const { store } = runtime;

  router.get('/timeline', (req, res) => {
    const q = parseTimelineQuery(req);
    const rows = store.listExchanges(q.store).map(toExchangeSummary).filter((s) => matchesSummary(s, q.summary));
    res.json({ exchanges: rows.reverse().slice(0, q.limit) });
  });

  router.get('/exchanges/:id/signing', (req, res) => {
    const id = parseWholeNumber('the exchange id', String(req.params['id']), 1, Number.MAX_SAFE_INTEGER);
    const exchange = store.getExchange(id);
    if (exchange === undefined) throw notFound(`exchange ${id} does not exist: list the journal with GET /_koomock/exchanges`);
    res.json({ signing: toSigningView(exchange, toSellerKeys(runtime.config)) ?? null });
  });

  router.get('/events', (req, res) => {
    // Rows after `afterId` (the last one the console has), else only what arrives from now on.
    const given = queryInteger(req, 'afterId', 0, Number.MAX_SAFE_INTEGER);
    let last = given ?? store.listExchanges({ limit: -1 }).at(-1)?.id ?? 0;
    const send = openStream(res);
    const poll = setInterval(() => {
      try {
        for (const e of store.listExchanges({ afterId: last, limit: 200 })) {
          last = e.id;
          send('exchange', toExchangeSummary(e));
        }
      } catch {
        // The store closed: the emulator is stopping.
        stop();
        res.end();
      }
    }, POLL_MS);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const onRun = (run: unknown) => send('run', run);
    runs.events.on('run', onRun);
    function stop() {
      clearInterval(poll);
      clearInterval(heartbeat);
      runs.events.off('run', onRun);
    }
    req.on('close', stop);
  });

  router.get('/activities', (_req, res) => {
    res.json({ activities: [...V2_ACTIVITIES, ...KIT_OPERATIONS].map((name) => ({ name, fields: fieldSpecsOf(name, 'v2') ?? [] })) });
  });

  router.get('/catalog', (_req, res) => {
    res.json({ products: runtime.config.catalog, sellerUrl: runtime.config.seller.productionUrl || null });
  });

  // A broken user scenario file is the user's to fix: its located problems answer 400.
  const listScenarios = () => {
    try {
      return runs.list();
    } catch (e) {
      if (isKoomockError(e)) throw invalid(e.message);
      throw e;
    }
  };
  router.get('/scenarios', (_req, res) => {
    res.json({ scenarios: listScenarios() });
  });
  router.post('/runs', (req, res) => {
    const body = readJsonObject(req);
    const extra = Object.keys(body).filter((k) => k !== 'scenarios');
    if (extra.length > 0) throw invalid(`unknown field ${extra.join(', ')}: a run takes only scenarios`);
    const ids = body['scenarios'];
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
      throw invalid('scenarios must be a non-empty list of scenario ids (GET /_koomock/scenarios) or "group:<group>", e.g. {"scenarios":["subscribe-monthly"]}');
    }
    if (runtime.config.seller.productionUrl === '') throw invalid('no seller to run against: start koomock with --seller-url (seller.productionUrl)');
    const known = new Set(listScenarios().flatMap((s) => [s.id, `group:${s.group}`]));
    const unknown = (ids as string[]).filter((i) => !known.has(i));
    if (unknown.length > 0) throw invalid(`no such scenario ${unknown.join(', ')}: list them with GET /_koomock/scenarios`);
    res.status(202).json(runs.start(ids as string[], `${req.protocol}://${req.get('host') ?? ''}`));
  });
  router.get('/runs/:id', (req, res) => {
    const run = runs.get(parseWholeNumber('the run id', String(req.params['id']), 1, Number.MAX_SAFE_INTEGER));
    if (run === undefined) throw notFound(`run ${req.params['id']} does not exist: start one with POST /_koomock/runs`);
    res.json(run);
  });
  return router;
}
