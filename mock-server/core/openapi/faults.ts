/**
 * The fault-injection hook of the fake Open APIs. The pipeline asks `before()` once per matched
 * request, right after routing and before anything else, so an injected answer looks exactly like
 * the platform failing (latency, an error body, a reset connection, a host that is down).
 * `createFaultPlan()` (fault-plan.ts) is the injector rules drive; `NO_FAULTS` changes nothing.
 */
import type { ApiRequest, ApiResponse } from '../http-types.js';

/**
 * What to do with one request: carry on, answer this instead, or drop the connection. `note` says
 * which fault acted (a latency leaves `none` with a note), for the journal.
 */
export type FaultOutcome =
  | { readonly kind: 'none'; readonly note?: string }
  | { readonly kind: 'respond'; readonly response: ApiResponse; readonly note?: string }
  | { readonly kind: 'reset'; readonly note?: string };

export interface FaultInjector {
  /** May wait (latency) before answering; must not throw (a throw counts as a handler exception). */
  before(routeId: string, req: ApiRequest): FaultOutcome | Promise<FaultOutcome>;
}

export const NO_FAULTS: FaultInjector = Object.freeze({ before: (): FaultOutcome => ({ kind: 'none' }) });

/** The body marker of a "reset the connection" answer; adapters destroy the socket instead of answering. */
export const CONNECTION_RESET: unique symbol = Symbol.for('koomock.connection-reset');

/**
 * The answer `handle()` returns for a `reset` fault.
 * @example if (isConnectionReset(res)) socket.destroy();
 */
export const toConnectionResetResponse = (): ApiResponse => ({ status: 0, headers: {}, body: CONNECTION_RESET });

/** True for the answer of a `reset` fault: the adapter must drop the connection without answering. */
export const isConnectionReset = (res: ApiResponse): boolean => res.body === CONNECTION_RESET;
