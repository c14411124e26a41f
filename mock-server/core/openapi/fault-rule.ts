/**
 * Fault rules: what a seller asks the fake Open APIs to get wrong, so it can test its own timeouts,
 * retries and host failover (docs/security.md "Fault injection"). Plain data, JSON in and out of
 * the admin API and scenario files.
 */

/** What happens to a matching request. */
export type FaultAction =
  /** Wait this many wall-clock ms, then answer normally (or as the next matching rule says). */
  | { readonly kind: 'latency'; readonly ms: number }
  /**
   * Answer a documented error in the operation's own envelope. `code` omitted: a bare gateway
   * error with a text body (a load balancer's 502/503), `status` then required.
   */
  | { readonly kind: 'error'; readonly code?: string; readonly status?: number }
  /** Drop the connection without answering (the seller sees ECONNRESET / "socket hang up"). */
  | { readonly kind: 'reset' }
  /** The host is unreachable: its connections are reset at once, before any answer. */
  | { readonly kind: 'host-down' };

export type FaultKind = FaultAction['kind'];

export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'error', 'reset', 'host-down'];

/** Where a rule applies: every scenario (absent), one scenario, or one step of it. */
export interface FaultScope {
  readonly scenario?: string;
  readonly step?: string;
}

/** A rule as given (admin API body, scenario `faults:` entry), after validation. */
export interface FaultRuleInput extends FaultScope {
  /** Chosen by the caller, or `fault-<n>`. */
  readonly id?: string;
  /** An Open API operation id (`order.query`, `usage.push`, ...) or `*` for every operation. */
  readonly operation: string;
  /** Only requests to this host name (one of `server.hostNames`); every host when absent. */
  readonly host?: string;
  /** Fire this many times, then expire (kept in the list, with its count); unlimited when absent. */
  readonly times?: number;
  readonly action: FaultAction;
}

/** A rule as the plan lists it. */
export interface FaultRule extends FaultRuleInput {
  readonly id: string;
  /** How many requests (or connections, for host-down) it changed so far. */
  readonly fired: number;
  /** False once `times` is used up. */
  readonly active: boolean;
}

/**
 * A one-line description of an action, for the journal and reports.
 * @example describeFaultAction({ kind: 'error', code: 'MKT.0999' }) // 'error MKT.0999'
 */
export function describeFaultAction(action: FaultAction): string {
  switch (action.kind) {
    case 'latency':
      return `latency ${action.ms} ms`;
    case 'error':
      return ['error', action.code, action.status === undefined ? undefined : `HTTP ${action.status}`].filter((s) => s !== undefined).join(' ');
    case 'reset':
      return 'reset';
    case 'host-down':
      return 'host-down';
  }
}
