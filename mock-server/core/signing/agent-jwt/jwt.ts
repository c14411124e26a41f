/**
 * The JWT the KooGallery Agents gateway puts on every call to a seller's Agents backend in AK/SK
 * mode (docs/agents.md, docs/fidelity.md#d55): HS256 over `base64url(header).base64url(payload)`
 * with the SK, header `{"sign_type":"SIGN","alg":"HS256","typ":"JWT"}` (the gateway's Java sample sets
 * `alg` and `sign_type`; its JWT library adds `typ`), payload `api_key` (the AK), `timestamp` (ms) and
 * `exp` (seconds, 5 minutes later).
 */
import { hmacSha256 } from '../hmac.js';
import { secureEqual } from '../secure-equal.js';

/** How long a gateway JWT stays valid (open-api.md §5.1: "失效时间5分钟"). */
export const AGENT_JWT_TTL_MS = 5 * 60_000;

export const AGENT_JWT_HEADER: Readonly<Record<string, string>> = Object.freeze({ sign_type: 'SIGN', alg: 'HS256', typ: 'JWT' });

export interface AgentJwtInput {
  /** The access key the seller gave the gateway; goes into `api_key`. */
  readonly ak: string;
  /** The secret key: the HMAC key, never in the token. */
  readonly sk: string;
  /** Wall-clock ms of issue (`timestamp`). */
  readonly issuedAt: number;
  /** Validity; default 5 minutes. */
  readonly ttlMs?: number;
}

export interface AgentJwtClaims {
  readonly api_key: string;
  readonly timestamp: number;
  readonly exp: number;
}

const b64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/**
 * Signs a gateway JWT.
 * @example
 *   signAgentJwt({ ak: 'ak-1', sk: 'sk-1', issuedAt: Date.now() }); // 'eyJzaWduX3R5cGUiOiJTSUdOIi…'
 */
export function signAgentJwt(input: AgentJwtInput): string {
  const claims: AgentJwtClaims = {
    api_key: input.ak,
    timestamp: input.issuedAt,
    exp: Math.floor((input.issuedAt + (input.ttlMs ?? AGENT_JWT_TTL_MS)) / 1000),
  };
  const signingInput = `${b64url(JSON.stringify(AGENT_JWT_HEADER))}.${b64url(JSON.stringify(claims))}`;
  return `${signingInput}.${b64url(hmacSha256(input.sk, signingInput))}`;
}

export type AgentJwtVerdict =
  | { readonly ok: true; readonly claims: AgentJwtClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'mismatch' | 'stale'; readonly detail: string };

const decodeJson = (part: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Verifies a gateway JWT the way a seller's backend should: three parts, `alg` HS256, HMAC with the
 * SK looked up by `api_key`, then the expiry against `now` (wall ms).
 * @example
 *   verifyAgentJwt(token, () => 'sk-1', Date.now()); // { ok: true, claims: { api_key: 'ak-1', … } }
 */
export function verifyAgentJwt(token: string, skOf: (ak: string) => string | undefined, now: number): AgentJwtVerdict {
  const parts = token.split('.');
  const [h, p, s] = parts;
  if (parts.length !== 3 || h === undefined || p === undefined || s === undefined) return { ok: false, reason: 'malformed', detail: 'a JWT has three dot-separated parts' };
  const header = decodeJson(h);
  const payload = decodeJson(p);
  if (header?.['alg'] !== 'HS256' || payload === undefined) return { ok: false, reason: 'malformed', detail: 'the header must say alg HS256 and the payload must be a JSON object' };
  const ak = payload['api_key'];
  const exp = payload['exp'];
  const timestamp = payload['timestamp'];
  if (typeof ak !== 'string' || typeof exp !== 'number' || typeof timestamp !== 'number') return { ok: false, reason: 'malformed', detail: 'the payload needs api_key, timestamp and exp' };
  const sk = skOf(ak);
  if (sk === undefined || !secureEqual(b64url(hmacSha256(sk, `${h}.${p}`)), s)) return { ok: false, reason: 'mismatch', detail: 'the signature is not HMAC-SHA256 with the SK of this api_key' };
  if (exp * 1000 <= now) return { ok: false, reason: 'stale', detail: 'the token has expired' };
  return { ok: true, claims: { api_key: ak, timestamp, exp } };
}
