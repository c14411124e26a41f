import type { CatalogProduct } from '../../market/catalog.js';
import { validateOrderStep } from './validate-order.js';
import type { NamedStep } from './validate-references.js';
import { validateSendStep } from './validate-send.js';
import { validateFollows } from './validate-follows.js';
import { validateUsageStep } from './validate-usage.js';
import { validateSsoStep } from './validate-sso.js';
import { validateAgentStep } from './validate-agent.js';
import { checkFaultsStep, checkOpenApiExpect } from './faults-step.js';
import { formatDuration, parseDuration, UNIT_MS } from '../../duration.js';
import type { SourcePosition, StepKind } from './model.js';
import type { Finding } from './problems.js';
import { generationOf, type RawScenario, type RawStep } from './raw.js';
import { toPointer } from '../../schemas/located-yaml.js';

/** Virtual waits may be long (a yearly subscription), but not absurd. */
const MAX_WAIT_MS = 3660 * UNIT_MS.d;

export const kindOf = (step: RawStep): StepKind =>
  step.order !== undefined ? 'order' : step.send !== undefined ? 'send' : step.faults !== undefined ? 'faults' : step.usage !== undefined ? 'usage' : step.agent !== undefined ? 'agent' : step.sso !== undefined ? 'sso' : 'wait';

/** Named steps in file order; a repeated id keeps its first step (the repeat is reported). */
function collectNamedSteps(raw: RawScenario, locate: (pointer: string) => SourcePosition): { steps: Map<string, NamedStep>; findings: Finding[] } {
  const steps = new Map<string, NamedStep>();
  const findings: Finding[] = [];
  raw.steps.forEach((step, index) => {
    if (step.id === undefined) return;
    const first = steps.get(step.id);
    if (first !== undefined) {
      findings.push({
        pointer: toPointer(['steps', index, 'id']),
        problem: `duplicate step id \`${step.id}\``,
        hint: `step ${first.index + 1} (line ${first.line}) already has it: give this step another id, such as ${step.id}-2`,
      });
      return;
    }
    steps.set(step.id, { index, kind: kindOf(step), line: locate(toPointer(['steps', index])).line, ...(step.attack === undefined ? {} : { attack: step.attack }), ...(step.send === undefined ? {} : { send: step.send }) });
  });
  return { steps, findings };
}

function checkSetKeys(step: RawStep, index: number): Finding[] {
  return Object.keys(step.set ?? {})
    .filter((key) => key.split('.').some((s) => s === ''))
    .map((key) => ({
      pointer: toPointer(['steps', index, 'set', key]),
      at: 'key' as const,
      problem: `\`${key}\` has an empty segment`,
      hint: 'write a field name or a dotted path such as productInfo.skuCode',
    }));
}

function checkWait(step: RawStep, index: number): Finding[] {
  const ms = parseDuration(step.wait);
  if (ms === undefined || ms <= MAX_WAIT_MS) return [];
  return [{ pointer: toPointer(['steps', index, 'wait']), problem: `\`wait: ${String(step.wait)}\` is longer than ${formatDuration(MAX_WAIT_MS)}`, hint: 'split the scenario or wait less' }];
}

/**
 * Everything the schema cannot see: duplicate step ids, references to unknown or later steps,
 * activities of the wrong generation, fields an activity does not have, unknown checks, test hooks
 * with bad values. Returns unlocated findings, in no particular order.
 */
export function validateRawScenario(raw: RawScenario, locate: (pointer: string) => SourcePosition, catalog?: readonly CatalogProduct[]): Finding[] {
  const { steps, findings } = collectNamedSteps(raw, locate);
  const generation = generationOf(raw);
  raw.steps.forEach((step, index) => {
    const scope = { steps, current: index };
    if (step.order !== undefined) findings.push(...validateOrderStep(step.order, index, catalog), ...validateFollows(step.order, index, scope));
    else if (step.send !== undefined) findings.push(...validateSendStep(step, index, generation, scope), ...checkSetKeys(step, index), ...checkOpenApiExpect(step.expect?.openApi?.operation, index));
    else if (step.faults !== undefined) findings.push(...checkFaultsStep(step.faults, index, { steps, current: index }));
    else if (step.usage !== undefined) findings.push(...validateUsageStep(raw, index, scope));
    else if (step.agent !== undefined) findings.push(...validateAgentStep(raw, index));
    else if (step.sso !== undefined) findings.push(...validateSsoStep(step.sso, index, scope));
    else findings.push(...checkWait(step, index));
  });
  return findings;
}
