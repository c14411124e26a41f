/**
 * The pipeline every request to the fake Open APIs goes through, in the order the platform applies it:
 * route (APIG.0101) -> faults -> size (APIG.0201) -> APIG AK/SK (APIG.0301) -> rate limit (MKT.0250)
 * -> the operation's handler (a throw becomes MKT.0999). Every exchange is journaled.
 */
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { jsonResponse } from '../http-types.js';
import type { CheckResult } from '../result.js';
import { parseApigAuthorization } from '../signing/index.js';
import { toWireResponse } from '../wire-body.js';
import { APIG_CHECK_ID, authenticateApig, toRequestId } from './apig-auth.js';
import { isOverBodyLimit, MAX_BODY_BYTES, toBodyTooLargeResponse } from './body-limit.js';
import { APIG_LOCKOUT_FAILURES, type ApigLockout, createApigLockout } from './apig-lockout.js';
import type { EmulatorContext, SellerAccount } from './context.js';
import { toApigErrorBody } from './error-codes.js';
import { isConnectionReset, NO_FAULTS, toConnectionResetResponse } from './faults.js';
import { toJournalRequest, toJournalResponse } from './journal.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import type { OpenApiRoute } from './request-context.js';
import { toInternalError, toRateLimited } from './responses.js';
import { createRouter, type Route, type Router } from './route.js';
import { OPEN_API_ROUTES } from './routes.js';

/** APIG's URI limit (open-api.md §2.3). */
export const MAX_URI_BYTES = 32 * 1024;

export interface OpenApi {
  /** The operations, for adapters to register method + path (then call `handle` for every request). */
  readonly routes: readonly Route<EmulatorContext>[];
  /** Answers one request. Never throws; every exchange is appended to the journal. */
  handle(req: ApiRequest): Promise<ApiResponse>;
}

/** What one pass through the pipeline learnt, for the journal. */
interface Exchange {
  operation: string;
  route?: OpenApiRoute;
  caller?: SellerAccount;
  sellerId?: string;
  readonly verdicts: CheckResult[];
}

const errorMessage = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 500);

/**
 * The fake Open APIs over an emulator context.
 * @example
 *   const api = createOpenApi({ store, clock, random, profile: DEFAULT_PROFILE, sellers });
 *   const res = await api.handle({ method: 'GET', path: '/api/mkp-openapi-public/global/v1/order/query',
 *     query: 'orderId=MOCKPERIODYEARNEW', headers: signedHeaders, rawBody: new Uint8Array() });
 */
export function createOpenApi(ctx: EmulatorContext): OpenApi {
  const router = createRouter<EmulatorContext>(OPEN_API_ROUTES as readonly Route<EmulatorContext>[]);
  const limiter = createRateLimiter(ctx.profile.rateLimitPerSecond);
  const lockout = ctx.profile.apigLockout === 'off' ? undefined : createApigLockout();
  return {
    routes: OPEN_API_ROUTES,
    async handle(req) {
      const startedAt = ctx.clock.now();
      const startedWall = ctx.clock.wallNow();
      const x: Exchange = { operation: 'unmatched', verdicts: [] };
      let response: ApiResponse;
      try {
        response = await runPipeline(req, ctx, { router, limiter, lockout }, x);
        // An answer HTTP cannot carry is caught here, so no adapter needs a guard of its own.
        if (!isConnectionReset(response)) toWireResponse(response);
      } catch (e) {
        // The one place koomock's own failures become the documented answer (a bug in the pipeline,
        // a store failure outside a handler, an answer HTTP cannot carry).
        x.verdicts.push({ id: 'emulator.error', ok: false, received: errorMessage(e) });
        response = x.route === undefined ? jsonResponse(500, { error_code: 'MKT.0999', error_msg: 'System internal error' }) : toInternalError(x.route.envelope);
      }
      appendToJournal(ctx, req, response, x, startedAt, startedWall);
      if (x.route?.durable === true) {
        try {
          // Group commit: the answer leaves only once the records are on disk.
          await ctx.store.durable();
        } catch {
          return toInternalError(x.route.envelope);
        }
      }
      return response;
    },
  };
}

function notFound(req: ApiRequest, ctx: EmulatorContext, x: Exchange, allowed: readonly string[]): ApiResponse {
  const hint =
    allowed.length > 0
      ? `${req.path} is served with ${allowed.join(', ')}, not ${req.method}`
      : `koomock has no Open API at ${req.path}; check the path against open-api.md (e.g. /api/mkp-openapi-public/global/v1/order/query)`;
  x.verdicts.push({ id: 'route', ok: false, expected: 'a published Open API', received: `${req.method} ${req.path}`.slice(0, 300), hint });
  const requestId = toRequestId(ctx.random);
  const detail = ctx.profile.debug ? `koomock: ${hint}` : undefined;
  return jsonResponse(404, toApigErrorBody('apiNotFound', requestId, detail), { 'x-request-id': requestId });
}

const uriTooLong = (ctx: EmulatorContext): ApiResponse => {
  const requestId = toRequestId(ctx.random);
  return jsonResponse(414, toApigErrorBody('uriTooLong', requestId), { 'x-request-id': requestId });
};

