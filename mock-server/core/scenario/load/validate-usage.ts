/**
 * Semantic findings for a `usage` step: its instanceId references, and the scenario-level
 * `requires: [usage-push]` that tells a run this scenario needs a seller that pushes usage.
 */
import type { Finding } from './problems.js';
import type { RawScenario } from './raw.js';
import { validateReferences, type ReferenceScope } from './validate-references.js';
import { toPointer } from '../../schemas/located-yaml.js';

/**
 * @example validateUsageStep(raw, 2, scope) // [] when the scenario requires usage-push and the reference is sound
 */
export function validateUsageStep(raw: RawScenario, index: number, scope: ReferenceScope): Finding[] {
  const step = raw.steps[index];
  if (step?.usage === undefined) return [];
  const findings = validateReferences(step.usage.instanceId, ['steps', index, 'usage', 'instanceId'], scope);
  if (!(raw.requires ?? []).includes('usage-push')) {
    findings.push({
      pointer: toPointer(['steps', index, 'usage']),
      at: 'key',
      problem: 'a usage step waits for the seller to push usage, but the scenario does not say it needs that',
      hint: 'add `requires: [usage-push]` at the top of the file, so runs against a seller that does not push usage skip it instead of failing',
    });
  }
  return findings;
}
