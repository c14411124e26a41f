import type { SignedRequest } from '../produce/types.js';
import type { AttackTools } from './attack-tools.js';

/** A forged request and, in words, what was broken (for reports; never a key). */
export interface Forgery {
  readonly request: SignedRequest;
  /** e.g. `signed with instanceId "…1", sent with instanceId "…0"`. */
  readonly detail: string;
}

/** One attack: a pure function from a valid, correctly signed request (of the attack's family) to a forgery. */
export type Attack = (request: SignedRequest, tools: AttackTools) => Forgery;

/** A timestamp this many ms in the past is stale for any seller (the window is 60 s). */
export const STALE_BY_MS = 5 * 60_000;

/**
 * A timestamp for `ms` in the request's unit (docs/fidelity.md#d3).
 * @example
 *   toTimestamp(1680508066618, 'seconds'); // '1680508066'
 */
export const toTimestamp = (ms: number, unit: AttackTools['timestampUnit']): string => String(unit === 'seconds' ? Math.floor(ms / 1000) : ms);
