/**
 * Semantic findings for an `agent` step: the scenario must say it needs an Agents backend
 * (`requires: [agent-backend]`), so a run without one skips it instead of failing.
 */
import type { Finding } from './problems.js';
import type { RawScenario } from './raw.js';
import { toPointer } from '../../schemas/located-yaml.js';

/**
 * @example validateAgentStep(raw, 0) // [] when the scenario requires agent-backend
 */
export function validateAgentStep(raw: RawScenario, index: number): Finding[] {
  if ((raw.requires ?? []).includes('agent-backend')) return [];
  return [
    {
      pointer: toPointer(['steps', index, 'agent']),
      at: 'key',
      problem: 'an agent step calls an Agents backend, but the scenario does not say it needs one',
      hint: 'add `requires: [agent-backend]` at the top of the file, so runs without agent.url, agent.ak and agent.sk skip it instead of failing',
    },
  ];
}
