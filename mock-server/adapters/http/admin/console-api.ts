/**
 * Admin endpoints the web console needs (docs/admin-api.md, "For the console"):
 *
 * - `GET /events`: a server-sent event stream: `exchange` (a timeline row per new journal entry)
 *   and `run` (progress of scenario runs).
 * - `GET /timeline`: timeline rows, newest first, filtered by order, instance, operation, direction, verdict.
 * - `GET /exchanges/{id}/signing`: the string koomock signed for an outbound call.
 * - `GET /exchanges/{id}/breaks`: the call's interface family and the replay breaks defined for it.
 * - `GET /activities` (the request fields of each V2 and kit activity), `GET /catalog`. The runs and their scenarios are served by runs.ts.
 */
import { type Request, type Response, Router } from 'express';
import { toSellerKeys } from '../../../app/engine-deps.js';
import type { EmulatorRuntime } from '../../../app/emulator-runtime.js';
import { type ExchangeVerdict, matchesSummary, toExchangeSummary, toSigningView } from '../../../app/exchange-view.js';
import { isObject } from '../../../core/is-object.js';
import { KIT_OPERATIONS, V2_ACTIVITIES } from '../../../core/produce/types.js';
import { callFamily } from '../../../core/security/attack-choice.js';
import { replayBreaksFor } from '../../../core/security/replay-breaks.js';
import { fieldSpecsOf } from '../../../core/scenario/load/activities.js';
import { invalid, notFound } from './errors.js';
import type { RunService } from './run-types.js';
import { parseWholeNumber, queryInteger, queryText } from './input.js';

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
export function createConsoleApiRouter(runtime: EmulatorRuntime, runs: RunService): Router {
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

  // What the console offers as "replay broken": a kit or V1 call has no `tamper` (docs/admin-api.md).
  router.get('/exchanges/:id/breaks', (req, res) => {
    const id = parseWholeNumber('the exchange id', String(req.params['id']), 1, Number.MAX_SAFE_INTEGER);
    const exchange = store.getExchange(id);
    if (exchange === undefined) throw notFound(`exchange ${id} does not exist: list the journal with GET /_koomock/exchanges`);
    const call = exchange.request['call'];
    if (exchange.direction !== 'outbound' || !isObject(call) || typeof call['activity'] !== 'string' || typeof call['url'] !== 'string') return void res.json({ family: null, breaks: [] });
    const generation = call['generation'] === 'v1' || call['generation'] === 'v2' ? call['generation'] : runtime.config.profile.generation;
    res.json({ family: callFamily(call['activity'], generation), breaks: replayBreaksFor(call['activity'], generation) });
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

  return router;
}
