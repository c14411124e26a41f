/**
 * A fault rule from untrusted JSON (the admin API, a scenario file) checked field by field; every
 * problem says what was expected, what was received and what to write instead.
 */
import { closestName, suggestName } from '../suggest.js';
import { FAULT_ERROR_CODES } from './fault-response.js';
import { FAULT_KINDS, type FaultAction, type FaultRuleInput } from './fault-rule.js';
import { isObject } from '../is-object.js';

/** Longest latency a rule may ask for: beyond it the seller's timeout, not koomock, is under test. */
export const MAX_FAULT_LATENCY_MS = 120_000;
export const MAX_FAULT_TIMES = 1_000_000;

export interface FaultRuleLimits {
  /** Operation ids a rule may name (besides `*`). */
  readonly operations: readonly string[];
  /** Host names a rule may name; any host when empty. */
  readonly hostNames: readonly string[];
}

export type FaultRuleValidation = { readonly ok: true; readonly rule: FaultRuleInput } | { readonly ok: false; readonly problems: readonly string[] };

const RULE_FIELDS = ['id', 'operation', 'host', 'times', 'scenario', 'step', 'action'];
const ACTION_FIELDS: Readonly<Record<FaultAction['kind'], readonly string[]>> = {
  latency: ['kind', 'ms'],
  error: ['kind', 'code', 'status'],
  reset: ['kind'],
  'host-down': ['kind'],
};
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const show = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};
const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function unknownFields(where: string, value: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => `${where}${k} is not a field here (${suggestName(k, known, 'fields')})`);
}

function checkName(field: string, v: unknown, problems: string[]): void {
  if (v !== undefined && !(typeof v === 'string' && NAME.test(v))) {
    problems.push(`${field} must be 1-64 letters, digits, '.', '_' or '-', received ${show(v)}`);
  }
}

function toAction(v: unknown, problems: string[]): FaultAction | undefined {
  if (!isObject(v)) {
    problems.push(`action must be an object such as {"kind":"error","code":"MKT.0999"}, received ${show(v)}`);
    return undefined;
  }
  const kind = v['kind'];
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    problems.push(`action.kind must be one of ${FAULT_KINDS.join(', ')}, received ${show(kind)}${typeof kind === 'string' && closestName(kind, FAULT_KINDS) !== undefined ? ` (did you mean ${closestName(kind, FAULT_KINDS)}?)` : ''}`);
    return undefined;
  }
  const k = kind as FaultAction['kind'];
  const before = problems.length;
  problems.push(...unknownFields('action.', v, ACTION_FIELDS[k]));
  if (k === 'latency') {
    if (!isWhole(v['ms'], 1, MAX_FAULT_LATENCY_MS)) problems.push(`action.ms must be a whole number of milliseconds from 1 to ${MAX_FAULT_LATENCY_MS}, received ${show(v['ms'])}`);
    return problems.length === before ? { kind: k, ms: v['ms'] as number } : undefined;
  }
  if (k !== 'error') return problems.length === before ? { kind: k } : undefined;
  const { code, status } = v;
  if (code !== undefined && !(typeof code === 'string' && FAULT_ERROR_CODES.includes(code))) {
    const guess = typeof code === 'string' ? closestName(code, FAULT_ERROR_CODES) : undefined;
    problems.push(`action.code must be a documented error code (${guess === undefined ? FAULT_ERROR_CODES.join(', ') : `did you mean ${guess}?`}), received ${show(code)}`);
  }
  if (status !== undefined && !isWhole(status, 400, 599)) problems.push(`action.status must be an HTTP error status from 400 to 599, received ${show(status)}`);
  if (code === undefined && status === undefined) problems.push('an error action needs a code (e.g. "MKT.0999", answered in the operation\'s envelope) or a status (e.g. 503, a bare gateway error)');
  if (problems.length > before) return undefined;
  return { kind: 'error', ...(code === undefined ? {} : { code: code as string }), ...(status === undefined ? {} : { status: status as number }) };
}

/**
 * @example
 *   validateFaultRule({ operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } }, limits)
 *   // { ok: true, rule: { operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } } }
 */
export function validateFaultRule(input: unknown, limits: FaultRuleLimits): FaultRuleValidation {
  if (!isObject(input)) return { ok: false, problems: [`a fault rule is a JSON object such as {"operation":"order.query","action":{"kind":"reset"}}, received ${show(input)}`] };
  const problems = unknownFields('', input, RULE_FIELDS);
  const { id, operation, host, times, scenario, step } = input;
  checkName('id', id, problems);
  checkName('scenario', scenario, problems);
  checkName('step', step, problems);
  if (step !== undefined && scenario === undefined) problems.push('step limits a rule to one step of a scenario: give scenario too');
  const operations = ['*', ...limits.operations];
  if (typeof operation !== 'string' || !operations.includes(operation)) {
    problems.push(`operation must be "*" (every operation) or one of ${limits.operations.join(', ')}${typeof operation === 'string' && closestName(operation, operations) !== undefined ? ` (did you mean ${closestName(operation, operations)}?)` : ''}, received ${show(operation)}`);
  }
  const hostName = typeof host === 'string' ? host.toLowerCase() : host;
  if (host !== undefined && (typeof hostName !== 'string' || (limits.hostNames.length > 0 && !limits.hostNames.includes(hostName)))) {
    problems.push(`host must be one of the host names koomock answers for (server.hostNames: ${limits.hostNames.join(', ')}), received ${show(host)}`);
  }
  if (times !== undefined && !isWhole(times, 1, MAX_FAULT_TIMES)) problems.push(`times must be a whole number from 1 to ${MAX_FAULT_TIMES} (leave it out for a rule that never expires), received ${show(times)}`);
  const action = toAction(input['action'], problems);
  if (problems.length > 0 || action === undefined) return { ok: false, problems };
  return {
    ok: true,
    rule: {
      ...(id === undefined ? {} : { id: id as string }),
      operation: operation as string,
      ...(hostName === undefined ? {} : { host: hostName as string }),
      ...(times === undefined ? {} : { times: times as number }),
      ...(scenario === undefined ? {} : { scenario: scenario as string }),
      ...(step === undefined ? {} : { step: step as string }),
      action,
    },
  };
}
