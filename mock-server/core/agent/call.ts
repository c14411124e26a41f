/**
 * One call of the Agents gateway to a seller's backend, judged: a valid call gets `agent.answer`,
 * `agent.sse` (streamed) and `agent.usage` and a bill; an expired or forged JWT gets its rejection
 * check. The report never holds the AK, the SK or the JWT (docs/agents.md#what-koomock-prints).
 */
import { cut } from '../checks/cut.js';
import { parseBoundedJson } from '../bounded-json.js';
import type { SellerTransport, TransportRequest } from '../ports.js';
import type { CheckResult } from '../result.js';
import { type AgentAnswer, type AgentMode, readAgentAnswer } from './answer.js';
import { type AgentBill, computeBill } from './bill.js';
import { billedItems } from './billing-items.js';
import { checkAgentAnswer, checkAgentSse, checkAgentUsage, checkJwtRejected } from './checks.js';
import { type AgentCallSpec, type AgentDeps, type AgentTarget, buildAgentRequest } from './request.js';

/** How much of the answer a report shows. */
const SHOWN_CHARS = 2000;

export interface AgentCallReport {
  readonly jwt: AgentCallSpec['jwt'];
  readonly mode: AgentMode;
  /** The request as sent, the JWT header replaced by `<jwt>`. */
  readonly request: TransportRequest;
  /** HTTP status, or the transport failure. */
  readonly status?: number;
  readonly error?: string;
  readonly contentType?: string;
  /** The answer's first 2,000 characters, AK/SK hidden; escape before printing. */
  readonly answer?: string;
  readonly durationMs: number;
  readonly checks: readonly CheckResult[];
  /** Valid calls only. */
  readonly bill?: AgentBill;
}

export interface AgentCallDeps extends AgentDeps {
  readonly transport: SellerTransport;
}

/** Replaces every occurrence of the AK and SK in text koomock prints. */
export const hideCredentials = (text: string, target: Pick<AgentTarget, 'ak' | 'sk'>): string =>
  [target.ak, target.sk].filter((s) => s.length >= 4).reduce((t, secret) => t.split(secret).join('***'), text);

/** The first characters of an answer, lines kept (printers escape each line; JSON escapes itself). */
const firstChars = (text: string): string => {
  const chars = Array.from(text.slice(0, SHOWN_CHARS * 2));
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : chars.join('');
};

function shownRequest(request: TransportRequest, target: AgentTarget): TransportRequest {
  const name = target.jwtHeader.toLowerCase();
  return { ...request, headers: { ...request.headers, [name]: `${target.jwtPrefix}<jwt>` }, ...(request.body === undefined ? {} : { body: hideCredentials(request.body, target) }) };
}

/**
 * @example
 *   const report = await callAgent(target, { stream: true, jwt: 'valid' }, deps);
 *   report.checks.map((c) => c.id); // ['agent.answer', 'agent.sse', 'agent.usage']
 */
export async function callAgent(target: AgentTarget, spec: AgentCallSpec, deps: AgentCallDeps): Promise<AgentCallReport> {
  const mode: AgentMode = spec.stream ? 'sse' : 'json';
  const request = buildAgentRequest(target, spec, deps);
  const result = await deps.transport.send(request, { timeoutMs: target.timeoutMs });
  const base = { jwt: spec.jwt, mode, request: shownRequest(request, target), durationMs: Math.round(result.durationMs) };
  const answer: AgentAnswer | undefined = result.kind === 'response' ? readAgentAnswer(result, mode) : undefined;
  const seen =
    result.kind === 'error'
      ? { error: `${result.error}: ${cut(result.message)}` }
      : { status: result.status, contentType: cut(answer?.contentType ?? ''), answer: firstChars(hideCredentials(answer?.text ?? '', target)) };
  if (spec.jwt !== 'valid') return { ...base, ...seen, checks: [checkJwtRejected(spec.jwt, result)] };
  const answered = checkAgentAnswer(result, answer, mode);
  const checks: CheckResult[] = [answered];
  // Usage and events are judged only on a whole, served answer.
  if (answer !== undefined && answered.ok) {
    const stream = mode === 'sse' ? checkAgentSse(answer) : undefined;
    if (stream !== undefined) checks.push(stream);
    // Usage is read from the events: an answer that is no event stream fails agent.sse alone.
    if (stream === undefined || stream.ok) checks.push(checkAgentUsage(answer, billedItems(target.prices), mode));
  }
  const requestJson = request.body === undefined ? undefined : parseBoundedJson(request.body);
  const bill = computeBill(answer?.billed, requestJson?.ok === true ? requestJson.value : undefined, target.prices);
  return { ...base, ...seen, checks, bill };
}
