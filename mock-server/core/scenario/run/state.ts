/**
 * What one scenario run carries from step to step: step results (for `${step.field}`), the orders
 * it placed or looked up (their latest version), and its effective profile.
 */
import { scenarioError } from '../../errors.js';
import type { Order } from '../../market/order.js';
import type { ProduceDeps } from '../../produce/deps.js';
import type { CallSpec } from '../../produce/types.js';
import type { FidelityProfile } from '../../profile.js';
import type { EngineDeps, RunMemory } from './engine-types.js';
import type { ProfileOverrides, Scenario, SendStep, Step } from '../load/model.js';
import { SINGLE_CALL_GROUP } from '../load/single-call.js';

export interface ScenarioState {
  readonly scenario: Scenario;
  readonly deps: EngineDeps;
  readonly memory: RunMemory;
  readonly profile: FidelityProfile;
  /** Step id -> OrderStepResult or SendStepResult. */
  readonly results: Record<string, unknown>;
  /** Orders of this scenario by orderId (catalog orders it placed, mock orders it named). */
  readonly orders: Map<string, Order>;
}

/**
 * The scenario's profile: the run's, with the scenario's overrides (retry windows merged per activity).
 * @example
 *   toScenarioProfile(DEFAULT_PROFILE, { callTimeoutMs: 300 }).callTimeoutMs; // 300
 */
export function toScenarioProfile(base: FidelityProfile, overrides: ProfileOverrides): FidelityProfile {
  return { ...base, ...overrides, retryWindowMs: { ...base.retryWindowMs, ...overrides.retryWindowMs } } as FidelityProfile;
}

/**
 * A SCENARIO_INVALID error located at a step: `FILE:LINE:COL: step create: problem — hint`.
 * Run-time problems of a scenario (a catalog without the product it orders, a field the builder
 * refuses) stop koomock like a parse error does (exit 2): the seller is not at fault.
 */
export function stepError(scenario: Scenario, step: Step, problem: string, hint?: string): Error {
  // A call built from the command line has no file position worth naming.
  const where = scenario.file.startsWith('(') ? scenario.file : `${scenario.file}:${step.position.line}:${step.position.column}`;
  return scenarioError(`${where}: step ${step.id}: ${problem}${hint === undefined ? '' : ` — ${hint}`}`, {
    file: scenario.file,
    line: step.position.line,
    column: step.position.column,
    step: step.id,
  });
}

/** The produce dependencies of one step, journaled under the scenario and step. */
export const toProduceDeps = (state: ScenarioState, step: SendStep, spec: CallSpec, profile: ProduceDeps['profile']): ProduceDeps => {
  const { deps } = state;
  return {
    transport: deps.transport,
    clock: deps.clock,
    random: deps.random,
    profile,
    keys: deps.keys,
    schemas: deps.schemas,
    ...(deps.journal === undefined ? {} : { sink: deps.journal({ scenario: state.scenario.id, step: step.id, spec }) }),
  };
};

/** Where to fix a field the builder refused: the step in a file, or the command that sent it. */
export const fieldsHint = (scenario: { readonly group: string }): string =>
  scenario.group === SINGLE_CALL_GROUP ? 'fix --set / --body (koomock send) or fields / set (POST /_koomock/send)' : 'fix `with`/`set` of this step';
