/**
 * `/_koomock/faults`: add, list and remove fault rules of a running emulator (docs/admin-api.md,
 * docs/security.md "Fault injection"). Rules are checked by the core; a bad one is a 400 that
 * lists every problem.
 */
import { Router } from 'express';
import type { FaultPlan } from '../../../core/openapi/fault-plan.js';
import type { FaultScope } from '../../../core/openapi/fault-rule.js';
import { invalid, notFound } from './errors.js';
import { queryText, readJsonObject } from './input.js';
import type { FaultAdded, FaultList, FaultScopeState, FaultsRemoved } from './fault-types.js';

export interface FaultsRouterOptions {
  readonly hostNames: readonly string[];
  /** Read on every GET: listeners may start after the router is built. */
  readonly hosts: () => ReadonlyMap<string, string>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function parseScope(body: Record<string, unknown>): FaultScope | undefined {
  const extra = Object.keys(body).filter((k) => k !== 'scenario' && k !== 'step');
  if (extra.length > 0) throw invalid(`unknown field ${extra.join(', ')}: the scope has scenario and step (send {} when no scenario plays)`);
  const { scenario, step } = body;
  for (const [name, value] of [['scenario', scenario], ['step', step]] as const) {
    if (value !== undefined && !(typeof value === 'string' && NAME.test(value))) throw invalid(`${name} must be a scenario or step id, received ${JSON.stringify(value)}`);
  }
  if (step !== undefined && scenario === undefined) throw invalid('a step belongs to a scenario: send scenario too');
  if (scenario === undefined) return undefined;
  return { scenario: scenario as string, ...(step === undefined ? {} : { step: step as string }) };
}

/**
 * @example router.use('/faults', createAdminFaultsRouter(runtime.faults, { hostNames: config.server.hostNames, hosts: () => runtime.hosts }));
 */
export function createAdminFaultsRouter(plan: FaultPlan, options: FaultsRouterOptions): Router {
  const router = Router({ caseSensitive: true });

  router.get('/', (_req, res) => {
    const body: FaultList = { rules: plan.list(), hostNames: options.hostNames, hosts: Object.fromEntries(options.hosts()) };
    res.json(body);
  });
  router.post('/', (req, res) => {
    const body: FaultAdded = { rule: plan.add(readJsonObject(req)) };
    res.status(201).json(body);
  });
  router.delete('/', (req, res) => {
    const scenario = queryText(req, 'scenario');
    const body: FaultsRemoved = { removed: plan.clear(scenario === undefined ? {} : { scenario }) };
    res.json(body);
  });
  router.put('/scope', (req, res) => {
    const scope = parseScope(readJsonObject(req));
    plan.setScope(scope);
    const body: FaultScopeState = { scope: scope ?? null };
    res.json(body);
  });
  router.delete('/:id', (req, res) => {
    const id = String(req.params.id);
    if (!plan.remove(id)) throw notFound(`no fault rule ${JSON.stringify(id)}: list the rules with GET /_koomock/faults`);
    const body: FaultsRemoved = { removed: 1 };
    res.json(body);
  });
  return router;
}
