/**
 * `koomock agent call` as a use case: the calls the Agents gateway makes to a seller's backend
 * (a valid one, one with an expired JWT, one with a wrongly signed JWT), over a transport with the
 * gateway's timeout and a 4 MiB answer cap (docs/agents.md).
 */
import { AGENT_ANSWER_MAX_BYTES } from '../core/agent/answer.js';
import { type AgentCallReport, callAgent } from '../core/agent/call.js';
import type { AgentTarget, JwtKind } from '../core/agent/request.js';
import { keyMissing } from '../core/errors.js';
import type { SellerTransport } from '../core/ports.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import { createSystemClock } from './clock.js';
import { createCryptoRandom } from './random.js';

export interface AgentRunInput {
  readonly stream: boolean;
  /** The request body as sent; koomock's default question when absent. */
  readonly body?: string;
  /** Which calls; default all three. */
  readonly kinds?: readonly JwtKind[];
}

export interface AgentRun {
  readonly calls: readonly AgentCallReport[];
  /** Every check of every call passed. */
  readonly ok: boolean;
}

/** Stops with a clear error when the backend address or the AK/SK pair is not configured. */
export function requireAgentTarget(target: AgentTarget): void {
  if (target.url === '') throw keyMissing('agent.url', 'give the Agents backend address with --url, KOOMOCK_AGENT_URL or agent.url in the config');
  if (target.ak === '' || target.sk === '') throw keyMissing('agent.ak / agent.sk', 'give the AK/SK pair registered with the gateway with --ak/--sk, KOOMOCK_AGENT_AK/KOOMOCK_AGENT_SK or agent.ak/agent.sk in the config');
}

/**
 * @example
 *   const run = await runAgentCalls(config.agent, { stream: true });
 *   run.calls.flatMap((c) => c.checks.map((k) => k.id)); // ['agent.answer', 'agent.sse', 'agent.usage', 'agent.jwt-expired-rejected', 'agent.jwt-forged-rejected']
 */
export async function runAgentCalls(target: AgentTarget, input: AgentRunInput, transport?: SellerTransport): Promise<AgentRun> {
  requireAgentTarget(target);
  const own = transport === undefined ? createFetchTransport({ maxBodyBytes: AGENT_ANSWER_MAX_BYTES }) : undefined;
  const deps = { transport: own ?? (transport as SellerTransport), clock: createSystemClock(), random: createCryptoRandom() };
  try {
    const calls: AgentCallReport[] = [];
    for (const jwt of input.kinds ?? (['valid', 'expired', 'forged'] as const)) {
      calls.push(await callAgent(target, { stream: input.stream, jwt, ...(input.body === undefined ? {} : { body: input.body }) }, deps));
    }
    return { calls, ok: calls.every((c) => c.checks.every((k) => k.ok || k.severity === 'warn')) };
  } finally {
    await own?.close();
  }
}
