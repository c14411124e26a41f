/**
 * One produce interaction as Pact matchers: the request koomock's builder and signer made (example
 * values), loosened only where the value changes per call or comes from the provider state, and
 * the answer with exact values where the platform acts on them and type matchers where the seller
 * chooses. docs/pact.md lists every rule.
 */
import type { SignedRequest } from '../../core/produce/types.js';
import type { PactModule } from './load-pact.js';
import { type AnswerRule, isFromState, type ProduceInteraction } from './produce-interactions.js';

type Matchers = PactModule['MatchersV3'];

/** Signature parameters: fresh on every call, so only their shape is part of the contract. */
export const SIGNATURE_PATTERNS = {
  signature: '^[0-9a-fA-F]{64}$',
  timestamp: '^[0-9]{10}([0-9]{3})?$',
  nonce: '^[0-9A-Za-z]{16,64}$',
  businessId: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  /** Kit body times: East-8 yyyyMMddHHmmssSSS. */
  east8Millis: '^[0-9]{17}$',
} as const;

/** The parts of a produce request a pact needs, all from the signed example. */
export interface PactRequestParts {
  readonly method: 'POST';
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  readonly body: unknown;
}

function bodyMatchers(example: Record<string, unknown>, fields: Readonly<Record<string, unknown>>, m: Matchers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(example)) {
    const spec = fields[k];
    if (isFromState(spec)) out[k] = m.fromProviderState(spec.fromState, v);
    else if (k === 'businessId' && typeof v === 'string') out[k] = m.regex(SIGNATURE_PATTERNS.businessId, v);
    else if ((k === 'timeStamp' || (k === 'currentSyncTime' && spec === undefined)) && typeof v === 'string') out[k] = m.regex(SIGNATURE_PATTERNS.east8Millis, v);
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof spec === 'object' && spec !== null) {
      out[k] = bodyMatchers(v as Record<string, unknown>, spec as Record<string, unknown>, m);
    } else out[k] = v;
  }
  return out;
}

/**
 * @example
 *   toPactRequest(interaction, signProduceRequest(buildProduceRequest(spec, ctx), EXAMPLE_KEYS, ctx), MatchersV3);
 */
export function toPactRequest(interaction: ProduceInteraction, signed: SignedRequest, m: Matchers): PactRequestParts {
  const url = new URL(signed.url);
  const query: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) {
    const pattern = SIGNATURE_PATTERNS[k as 'signature' | 'timestamp' | 'nonce'];
    query[k] = pattern === undefined ? v : m.regex(pattern, v);
  }
  const headers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(signed.headers)) {
    if (k === 'accept') continue;
    if (k === 'content-type') {
      headers['Content-Type'] = v;
      continue;
    }
    const name = k.replace(/^x-/, '') as 'sign' | 'timestamp' | 'nonce';
    const pattern = k.startsWith('x-') ? SIGNATURE_PATTERNS[name === 'sign' ? 'signature' : name] : undefined;
    headers[k] = pattern === undefined ? v : m.regex(pattern, v);
  }
  const example = JSON.parse(signed.body ?? '{}') as Record<string, unknown>;
  return { method: 'POST', path: url.pathname, query, headers, body: bodyMatchers(example, interaction.fields, m) };
}

/** The answer: HTTP 200 JSON; resultCode exact (or one of a list); what the seller chooses by type. */
export function toPactAnswer(rule: AnswerRule, m: Matchers): { body: Record<string, unknown> } {
  const codes = typeof rule.resultCode === 'string' ? [rule.resultCode] : rule.resultCode;
  const body: Record<string, unknown> = { resultCode: codes.length === 1 ? codes[0] : m.regex(`^(${codes.join('|')})$`, codes[0] ?? '') };
  for (const [k, example] of Object.entries(rule.sellerChooses ?? {})) body[k] = m.string(example);
  if (rule.infoList === true) body.info = m.eachLike({ instanceId: m.string('5b6f2c1e-8d7a-4e3b-9c0f-1a2b3c4d5e6f') }, 1);
  // jsonBody makes Pact expect a JSON content type (any charset parameter), which is what the platform needs.
  return { body };
}
