/**
 * What a scenario does on the fake Open APIs themselves: `faults:` steps add fault rules (scoped to
 * the scenario, removed at its end), every step is a window of the inbound journal, and after a
 * send step the seller's calls in that window are judged: `openapi.signature` for calls refused by
 * signature verification, `expect.open-api` for retries and failover.
 */
import { checkOpenApiSignatures } from '../../checks/openapi-signature.js';
import { isKoomockError } from '../../errors.js';
import type { FaultsStep, SendStep, Step } from '../load/model.js';
import { checkOpenApiExpectation, meetsOpenApiExpectation } from './open-api-expect.js';
import { toOpenApiCall, toRefusedSignatures } from './open-api-journal.js';
import type { ReportedCheck, StepReport } from './report.js';
import { type ScenarioState, stepError } from './state.js';

/** Where the journal stood when a step began. */
export interface StepWindow {
  readonly afterId: number;
}

const NO_PORT = 'this run has no access to the fake Open APIs (fault rules, journal)';
const NO_PORT_HINT = 'run the scenario with koomock run, or against koomock serve with --emulator-url';

/**
 * Before a step: scoped fault rules fire for this step from now on, and the journal is marked.
 * @example const window = await openStepWindow(state, step);
 */
export async function openStepWindow(state: ScenarioState, step: Step): Promise<StepWindow | undefined> {
  const api = state.deps.openApi;
  if (api === undefined) return undefined;
  await api.setScope({ scenario: state.scenario.id, step: step.id });
  return { afterId: await api.mark() };
}

export interface FaultsStepRun {
  readonly report: StepReport;
  /** Set when the rules cannot do what they are for here: the rest of the scenario is skipped. */
  readonly skipReason?: string;
}

/**
 * Why the rules cannot do their job in this run, if so: a host this emulator does not answer for
 * (the shipped suite names the China site's hosts), or a host-down that leaves no host to fail over to.
 */
async function skipReasonOf(step: FaultsStep, state: ScenarioState): Promise<string | undefined> {
  const api = state.deps.openApi;
  if (api === undefined) return undefined;
  const names = api.hostNames.map((h) => h.toLowerCase());
  const foreign = step.rules.find((r) => r.host !== undefined && !names.includes(r.host));
  if (foreign?.host !== undefined) return `this emulator does not answer for ${foreign.host} (server.hostNames: ${names.join(', ') || 'none'})`;
  const down = step.rules.filter((r) => r.action.kind === 'host-down');
  if (down.length === 0 || down.some((r) => r.host === undefined)) return undefined;
  const served = Object.keys(await api.hosts()).map((h) => h.toLowerCase());
  if (!served.every((h) => down.some((r) => r.host === h))) return undefined;
  return 'no other host to fail over to; run koomock with --fallback-port <port> and give the seller both URLs';
}

/**
 * Adds the step's rules, scoped to the scenario. A rule the emulator refuses is the scenario's
 * mistake (exit 2), located at the step.
 * @example const { report, skipReason } = await runFaultsStep(step, state);
 */
export async function runFaultsStep(step: FaultsStep, state: ScenarioState): Promise<FaultsStepRun> {
  const api = state.deps.openApi;
  if (api === undefined) throw stepError(state.scenario, step, NO_PORT, NO_PORT_HINT);
  const skipReason = await skipReasonOf(step, state);
  if (skipReason !== undefined) return { report: { id: step.id, title: `${step.title} (skipped: ${skipReason})`, status: 'skipped', attempts: [] }, skipReason };
  try {
    await api.addFaults(step.rules.map((r) => ({ ...r, scenario: state.scenario.id })));
  } catch (e) {
    if (isKoomockError(e) && (e.code === 'INPUT_INVALID' || e.code === 'USAGE')) throw stepError(state.scenario, step, e.message, 'fix the rules of this faults step');
    throw e;
  }
  return { report: { id: step.id, title: step.title, status: 'passed', attempts: [] } };
}

/**
 * After a send step: the checks over the seller's Open API calls during it.
 * @example checks.push(...(await checkOpenApiDuring(step, window, state)));
 */
export async function checkOpenApiDuring(step: SendStep, window: StepWindow | undefined, state: ScenarioState): Promise<ReportedCheck[]> {
  const api = state.deps.openApi;
  const expectation = step.expect.openApi;
  if (api === undefined || window === undefined) {
    if (expectation !== undefined) throw stepError(state.scenario, step, `expect.openApi: ${NO_PORT}`, NO_PORT_HINT);
    return [];
  }
  const primary = api.hostNames[0]?.toLowerCase();
  const toCalls = (exchanges: Parameters<typeof toRefusedSignatures>[0]) =>
    exchanges.filter((e) => e.direction === 'inbound').map((e) => toOpenApiCall(e, api.hostNames));
  const exchanges = await api.readAfter(
    window.afterId,
    expectation === undefined ? undefined : (list) => meetsOpenApiExpectation(expectation, toCalls(list), primary),
  );
  const checks = [
    ...checkOpenApiSignatures(toRefusedSignatures(exchanges)),
    ...(expectation === undefined ? [] : [checkOpenApiExpectation(expectation, toCalls(exchanges), primary)]),
  ];
  return checks.map((c) => ({ ...c, step: step.id }));
}

/**
 * At the end of a scenario: its fault rules go, and no scenario is in scope.
 * @example await closeScenarioFaults(state);
 */
export async function closeScenarioFaults(state: ScenarioState): Promise<void> {
  const api = state.deps.openApi;
  if (api === undefined) return;
  await api.clearFaults(state.scenario.id);
  await api.setScope(undefined);
}
