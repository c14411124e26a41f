/**
 * The `agent` step: one call of the Agents gateway to the seller's Agents backend (docs/agents.md),
 * judged by the `agent.*` checks. The answer's first characters go into the step's attempt, the AK
 * and SK never do.
 */
import { callAgent } from '../../agent/call.js';
import type { AgentStep } from '../load/model.js';
import type { ReportedCheck, StepReport } from './report.js';
import { stepError, type ScenarioState } from './state.js';

/** How much of the answer the report keeps. */
const EXCERPT_CHARS = 500;

/**
 * @example
 *   const { report, checks } = await runAgentStep(step, state); // checks: agent.answer, agent.sse, agent.usage
 */
export async function runAgentStep(step: AgentStep, state: ScenarioState): Promise<{ report: StepReport; checks: ReportedCheck[] }> {
  const { deps, scenario } = state;
  const agent = deps.agent;
  if (agent === undefined) throw stepError(scenario, step, 'this run has no Agents backend to call', 'set agent.url, agent.ak and agent.sk (docs/agents.md)');
  const call = await callAgent(agent.target, { stream: step.stream, jwt: step.jwt, ...(step.body === undefined ? {} : { body: step.body }) }, { transport: agent.transport, clock: deps.clock, random: deps.random });
  const failed = call.checks.some((c) => !c.ok && c.severity !== 'warn');
  const excerpt = call.answer ?? call.error;
  return {
    report: {
      id: step.id,
      title: step.title,
      status: failed ? 'failed' : 'passed',
      attempts: [
        {
          attempt: 1,
          at: deps.clock.now(),
          ...(call.status === undefined ? {} : { status: call.status }),
          outcome: failed ? 'failed' : 'success',
          durationMs: call.durationMs,
          ...(excerpt === undefined ? {} : { responseExcerpt: Array.from(excerpt).slice(0, EXCERPT_CHARS).join('') }),
        },
      ],
    },
    checks: call.checks.map((c) => ({ ...c, step: step.id })),
  };
}