/** What the pipeline keeps between requests. */
interface PipelineState {
  readonly router: Router<EmulatorContext>;
  readonly limiter: RateLimiter;
  readonly lockout: ApigLockout | undefined;
}

/** A locked AK's answer: APIG.0301 whatever the signature, until the lock ends. */
function lockedOut(ctx: EmulatorContext, ak: string, until: number, x: Exchange): ApiResponse {
  const seconds = Math.ceil((until - ctx.clock.wallNow()) / 1000);
  x.verdicts.push({
    id: APIG_CHECK_ID,
    ok: false,
    expected: `fewer than ${APIG_LOCKOUT_FAILURES} failed signatures in a row`,
    received: 'AK locked',
    hint: `AK ${ak} is locked for ${seconds} s more: APIG locks an AK for 5 minutes after ${APIG_LOCKOUT_FAILURES} failed signatures in a row. Fix the signature (see the earlier apig.signature checks), then wait; profile apigLockout=off turns this off`,
  });
  const requestId = toRequestId(ctx.random);
  return jsonResponse(401, toApigErrorBody('akLocked', requestId), { 'x-request-id': requestId });
}

async function runPipeline(req: ApiRequest, ctx: EmulatorContext, state: PipelineState, x: Exchange): Promise<ApiResponse> {
  const { router, limiter, lockout } = state;
  const found = router.lookup(req.method, req.path);
  if (found.kind !== 'found') return notFound(req, ctx, x, found.kind === 'method-not-allowed' ? found.allowed : []);
  const route = found.match.route as OpenApiRoute;
  x.route = route;
  x.operation = route.id;

  const fault = await (ctx.faults ?? NO_FAULTS).before(route.id, req);
  if (fault.kind !== 'none' || fault.note !== undefined) {
    x.verdicts.push({ id: 'fault.injected', ok: true, severity: 'warn', received: fault.note ?? fault.kind });
  }
  if (fault.kind !== 'none') return fault.kind === 'reset' ? toConnectionResetResponse() : fault.response;

  if (isOverBodyLimit(req.rawBody.length)) {
    x.verdicts.push({ id: 'body.size', ok: false, expected: `at most ${MAX_BODY_BYTES} bytes`, received: `${req.rawBody.length} bytes` });
    return toBodyTooLargeResponse(ctx.random);
  }
  if (req.path.length + req.query.length > MAX_URI_BYTES) {
    x.verdicts.push({ id: 'uri.size', ok: false, expected: `a URI of at most ${MAX_URI_BYTES} bytes`, received: `${req.path.length + req.query.length} bytes` });
    return uriTooLong(ctx);
  }

  if (route.auth === 'apig') {
    const ak = parseApigAuthorization(req.headers.authorization ?? '')?.ak;
    const known = ak === undefined ? undefined : ctx.sellers.byAk(ak);
    const until = known === undefined || lockout === undefined ? undefined : lockout.lockedUntil(known.ak, ctx.clock.wallNow());
    if (known !== undefined && until !== undefined) {
      x.sellerId = known.id;
      return lockedOut(ctx, known.ak, until, x);
    }
    const auth = authenticateApig(req, ctx);
    x.verdicts.push(auth.verdict);
    if (!auth.ok) {
      if (auth.sellerId !== undefined) x.sellerId = auth.sellerId;
      if (known !== undefined) lockout?.failed(known.ak, ctx.clock.wallNow());
      return auth.response;
    }
    if (known !== undefined) lockout?.succeeded(known.ak);
    x.caller = auth.caller;
    x.sellerId = auth.caller.id;
    if (!limiter.take(auth.caller.id, ctx.clock.wallNow())) {
      x.verdicts.push({ id: 'rate-limit', ok: false, expected: `at most ${ctx.profile.rateLimitPerSecond} calls per second`, received: 'over the limit' });
      return toRateLimited(route.envelope, ctx.profile.rateLimitPerSecond);
    }
  }

  try {
    const handlerCtx = { ...ctx, ...(x.caller === undefined ? {} : { caller: x.caller }), report: (v: CheckResult) => void x.verdicts.push(v) };
    return await route.handle(req, found.match.params, handlerCtx);
  } catch (e) {
    // The seller sees only the documented code; the journal keeps the message (never the stack).
    x.verdicts.push({ id: 'handler.exception', ok: false, received: errorMessage(e), hint: 'a koomock bug or a store failure; please report it' });
    return toInternalError(route.envelope);
  }
}

function appendToJournal(ctx: EmulatorContext, req: ApiRequest, res: ApiResponse, x: Exchange, startedAt: number, startedWall: number): void {
  try {
    ctx.store.appendExchange({
      direction: 'inbound',
      operation: x.operation,
      ...(x.sellerId === undefined ? {} : { sellerId: x.sellerId }),
      request: toJournalRequest(req),
      response: toJournalResponse(res),
      startedAt,
      durationMs: Math.max(0, ctx.clock.wallNow() - startedWall),
      verdicts: x.verdicts,
    });
  } catch {
    // The journal must never cost the seller its answer (a closed store, a full disk).
  }
}
