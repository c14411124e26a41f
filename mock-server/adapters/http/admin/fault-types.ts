/** What the fault injection endpoints answer (`/_koomock/faults`); no express here, so the package's types need none. */
import type { FaultRule, FaultScope } from '../../../core/openapi/fault-rule.js';

/** `GET /_koomock/faults`. */
export interface FaultList {
  readonly rules: readonly FaultRule[];
  /** `server.hostNames`, the primary host first: what a rule's `host` may name. */
  readonly hostNames: readonly string[];
  /** Where each platform host name is served (`name -> base URL`). */
  readonly hosts: Readonly<Record<string, string>>;
}

/** `POST /_koomock/faults` (201). */
export interface FaultAdded {
  readonly rule: FaultRule;
}

/** `DELETE /_koomock/faults[/{id}]`. */
export interface FaultsRemoved {
  readonly removed: number;
}

/** `PUT /_koomock/faults/scope`: the scenario (and step) being played, for scoped rules. */
export interface FaultScopeState {
  readonly scope: FaultScope | null;
}
