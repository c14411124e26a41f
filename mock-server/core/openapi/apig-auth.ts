/**
 * The gateway step of the pipeline (docs/fidelity.md#d20 to #d22): who is calling, proven by an APIG `SDK-HMAC-SHA256`
 * signature with the seller's AK/SK, or — with `apigAuth: off` — merely named by the AK.
 */
import { type ApiRequest, type ApiResponse, jsonResponse } from '../http-types.js';
import type { Random } from '../ports.js';
import type { CheckResult } from '../result.js';
import { diagnoseApigSignature, parseApigAuthorization, toDebugCanonical, verifyApigRequest } from '../signing/index.js';
import type { EmulatorContext, SellerAccount } from './context.js';
import { toApigErrorBody } from './error-codes.js';
import { toDiagnosisRecord } from '../signing/diagnosis-record.js';

export type ApigAuthOutcome =
  | { readonly ok: true; readonly caller: SellerAccount; readonly verdict: CheckResult }
  | { readonly ok: false; readonly response: ApiResponse; readonly verdict: CheckResult; readonly sellerId?: string };

export const APIG_CHECK_ID = 'apig.signature';

const EXPECTED = 'SDK-HMAC-SHA256 signature with the seller AK/SK, X-Sdk-Date within ±15 min';

/**
 * A fresh APIG request id: 32 lower-case hex digits.
 * @example toRequestId(random) // "000102030405060708090a0b0c0d0e0f"
 */
export const toRequestId = (random: Random): string => Buffer.from(random.bytes(16)).toString('hex');

/** APIG's 401, with the debug detail appended the way APIG prints it (docs/fidelity.md#d21). */
const unauthorized = (ctx: EmulatorContext, debugDetail: string | undefined): ApiResponse => {
  const requestId = toRequestId(ctx.random);
  const detail = ctx.profile.debug ? debugDetail : undefined;
  return jsonResponse(401, toApigErrorBody('aksk', requestId, detail), { 'x-request-id': requestId });
};

/**
 * Authenticates an `auth: 'apig'` request against the seller directory.
 * @example
 *   const auth = authenticateApig(req, ctx);
 *   if (!auth.ok) return auth.response;
 */
/** Largest request body whose failed signature koomock diagnoses. */
export const DIAGNOSE_MAX_BODY_BYTES = 64 * 1024;

export function authenticateApig(req: ApiRequest, ctx: EmulatorContext): ApigAuthOutcome {
  return ctx.profile.apigAuth === 'off' ? identifyWithoutSignature(req, ctx) : verifySignature(req, ctx);
}

function verifySignature(req: ApiRequest, ctx: EmulatorContext): ApigAuthOutcome {
  const verdict = verifyApigRequest(req, { lookupSk: (ak) => ctx.sellers.byAk(ak)?.sk, now: ctx.clock.wallNow() });
  const seller = verdict.ak === undefined ? undefined : ctx.sellers.byAk(verdict.ak);
  if (verdict.ok && seller !== undefined) {
    return { ok: true, caller: seller, verdict: { id: APIG_CHECK_ID, ok: true, expected: EXPECTED, received: `Access=${seller.ak}` } };
  }
  const reason = verdict.ok ? 'mismatch' : verdict.reason;
  const notes: string[] = [verdict.ok ? 'the AK is not a configured seller' : verdict.detail];
  if (verdict.ak !== undefined && seller === undefined) {
    notes.push(`no seller has AK ${verdict.ak}: use the AK/SK koomock was configured with (koomock.config sellers[].ak)`);
  }
  // Diagnosis re-signs dozens of variants: only for bodies small enough that a stranger cannot make each
  // failed request expensive (APIG bodies may be 12 MB).
  const diagnosable = seller !== undefined && reason === 'mismatch' && req.rawBody.length <= DIAGNOSE_MAX_BODY_BYTES;
  const mistakes = diagnosable ? diagnoseApigSignature(req, seller.sk).mistakes : [];
  for (const m of mistakes) notes.push(`likely mistake ${m.id}: ${m.en} (${m.zh})`);
  const canonical = verdict.canonicalRequest === undefined ? [] : [`canonicalRequest:${toDebugCanonical(verdict.canonicalRequest)}`];
  // The journal keeps the diagnosis whatever the debug setting; only the answer body depends on it.
  const diagnosis = verdict.canonicalRequest === undefined ? {} : { diagnosis: toDiagnosisRecord('apig', verdict.canonicalRequest, mistakes) };
  return {
    ok: false,
    response: unauthorized(ctx, [...canonical, `koomock: ${notes.join('; ')}`].join(', ')),
    verdict: { id: APIG_CHECK_ID, ok: false, expected: EXPECTED, received: reason, hint: [...notes, ...canonical].join('\n'), ...diagnosis },
    ...(seller === undefined ? {} : { sellerId: seller.id }),
  };
}

/** docs/fidelity.md#d20 `off`: nothing is verified; the AK (or the only seller) says who calls, and every call carries a warning. */
function identifyWithoutSignature(req: ApiRequest, ctx: EmulatorContext): ApigAuthOutcome {
  const ak = parseApigAuthorization(req.headers.authorization ?? '')?.ak;
  const sellers = ctx.sellers.list?.() ?? [];
  const caller = (ak === undefined ? undefined : ctx.sellers.byAk(ak)) ?? (sellers.length === 1 ? sellers[0] : undefined);
  const hint =
    'APIG AK/SK verification is off (profile apigAuth=off): the real marketplace answers 401 APIG.0301 to a call ' +
    'without a valid signature; turn it on before you go live';
  const verdict: CheckResult = { id: APIG_CHECK_ID, ok: false, severity: 'warn', expected: EXPECTED, received: 'not checked', hint };
  if (caller !== undefined) return { ok: true, caller, verdict };
  const detail =
    'koomock: APIG verification is off but koomock cannot tell which seller is calling; send ' +
    '`Authorization: SDK-HMAC-SHA256 Access=<your AK>, …` (the signature is not checked)';
  const requestId = toRequestId(ctx.random);
  return {
    ok: false,
    response: jsonResponse(401, toApigErrorBody('aksk', requestId, detail), { 'x-request-id': requestId }),
    verdict: { ...verdict, hint: `${hint}. ${detail}` },
  };
}
