/**
 * `POST /_koomock/runs` starts scenarios against a seller; `GET /_koomock/runs/{id}` answers its
 * progress and, once finished, the JSON report (`?format=junit` or `html` for the others);
 * `GET /_koomock/scenarios` lists what a run may select. One service (app/suite-runs.ts) for the
 * HTTP contract and the console. See docs/admin-api.md.
 */
import { Router } from 'express';
import { isKoomockError } from '../../../core/errors.js';
import type { RunService } from './run-types.js';
import { AdminError, invalid, notFound } from './errors.js';
import { queryText, readJsonObject } from './input.js';

const FORMATS = ['json', 'junit', 'html'] as const;
const CONTENT_TYPES: Readonly<Record<(typeof FORMATS)[number], string>> = {
  json: 'application/json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * @example router.use(createAdminRunsRouter(runs));
 */
export function createAdminRunsRouter(runs: RunService): Router {
  const router = Router({ caseSensitive: true });
  // A broken user scenario file is the user's to fix: its located problems answer 400.
  router.get('/scenarios', (_req, res) => {
    try {
      res.json({ scenarios: runs.list() });
    } catch (e) {
      if (isKoomockError(e)) throw invalid(e.message);
      throw e;
    }
  });
  router.post('/runs', (req, res) => {
    try {
      const state = runs.start(readJsonObject(req), `${req.protocol}://${req.get('host') ?? ''}`);
      res.status(202).setHeader('location', `/_koomock/runs/${state.id}`).json(state);
    } catch (e) {
      if (isKoomockError(e) && e.code === 'CONFLICT') throw new AdminError('CONFLICT', e.message);
      throw e;
    }
  });
  router.get('/runs/:id', async (req, res) => {
    const state = runs.get(String(req.params.id));
    if (state === undefined) throw notFound(`run ${req.params.id} does not exist (koomock keeps the last 20 runs until it stops): start one with POST /_koomock/runs`);
    const format = queryText(req, 'format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw invalid(`format must be one of ${FORMATS.join(', ')}, received ${JSON.stringify(format)}`);
    if (format === 'json') {
      res.json(state);
      return;
    }
    if (state.report === undefined) {
      throw new AdminError('CONFLICT', `run ${state.id} is ${state.status === 'running' ? 'still running' : 'over without a report (see its error)'}: the ${format} report exists once GET /_koomock/runs/${state.id} says "finished"`);
    }
    const kind = format === 'junit' ? 'junit' : 'html';
    const text = await runs.reportText(state.report, kind);
    if (text === undefined) throw invalid(`this emulator writes only the JSON report; the ${format} report is served by \`koomock serve\` (or write it with \`koomock run --reporter ${kind}\`)`);
    res.status(200).setHeader('content-type', CONTENT_TYPES[kind]).send(text);
  });
  return router;
}
