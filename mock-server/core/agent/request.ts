/**
 * The request the Agents gateway sends to a seller's backend (docs/agents.md#the-request,
 * docs/fidelity.md#d55, #d56): the buyer's body, the gateway JWT in `Authorization: Bearer <jwt>`,
 * and `X-Request-Id`, `X-Customer-Id`, `X-Customer-Name`.
 */
import type { Clock, Random, TransportRequest } from '../ports.js';
import { AGENT_JWT_TTL_MS, signAgentJwt } from '../signing/agent-jwt/jwt.js';
import type { AgentPrices } from './billing-items.js';

/** The backend koomock calls and how, from config `agent.*` or the command line. */
export interface AgentTarget {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly ak: string;
  readonly sk: string;
  /** The buyer's Huawei Cloud account id (`X-Customer-Id`). */
  readonly customerId: string;
  /** The buyer's account name (`X-Customer-Name`, percent-encoded when not ASCII). */
  readonly customerName: string;
  /** The header carrying the JWT; `Authorization` by default. */
  readonly jwtHeader: string;
  /** Written before the JWT in that header; `Bearer ` by default. */
  readonly jwtPrefix: string;
  /** Bounds the whole exchange, stream included. */
  readonly timeoutMs: number;
  readonly prices: AgentPrices;
}

/** A valid JWT, one that expired, or one signed with another SK. */
export type JwtKind = 'valid' | 'expired' | 'forged';

export interface AgentCallSpec {
  /** Ask for a streamed (SSE) answer. */
  readonly stream: boolean;
  /** The request body as sent; default `{"input": …, "stream": <stream>}`. */
  readonly body?: string;
  readonly jwt: JwtKind;
}

export interface AgentDeps {
  readonly clock: Clock;
  readonly random: Random;
}

/** The default body: a question in `input` (the field the gateway counts characters and bytes of). */
export const defaultAgentBody = (stream: boolean): string => JSON.stringify({ input: '南京是哪个省的省会？', stream });

const headerValue = (text: string): string => (/^[\x20-\x7e]*$/.test(text) ? text : encodeURIComponent(text));

/** The JWT of each kind: valid now; issued 10 minutes ago (expired 5 minutes ago); signed with a random SK. */
function jwtOf(target: AgentTarget, kind: JwtKind, deps: AgentDeps): string {
  const now = deps.clock.wallNow();
  if (kind === 'expired') return signAgentJwt({ ak: target.ak, sk: target.sk, issuedAt: now - 2 * AGENT_JWT_TTL_MS });
  if (kind === 'forged') return signAgentJwt({ ak: target.ak, sk: Buffer.from(deps.random.bytes(24)).toString('base64url'), issuedAt: now });
  return signAgentJwt({ ak: target.ak, sk: target.sk, issuedAt: now });
}

/**
 * @example
 *   buildAgentRequest(target, { stream: false, jwt: 'valid' }, deps).headers['x-request-id']; // a UUID
 */
export function buildAgentRequest(target: AgentTarget, spec: AgentCallSpec, deps: AgentDeps): TransportRequest {
  const body = target.method === 'GET' ? undefined : (spec.body ?? defaultAgentBody(spec.stream));
  return {
    method: target.method,
    url: target.url,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
      accept: spec.stream ? 'text/event-stream' : 'application/json',
      [target.jwtHeader.toLowerCase()]: `${target.jwtPrefix}${jwtOf(target, spec.jwt, deps)}`,
      'x-request-id': deps.random.uuid(),
      'x-customer-id': target.customerId,
      'x-customer-name': headerValue(target.customerName),
    },
    ...(body === undefined ? {} : { body }),
  };
}
