/**
 * `POST /api/mkp-openapi-public/global/v1/isv/usage-data` (open-api.md §3.3.1): APIG AK/SK plus a
 * body signature in the `signature`/`ts`/`nonce` headers (docs/fidelity.md#d26), then the docs/fidelity.md#d27 rules.
 */
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { validateUsageBatch } from '../market/usage-rules.js';
import { diagnoseUsageSignature, isNaturallySorted, verifyUsageSignature } from '../signing/index.js';
import type { SellerAccount } from './context.js';
import { type OpenApiContext, type OpenApiRoute, report, requireCaller } from './request-context.js';
import { toDiagnosisRecord } from '../signing/diagnosis-record.js';
import { toErrorResponse } from './responses.js';
import { acceptUsage, isOnDemandInstanceOf, parseJsonBody, toMalformedBody, toViolationResponse } from './usage-common.js';

const NONCE_TTL_MS = 5 * 60_000;
const CHECK_ID = 'usage.signature';

/** docs/fidelity.md#d26: the body signature; undefined when it holds, else the MKT.0102 answer. */
function checkBodySignature(req: ApiRequest, json: Readonly<Record<string, unknown>> | undefined, seller: SellerAccount, ctx: OpenApiContext): ApiResponse | undefined {
  const now = ctx.clock.wallNow();
  const mode = ctx.profile.usageSignature;
  const input = {
    key: seller.usageKey,
    ts: req.headers.ts,
    nonce: req.headers.nonce,
    signature: req.headers.signature,
    body: req.rawBody,
    ...(json === undefined ? {} : { json }),
  };
  const verdict = verifyUsageSignature(input, {
    now,
    mode,
    seenNonce: (nonce) => ctx.store.rememberNonce(`usage:${seller.id}`, nonce, now + NONCE_TTL_MS, now),
  });
  if (verdict.ok) {
    // The page asks for the body "naturally sorted" before signing; whether the platform refuses
    // another order is not known, so an unsorted body is accepted and reported as a warning.
    // A canonical-variant match means the seller did sign the sorted form.
    const sorted = json === undefined || verdict.variant === 'canonical' || isNaturallySorted(json);
    report(
      ctx,
      sorted
        ? { id: CHECK_ID, ok: true, received: `signature over the ${verdict.variant ?? 'raw'} body` }
        : {
            id: CHECK_ID,
            ok: false,
            severity: 'warn',
            expected: 'a body with its keys sorted ("naturally sorted") before signing, at every level',
            received: 'signature over the raw body, but the body was not sorted before signing',
            hint: 'Serialise usage_records with sorted keys (begin_time, end_time, instance_id, metering_sn, record_time, usage_value), sign that text and send it unchanged.',
          },
    );
    return undefined;
  }
  const diagnosable = verdict.reason !== 'missing' && verdict.reason !== 'replayed';
  const diagnosis = diagnosable ? diagnoseUsageSignature(input, { mode }) : undefined;
  const named = (diagnosis?.mistakes ?? []).map((m) => `likely mistake ${m.id}: ${m.en} (${m.zh})`);
  const signed = diagnosis === undefined ? [] : [`string to sign: ${diagnosis.canonical}`];
  report(ctx, {
    id: CHECK_ID,
    ok: false,
    expected: 'base64(HMAC-SHA256(usage key, "ts={ts}&nonce={nonce}&body={body}")), ts within 60 s, fresh nonce',
    received: verdict.reason,
    hint: [verdict.detail, ...named].join('\n'),
    // The journal keeps the diagnosis whatever the debug setting; only the answer body depends on it.
    ...(diagnosis === undefined ? {} : { diagnosis: toDiagnosisRecord('usage', diagnosis.canonical, diagnosis.mistakes) }),
  });
  // The mistake names and the signed text are debug output (docs/fidelity.md#d21's spirit); the verdict detail always helps and holds no secret.
  return toErrorResponse('MKT.0102', [verdict.detail, ...(ctx.profile.debug ? [...named, ...signed] : [])].join('; '));
}

export const usagePushRoute: OpenApiRoute = {
  id: 'usage.push',
  method: 'POST',
  path: '/api/mkp-openapi-public/global/v1/isv/usage-data',
  auth: 'apig',
  envelope: 'mkt',
  durable: true,
  handle(req, _params, ctx) {
    const seller = requireCaller(ctx);
    // Parsed once, here; the signature check (and its diagnosis) reuse the value. A bad signature
    // still answers before a malformed body, as on the platform.
    const body = parseJsonBody(req.rawBody);
    const badSignature = checkBodySignature(req, body.ok ? body.value : undefined, seller, ctx);
    if (badSignature !== undefined) return badSignature;
    if (!body.ok) return toMalformedBody(ctx, body.detail);
    const result = validateUsageBatch(body.value.usage_records, {
      // begin_time comes from the seller's clock: judged against wall time (docs/fidelity.md#d31).
      now: ctx.clock.wallNow(),
      isOnDemandInstanceOfSeller: isOnDemandInstanceOf(ctx, seller.id),
    });
    if (!result.ok) return toViolationResponse(ctx, result);
    return acceptUsage(ctx, seller.id, result.records);
  },
};
