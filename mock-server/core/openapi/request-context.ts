import type { CheckResult } from '../result.js';
import type { EmulatorContext, SellerAccount } from './context.js';
import type { Route } from './route.js';

/**
 * What a handler sees: the emulator context plus what the pipeline learnt about this request.
 * Both fields are optional so the table still types as `Route<EmulatorContext>[]` for adapters,
 * which register paths from it but always call `createOpenApi(ctx).handle()`.
 */
export interface OpenApiContext extends EmulatorContext {
  /** The seller the APIG check identified; set by the pipeline for `auth: 'apig'` routes. */
  readonly caller?: SellerAccount;
  /** Where a handler reports its checks (e.g. `usage.signature`) for the journal. */
  readonly report?: (verdict: CheckResult) => void;
}

/** Which error body an operation answers with (open-api.md §3: the envelopes differ by API). */
export type Envelope = 'result' | 'mkt' | 'cbc' | 'oauth';

/** A route of the fake Open APIs. */
export interface OpenApiRoute extends Route<OpenApiContext> {
  readonly envelope: Envelope;
  /** The route stores data that must survive a crash: its answer waits for the commit (Store.durable). */
  readonly durable?: boolean;
}

/**
 * The calling seller. Missing only when a route's handler is called outside the pipeline: a bug.
 * @example const seller = requireCaller(ctx);
 */
export function requireCaller(ctx: OpenApiContext): SellerAccount {
  if (ctx.caller === undefined) {
    throw new Error('koomock bug: an APIG route ran without an identified caller; call createOpenApi(ctx).handle(), not route.handle()');
  }
  return ctx.caller;
}

/** Reports one check to the journal of this exchange. */
export const report = (ctx: OpenApiContext, verdict: CheckResult): void => ctx.report?.(verdict);
