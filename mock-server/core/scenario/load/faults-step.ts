/**
 * The `faults:` step of a scenario file: fault rules for the steps that follow (docs/scenarios.md).
 * The rules are the admin API's (docs/admin-api.md), checked by the same validator; `scenario` is
 * never written, the engine scopes every rule to the scenario it runs.
 */
import { describeFaultAction, type FaultRuleInput } from '../../openapi/fault-rule.js';
import { OPEN_API_ROUTES } from '../../openapi/routes.js';
import { validateFaultRule } from '../../openapi/validate-fault-rule.js';
import { suggestName } from '../../suggest.js';
import type { ReferenceScope } from './validate-references.js';
import type { Finding } from './problems.js';
import { toPointer } from '../../schemas/located-yaml.js';

const OPERATIONS = OPEN_API_ROUTES.map((r) => r.id);

/** The hosts a file may name are the config's; they are checked when the rules are added. */
const LIMITS = { operations: OPERATIONS, hostNames: [] };

/** The schema refuses `scenario` in a file; the validator wants one beside `step`: the engine's own. */
const validate = (raw: Readonly<Record<string, unknown>>) => validateFaultRule({ ...raw, scenario: 'this-scenario' }, LIMITS);

const withoutScenario = ({ scenario: _scenario, ...rule }: FaultRuleInput): FaultRuleInput => rule;

/**
 * Problems of the rules of step `index` (the schema already passed): each rule as the admin API
 * would judge it, and a `step` that names a later step of this scenario.
 */
export function checkFaultsStep(rules: readonly Readonly<Record<string, unknown>>[], index: number, scope: ReferenceScope): Finding[] {
  return rules.flatMap((rule, i): Finding[] => {
    const at = (key?: string): string => toPointer(key === undefined ? ['steps', index, 'faults', i] : ['steps', index, 'faults', i, key]);
    const checked = validate(rule);
    if (!checked.ok) return checked.problems.map((problem) => ({ pointer: at(), problem: `fault rule: ${problem}` }));
    const step = checked.rule.step;
    if (step === undefined) return [];
    const target = scope.steps.get(step);
    if (target !== undefined && target.index > scope.current) return [];
    return [{ pointer: at('step'), problem: `\`step: ${step}\` must name a later step of this scenario`, hint: 'name the id of a step below this one, or leave step out to cover every later step' }];
  });
}

/** `expect.openApi.operation` of send step `index` must be an Open API operation. */
export function checkOpenApiExpect(operation: string | undefined, index: number): Finding[] {
  if (operation === undefined || OPERATIONS.includes(operation)) return [];
  return [{ pointer: toPointer(['steps', index, 'expect', 'openApi', 'operation']), problem: `\`${operation}\` is not an Open API operation`, hint: suggestName(operation, OPERATIONS, 'operations') }];
}

/**
 * A rule of a file that passed `checkFaultsStep`.
 * @example toFaultRule({ operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } })
 */
export function toFaultRule(raw: Readonly<Record<string, unknown>>): FaultRuleInput {
  const checked = validate(raw);
  if (!checked.ok) throw new Error(`koomock bug: a fault rule passed the checks but not the validator: ${checked.problems.join('; ')}`);
  return withoutScenario(checked.rule);
}

/**
 * The default title of a faults step.
 * @example toFaultsTitle([{ operation: 'order.query', times: 1, action: { kind: 'error', code: 'MKT.0999' } }]) // 'faults: order.query error MKT.0999 (1×)'
 */
export function toFaultsTitle(rules: readonly Readonly<Record<string, unknown>>[]): string {
  const parts = rules.map((raw) => {
    const checked = validate(raw);
    if (!checked.ok) return '?';
    const { operation, host, times, action } = checked.rule;
    return [operation === '*' ? 'every operation' : operation, host === undefined ? undefined : `on ${host}`, describeFaultAction(action), times === undefined ? undefined : `(${times}×)`]
      .filter((p) => p !== undefined)
      .join(' ');
  });
  return `faults: ${parts.join(', ')}`;
}
