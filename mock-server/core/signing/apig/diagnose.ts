import { parseApigAuthorization } from './apig.js';
import {
  computeApigSignature,
  headerValue,
  joinApigCanonicalRequest,
  parseQueryPairs,
  toApigCanonicalParts,
  toApigStringToSign,
  toLowerCaseHeaders,
  toSignedHeaderList,
} from './canonical.js';
import type { ApigDiagnosisContext, ApigMistakeRule, ApigVariant } from './mistake-rule.js';
import { APIG_REQUEST_MISTAKES } from './mistakes-request.js';
import { APIG_SIGNING_MISTAKES } from './mistakes-signing.js';
import type { ApigRequest } from './verify.js';
import type { KnownMistake, SignatureDiagnosis } from '../mistakes.js';

/** Every known APIG signing mistake koomock can recognise, in the order a diagnosis lists them. */
export const APIG_MISTAKES: readonly ApigMistakeRule[] = [...APIG_REQUEST_MISTAKES, ...APIG_SIGNING_MISTAKES];

/**
 * Explains a wrong APIG signature: the canonical request koomock built (from the client's SignedHeaders),
 * the signature it expected, and every known mistake whose computation reproduces the signature sent.
 * `mistakes` is empty when the signature is right, when Authorization is absent or unparsable (then the
 * canonical request signs every header, JS-signer style), or when no known mistake matches.
 * @example
 *   const d = diagnoseApigSignature(apiRequest, sk);
 *   d.mistakes.map((m) => m.id); // ['missing-trailing-slash']
 */
export function diagnoseApigSignature(req: ApigRequest, sk: string): SignatureDiagnosis {
  const headers = toLowerCaseHeaders(req.headers);
  const auth = parseApigAuthorization(headerValue(headers, 'authorization') ?? '');
  const signedHeaders = toSignedHeaderList(auth?.signedHeaders ?? Object.keys(headers).filter((n) => n !== 'authorization'));
  const parts = toApigCanonicalParts({ ...req, headers, signedHeaders });
  const ctx: ApigDiagnosisContext = {
    req,
    headers,
    auth,
    signedHeaders,
    date: headerValue(headers, 'x-sdk-date')?.trim() ?? '',
    queryPairs: parseQueryPairs(req.query),
    parts,
    sk,
  };
  const expected = signVariant(ctx, {});
  const received = auth?.signature;
  const mistakes =
    received === undefined || received === expected
      ? []
      : APIG_MISTAKES.filter((rule) => reproduces(ctx, rule, received, expected)).map(toKnownMistake);
  return { canonical: joinApigCanonicalRequest(parts), expected, mistakes };
}

function reproduces(ctx: ApigDiagnosisContext, rule: ApigMistakeRule, received: string, expected: string): boolean {
  for (const variant of rule.variants(ctx)) {
    const signature = signVariant(ctx, variant);
    // A variant that changes nothing is not a mistake.
    if (signature !== expected && signature === received) return true;
  }
  return false;
}

function signVariant(ctx: ApigDiagnosisContext, v: ApigVariant): string {
  const canonicalRequest = joinApigCanonicalRequest({ ...ctx.parts, ...v.parts });
  const stringToSign = v.stringToSign?.(canonicalRequest) ?? toApigStringToSign(v.date ?? ctx.date, canonicalRequest);
  const hex = computeApigSignature(stringToSign, v.key ?? ctx.sk);
  return v.signature ? v.signature(hex) : hex;
}

const toKnownMistake = ({ id, en, zh }: KnownMistake): KnownMistake => ({ id, en, zh });
