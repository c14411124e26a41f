import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAgentCalls } from '../../../mock-server/app/agent-call.js';
import type { AgentRun } from '../../../mock-server/app/agent-call.js';
import {
  AGENT_AK,
  AGENT_SK,
  startBackendAcceptingExpired,
  startBackendAcceptingForged,
  startBackendWithoutUsage,
  startEndlessStream,
  startJsonOnlyBackend,
  startHugeStream,
  startAgentsBackendWith,
  startReferenceBackend,
  targetFor,
} from '../../support/agents-backends.js';

/*
 * The Agents gateway's calls over real HTTP on 127.0.0.1 against the reference backend of
 * examples/agents-backend and variants of it with one defect each.
 */

const checksOf = (run: AgentRun): Record<string, boolean> => Object.fromEntries(run.calls.flatMap((c) => c.checks.map((k) => [k.id, k.ok])));
const failed = (run: AgentRun) => run.calls.flatMap((c) => c.checks.filter((k) => !k.ok));

describe('the reference Agents backend', () => {
  let backend: Awaited<ReturnType<typeof startReferenceBackend>>;
  beforeAll(async () => {
    backend = await startReferenceBackend();
  });
  afterAll(() => backend.close());

  test('passes every agent check in JSON mode, and the bill multiplies the usage by the unit prices', async () => {
    const run = await runAgentCalls(targetFor(backend.url), { stream: false });
    expect(checksOf(run)).toEqual({
      'agent.answer': true,
      'agent.usage': true,
      'agent.jwt-expired-rejected': true,
      'agent.jwt-forged-rejected': true,
    });
    const valid = run.calls[0];
    expect(valid?.status).toBe(200);
    const answer = JSON.parse(valid?.answer ?? '{}') as { usage: { prompt_tokens: number; completion_tokens: number } };
    const lines = valid?.bill?.lines ?? [];
    expect(lines.map((l) => [l.item, l.quantity])).toEqual([
      ['inputTokens', answer.usage.prompt_tokens],
      ['outputTokens', answer.usage.completion_tokens],
    ]);
    expect(valid?.bill?.total).toBeCloseTo(answer.usage.prompt_tokens * 0.001 + answer.usage.completion_tokens * 0.002, 6);
    expect(run.ok).toBe(true);
  });

  test('passes every agent check in SSE mode, reading usage from the last event that carries it', async () => {
    const run = await runAgentCalls(targetFor(backend.url), { stream: true });
    expect(checksOf(run)).toEqual({
      'agent.answer': true,
      'agent.sse': true,
      'agent.usage': true,
      'agent.jwt-expired-rejected': true,
      'agent.jwt-forged-rejected': true,
    });
    const usage = run.calls[0]?.checks.find((c) => c.id === 'agent.usage');
    expect(usage?.received).toMatch(/^usage found: \{"prompt_tokens":\d+,"completion_tokens":\d+,"total_tokens":\d+\} \(event \d+\)$/);
    expect(run.calls[0]?.bill?.total).toBeGreaterThan(0);
  });

  test('the expired and the forged call are refused with 401', async () => {
    const run = await runAgentCalls(targetFor(backend.url), { stream: false, kinds: ['expired', 'forged'] });
    expect(run.calls.map((c) => c.status)).toEqual([401, 401]);
  });

  test('the report never holds the AK, the SK or the JWT', async () => {
    const run = await runAgentCalls(targetFor(backend.url), { stream: true, body: JSON.stringify({ input: `echo ${AGENT_AK}` }) });
    const text = JSON.stringify(run);
    expect(text).not.toContain(AGENT_AK);
    expect(text).not.toContain(AGENT_SK);
    expect(text).not.toContain('eyJ');
    expect(run.calls[0]?.request.headers['authorization']).toBe('Bearer <jwt>');
  });
});

describe('a backend with one defect fails one named check', () => {
  test.for([
    ['json', false],
    ['sse', true],
  ] as const)('without usage (%s): agent.usage names the missing field', async ([, stream]) => {
    const backend = await startBackendWithoutUsage();
    try {
      const run = await runAgentCalls(targetFor(backend.url), { stream });
      expect(failed(run).map((c) => [c.id, c.received])).toEqual([['agent.usage', 'the answer has no usage']]);
    } finally {
      await backend.close();
    }
  });

  test('a usage without completion tokens: agent.usage names usage.completion_tokens', async () => {
    const backend = await startAgentsBackendWith((u) => ({ ...u, completion_tokens: undefined as unknown as number }));
    try {
      const run = await runAgentCalls(targetFor(backend.url), { stream: false });
      expect(failed(run).map((c) => [c.id, c.received])).toEqual([['agent.usage', 'the answer has no usage.completion_tokens (or usage.output_tokens)']]);
    } finally {
      await backend.close();
    }
  });

  test('answering JSON when asked for a stream fails agent.sse only', async () => {
    const backend = await startJsonOnlyBackend();
    try {
      const run = await runAgentCalls(targetFor(backend.url), { stream: true });
      expect(failed(run).map((c) => [c.id, c.received])).toEqual([['agent.sse', 'Content-Type application/json']]);
    } finally {
      await backend.close();
    }
  });

  test('accepting an expired JWT fails agent.jwt-expired-rejected only', async () => {
    const backend = await startBackendAcceptingExpired();
    try {
      const run = await runAgentCalls(targetFor(backend.url), { stream: false });
      expect(failed(run).map((c) => [c.id, c.received])).toEqual([['agent.jwt-expired-rejected', 'HTTP 200: the backend served the call']]);
    } finally {
      await backend.close();
    }
  });

  test('accepting a JWT signed with another SK fails agent.jwt-forged-rejected only', async () => {
    const backend = await startBackendAcceptingForged();
    try {
      const run = await runAgentCalls(targetFor(backend.url), { stream: false });
      expect(failed(run).map((c) => c.id)).toEqual(['agent.jwt-forged-rejected']);
    } finally {
      await backend.close();
    }
  });
});

describe('untrusted answers never hang a call', () => {
  test('a stream that never ends fails agent.answer after the timeout', async () => {
    const backend = await startEndlessStream();
    try {
      const started = Date.now();
      const run = await runAgentCalls(targetFor(backend.url, { timeoutMs: 300 }), { stream: true, kinds: ['valid'] });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(failed(run).map((c) => c.id)).toEqual(['agent.answer']);
      expect(run.calls[0]?.error).toMatch(/^timeout: /);
    } finally {
      await backend.close();
    }
  });

  test('a stream larger than 4 MiB is cut and fails agent.answer', async () => {
    const backend = await startHugeStream();
    try {
      const run = await runAgentCalls(targetFor(backend.url), { stream: true, kinds: ['valid'] });
      expect(failed(run).map((c) => c.id)).toEqual(['agent.answer']);
      expect(run.calls[0]?.answer?.length).toBeLessThan(3000);
    } finally {
      await backend.close();
    }
  });

  test('an unreachable backend fails agent.answer with the transport error', async () => {
    const backend = await startReferenceBackend();
    await backend.close();
    const run = await runAgentCalls(targetFor(backend.url), { stream: false, kinds: ['valid'] });
    expect(failed(run).map((c) => c.id)).toEqual(['agent.answer']);
    expect(run.calls[0]?.error).toMatch(/^refused: /);
  });
});
