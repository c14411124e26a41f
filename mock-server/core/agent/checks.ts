/**
 * The `agent.*` checks (docs/checks.md, docs/agents.md#checks): the answer to a valid call, its
 * event stream, its `usage`, and the rejection of an expired or wrongly signed JWT. Checks never
 * throw; every seller value shown goes through `cut`.
 */
import { cut } from '../checks/cut.js';
import type { TransportResult } from '../ports.js';
import type { CheckResult } from '../result.js';
import type { AgentAnswer, AgentMode } from './answer.js';
import { quantityOf } from './bill.js';
import { type BillingItem, fieldNames, RESPONSE_ITEMS } from './billing-items.js';

export const AGENT_ANSWER = 'agent.answer';
export const AGENT_SSE = 'agent.sse';
export const AGENT_USAGE = 'agent.usage';
export const AGENT_JWT_EXPIRED = 'agent.jwt-expired-rejected';
export const AGENT_JWT_FORGED = 'agent.jwt-forged-rejected';

/** Every `agent.*` check id with what it verifies. */
export const AGENT_CHECKS: Readonly<Record<string, string>> = {
  [AGENT_ANSWER]: 'the Agents backend answers a validly signed call with HTTP 2xx (JSON mode: a JSON object)',
  [AGENT_SSE]: 'a streamed answer is text/event-stream with data: events',
  [AGENT_USAGE]: 'the answer carries a top-level usage object with every billed quantity (stream: in the last event that carries usage)',
  [AGENT_JWT_EXPIRED]: 'the backend rejects a call whose JWT has expired (HTTP 4xx)',
  [AGENT_JWT_FORGED]: 'the backend rejects a call whose JWT is not signed with its SK (HTTP 4xx)',
};

const transportText = (result: Extract<TransportResult, { kind: 'error' }>): string => `no answer: ${result.error} (${cut(result.message)})`;

/**
 * The valid call was answered with 2xx, within the size cap, and in JSON mode with a JSON object.
 * @example
 *   checkAgentAnswer({ kind: 'error', error: 'timeout', message: 'no complete answer within 60000 ms', durationMs: 60000 }, undefined, 'json').ok; // false
 */
export function checkAgentAnswer(result: TransportResult, answer: AgentAnswer | undefined, mode: AgentMode): CheckResult {
  const expected = mode === 'json' ? 'HTTP 2xx with a JSON object body' : 'HTTP 2xx';
  const fail = (received: string, hint: string): CheckResult => ({ id: AGENT_ANSWER, ok: false, expected, received, hint });
  if (result.kind === 'error' || answer === undefined) {
    return fail(result.kind === 'error' ? transportText(result) : 'no answer', 'The gateway waits for the backend up to its configured timeout (at most 300 s): answer within agent.timeout, and keep the connection open until the whole answer is written.');
  }
  if (answer.status < 200 || answer.status > 299) {
    return fail(`HTTP ${answer.status}: ${cut(answer.text)}`, 'A validly signed call must be served: check that the backend verifies the JWT with the SK of the api_key in it (HS256) and reads the token from the Authorization header after "Bearer ".');
  }
  if (answer.truncated) return fail(`more than ${answer.text.length} characters`, 'An answer larger than 4 MiB is not read: answer with the result and its usage only.');
  if (mode === 'json' && answer.json === undefined) {
    return fail(`HTTP ${answer.status}: ${answer.jsonProblem ?? 'no JSON object'}`, 'Answer a JSON object, e.g. {"data": ..., "usage": {"prompt_tokens": 31, "completion_tokens": 217, "total_tokens": 248}}, with Content-Type application/json.');
  }
  return { id: AGENT_ANSWER, ok: true, expected, received: `HTTP ${answer.status}` };
}

/**
 * A streamed answer is an event stream with at least one `data:` event.
 * @example
 *   checkAgentSse(answer).ok; // true for 'data: {"usage":{…}}\n\n' served as text/event-stream
 */
