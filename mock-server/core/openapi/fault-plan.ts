/**
 * The fault plan: rules that make the fake Open APIs slow, failing, dropping connections or down,
 * per operation and host, optionally only during one scenario or step, optionally only N times.
 * It is the pipeline's FaultInjector; adapters also ask it whether a host listener should refuse a
 * connection. Deterministic: ids count up, latency waits through the injected `sleep`.
 *
 * Several rules may match one request. A host-down rule wins outright (a down host answers
 * nothing). Otherwise every matching latency rule adds its delay, and the first matching error or
 * reset rule (in the order the rules were added) decides the answer.
 */
import { inputError } from '../errors.js';
import type { ApiRequest } from '../http-types.js';
import type { Random } from '../ports.js';
import type { FaultInjector, FaultOutcome } from './faults.js';
import { toFaultErrorResponse } from './fault-response.js';
import { describeFaultAction, type FaultRule, type FaultRuleInput, type FaultScope } from './fault-rule.js';
import type { Envelope } from './request-context.js';
import { toPlatformHost } from './platform-host.js';
import { OPEN_API_ROUTES } from './routes.js';
import { validateFaultRule } from './validate-fault-rule.js';

/** Enough for any test suite; a runaway script gets a clear error instead of eating memory. */
export const MAX_FAULT_RULES = 1_000;

export interface FaultPlanOptions {
  /** Request ids of APIG error bodies. */
  readonly random: Random;
  /** Waits wall-clock ms (latency is about the seller's HTTP timeout, not virtual time). */
  readonly sleep: (ms: number) => Promise<void>;
  /** `server.hostNames`; the first is the primary host, the one the main port stands for. */
  readonly hostNames?: readonly string[];
}

export interface FaultPlan extends FaultInjector {
  /** Validates and adds a rule; throws INPUT_INVALID listing every problem of the input. */
  add(input: unknown): FaultRule;
  /** True when a rule with this id existed. */
  remove(id: string): boolean;
  /** Removes every rule, or only the rules of one scenario; returns how many went. */
  clear(filter?: { readonly scenario?: string }): number;
  /** Every rule, expired ones included, in the order they were added. */
  list(): FaultRule[];
  /** The scenario and step being played now; rules scoped to others stay quiet. */
  setScope(scope: FaultScope | undefined): void;
  /** The host a request counts as (one of `hostNames`): its Host name when known, else the primary. */
  hostOf(req: Pick<ApiRequest, 'host'>): string | undefined;
  /**
   * Whether a new connection to this host must be dropped at once (a host-down rule for every
   * operation): the note for the journal when it must (counted as one firing), else undefined.
   */
  refuseConnection(host: string): string | undefined;
}

interface LiveRule {
  readonly input: FaultRuleInput & { readonly id: string };
  fired: number;
}

const ENVELOPES: ReadonlyMap<string, Envelope> = new Map(OPEN_API_ROUTES.map((r) => [r.id, r.envelope]));

const isActive = (r: LiveRule): boolean => r.input.times === undefined || r.fired < r.input.times;

const toView = (r: LiveRule): FaultRule => ({ ...r.input, fired: r.fired, active: isActive(r) });

/**
 * @example
 *   const faults = createFaultPlan({ random, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), hostNames: ['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn'] });
 *   faults.add({ operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } });
 *   createOpenApi({ ...ctx, faults });
 */
export function createFaultPlan(options: FaultPlanOptions): FaultPlan {
  const hostNames = (options.hostNames ?? []).map((h) => h.toLowerCase());
  const limits = { operations: OPEN_API_ROUTES.map((r) => r.id), hostNames };
  let rules: LiveRule[] = [];
  let scope: FaultScope | undefined;
  let counter = 0;

  const inScope = (r: LiveRule): boolean =>
    r.input.scenario === undefined || (scope?.scenario === r.input.scenario && (r.input.step === undefined || scope.step === r.input.step));
  const applies = (r: LiveRule, operation: string | undefined, host: string | undefined): boolean =>
    isActive(r) &&
    inScope(r) &&
    (r.input.operation === '*' || r.input.operation === operation) &&
    (r.input.host === undefined || r.input.host === host);
  const fire = (r: LiveRule): string => {
    r.fired += 1;
    return `fault ${r.input.id}: ${describeFaultAction(r.input.action)}`;
  };
  const nextId = (): string => {
    for (;;) {
      counter += 1;
      const id = `fault-${counter}`;
      if (!rules.some((r) => r.input.id === id)) return id;
    }
  };
  const hostOf = (req: Pick<ApiRequest, 'host'>): string | undefined => toPlatformHost(req.host, hostNames);

  return {
    add(input) {
      const checked = validateFaultRule(input, limits);
      if (!checked.ok) throw inputError(`the fault rule is not valid: ${checked.problems.join('; ')}`, { problems: checked.problems });
      const { rule } = checked;
      if (rule.id !== undefined && rules.some((r) => r.input.id === rule.id)) {
        throw inputError(`a fault rule with id ${rule.id} exists already: choose another id, or delete it first (DELETE /_koomock/faults/${rule.id})`, { id: rule.id });
      }
      if (rules.length >= MAX_FAULT_RULES) {
        throw inputError(`koomock holds at most ${MAX_FAULT_RULES} fault rules: clear them (DELETE /_koomock/faults) before adding more`);
      }
      const live: LiveRule = { input: { ...rule, id: rule.id ?? nextId() }, fired: 0 };
      rules.push(live);
      return toView(live);
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.input.id !== id);
      return rules.length < before;
    },
    clear(filter = {}) {
      const before = rules.length;
      rules = filter.scenario === undefined ? [] : rules.filter((r) => r.input.scenario !== filter.scenario);
      return before - rules.length;
    },
    list: () => rules.map(toView),
    setScope(next) {
      scope = next === undefined ? undefined : { ...next };
    },
    hostOf,
    refuseConnection(host) {
      const name = host.toLowerCase();
      const down = rules.find((r) => r.input.action.kind === 'host-down' && r.input.operation === '*' && applies(r, undefined, name));
      return down === undefined ? undefined : `${fire(down)} (${name})`;
    },
    async before(routeId, req): Promise<FaultOutcome> {
      const host = hostOf(req);
      const matching = rules.filter((r) => applies(r, routeId, host));
      const down = matching.find((r) => r.input.action.kind === 'host-down');
      if (down !== undefined) return { kind: 'reset', note: `${fire(down)} (${host ?? 'every host'})` };
      const notes: string[] = [];
      let delayMs = 0;
      for (const r of matching) {
        if (r.input.action.kind !== 'latency') continue;
        delayMs += r.input.action.ms;
        notes.push(fire(r));
      }
      // Counted before waiting, so concurrent requests see `times` used up at once.
      const decider = matching.find((r) => r.input.action.kind === 'error' || r.input.action.kind === 'reset');
      if (decider !== undefined) notes.push(fire(decider));
      if (delayMs > 0) await options.sleep(delayMs);
      const note = notes.length === 0 ? undefined : notes.join('; ');
      const action = decider?.input.action;
      if (action?.kind === 'reset') return { kind: 'reset', ...(note === undefined ? {} : { note }) };
      if (action?.kind === 'error') {
        const response = toFaultErrorResponse(action, ENVELOPES.get(routeId) ?? 'mkt', options.random);
        return { kind: 'respond', response, ...(note === undefined ? {} : { note }) };
      }
      return { kind: 'none', ...(note === undefined ? {} : { note }) };
    },
  };
}
