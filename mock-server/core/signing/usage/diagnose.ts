import { hmacSha256 } from '../hmac.js';
import { parseJsonObject, toCanonicalJson } from '../canonical-json.js';
import type { KnownMistake, SignatureDiagnosis } from '../mistakes.js';
import { computeUsageSignature, toUsageSigningBytes, type UsageVerifyInput } from './usage.js';
import { USAGE_MISTAKES, type UsageDiagnosisContext, type UsageMistakeRule, type UsageVariant } from './mistakes.js';

/**
 * Explains a wrong usage-push signature: the text koomock signed, the signature it expected (raw body),
 * and every known mistake that reproduces the signature sent. Mistakes visible in the input itself
 * (ts in seconds) are named even when the signature matches. In `canonical` mode a signature over the
 * recursively key-sorted body counts as correct.
 * @example
 *   diagnoseUsageSignature({ key, ts, nonce, signature, body }).mistakes.map((m) => m.id); // ['hex-instead-of-base64']
 */
export function diagnoseUsageSignature(
  input: UsageVerifyInput,
  options: { readonly mode?: 'raw' | 'canonical' } = {},
): SignatureDiagnosis {
  const body = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body);
  const json = input.json ?? parseJsonObject(body);
  const ctx: UsageDiagnosisContext = {
    key: input.key,
    ts: input.ts ?? '',
    nonce: input.nonce ?? '',
    body,
    ...(json === undefined ? {} : { json }),
    mode: options.mode ?? 'raw',
  };
  const correct = toUsageSigningBytes({ ts: ctx.ts, nonce: ctx.nonce, body: input.body });
  const expected = computeUsageSignature({ key: ctx.key, ts: ctx.ts, nonce: ctx.nonce, body: input.body });
  const accepted = new Set([expected]);
  const parsed = ctx.mode === 'canonical' ? json : undefined;
  if (parsed !== undefined) {
    accepted.add(computeUsageSignature({ ...ctx, body: toCanonicalJson(parsed, { recursive: true }) }));
  }
  const received = input.signature;
  const matches = (rule: UsageMistakeRule): boolean =>
    rule.shape?.(ctx) === true ||
    (received !== undefined && !accepted.has(received) && reproduces(ctx, correct, rule, received, accepted));
  return {
    canonical: new TextDecoder().decode(correct),
    expected,
    mistakes: USAGE_MISTAKES.filter(matches).map(({ id, en, zh }): KnownMistake => ({ id, en, zh })),
  };
}

function reproduces(
  ctx: UsageDiagnosisContext,
  correct: Uint8Array,
  rule: UsageMistakeRule,
  received: string,
  accepted: ReadonlySet<string>,
): boolean {
  for (const v of rule.variants(ctx)) {
    const signature = signVariant(ctx, correct, v);
    if (!accepted.has(signature) && signature === received) return true;
  }
  return false;
}

function signVariant(ctx: UsageDiagnosisContext, correct: Uint8Array, v: UsageVariant): string {
  const mac = hmacSha256(v.key ?? ctx.key, v.message ?? correct);
  return v.encode ? v.encode(mac) : mac.toString('base64');
}