export function checkAgentSse(answer: AgentAnswer): CheckResult {
  const expected = 'Content-Type text/event-stream and at least one data: event';
  const fail = (received: string, hint: string): CheckResult => ({ id: AGENT_SSE, ok: false, expected, received, hint });
  const sse = answer.sse;
  if (!/^text\/event-stream\b/i.test(answer.contentType)) {
    return fail(`Content-Type ${cut(answer.contentType === '' ? '(missing)' : answer.contentType)}`, 'Serve a streamed answer as Content-Type text/event-stream, one "data: <JSON>" line per event, each event ended by a blank line.');
  }
  if (sse === undefined || sse.total === 0) {
    return fail('no data: event', 'Write each chunk as "data: <JSON>" followed by a blank line; put usage in the last event.');
  }
  return { id: AGENT_SSE, ok: true, expected, received: `${sse.total} data: events` };
}

/**
 * The answer carries a top-level `usage` object and every billed quantity as a number >= 0; the
 * first missing field is named.
 * @example
 *   checkAgentUsage(answer, ['inputTokens', 'outputTokens'], 'json').received; // 'the answer has no usage.completion_tokens (or usage.output_tokens)'
 */
export function checkAgentUsage(answer: AgentAnswer, items: readonly BillingItem[], mode: AgentMode): CheckResult {
  const responseItems = items.filter((i) => RESPONSE_ITEMS[i] !== undefined);
  const names = responseItems.map((i) => fieldNames(RESPONSE_ITEMS[i] ?? { paths: [], scale: 1 }));
  const where = mode === 'sse' ? 'in the last event that carries usage' : 'at the top level of the body';
  const expected = `a usage object ${where} with ${names.length === 0 ? 'the billed quantities' : names.join(', ')}`;
  const hint =
    mode === 'sse'
      ? 'The gateway bills from the usage object of the stream: put "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …} at the top level of the last data: event (numbers, not strings).'
      : 'The gateway bills from the usage object next to your payload: answer {"data": …, "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …}} (numbers, not strings).';
  const billed = answer.billed;
  if (billed === undefined || typeof billed['usage'] !== 'object' || billed['usage'] === null || Array.isArray(billed['usage'])) {
    return { id: AGENT_USAGE, ok: false, expected, received: billed !== undefined && 'usage' in billed ? `the answer has usage ${cut(billed['usage'])}, not an object` : 'the answer has no usage', hint };
  }
  for (const item of responseItems) {
    const spec = RESPONSE_ITEMS[item];
    if (spec === undefined || quantityOf(billed, item) !== undefined) continue;
    const first = spec.paths[0] ?? [];
    const found = spec.paths.map((p) => p.reduce<unknown>((n, k) => (typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[k] : undefined), billed)).find((v) => v !== undefined);
    const received = found === undefined ? `the answer has no ${fieldNames(spec)}` : `${first.join('.')} is ${cut(found)}, not a number >= 0`;
    return { id: AGENT_USAGE, ok: false, expected, received, hint };
  }
  const at = answer.usageEvent === undefined ? '' : ` (event ${answer.usageEvent})`;
  return { id: AGENT_USAGE, ok: true, expected, received: `usage found: ${cut(billed['usage'])}${at}` };
}

/**
 * A call with a bad JWT was rejected: any 4xx passes (401 is the usual answer); 2xx means the
 * backend served it, 5xx that it crashed on it.
 * @example
 *   checkJwtRejected('expired', { kind: 'response', status: 401, headers: {}, body: new Uint8Array(), truncated: false, durationMs: 3 }).ok; // true
 */
export function checkJwtRejected(kind: 'expired' | 'forged', result: TransportResult): CheckResult {
  const id = kind === 'expired' ? AGENT_JWT_EXPIRED : AGENT_JWT_FORGED;
  const expected = kind === 'expired' ? 'HTTP 4xx (401) for a JWT whose exp has passed' : 'HTTP 4xx (401) for a JWT signed with another SK';
  const hint =
    kind === 'expired'
      ? 'Verify the expiry of the gateway JWT: refuse it with 401 once exp (seconds) is in the past; a library such as java-jwt or jsonwebtoken does this when verifying.'
      : 'Verify the signature of the gateway JWT: HMAC-SHA256 of header.payload with the SK of its api_key, compared in constant time; refuse it with 401 when it does not match.';
  if (result.kind === 'error') return { id, ok: false, expected, received: transportText(result), hint };
  if (result.status >= 400 && result.status <= 499) return { id, ok: true, expected, received: `HTTP ${result.status}` };
  const what = result.status >= 200 && result.status <= 299 ? 'served the call' : 'did not refuse it with 4xx';
  return { id, ok: false, expected, received: `HTTP ${result.status}: the backend ${what}`, hint };
}
