/**
 * Ports: everything non-deterministic enters the core through these, so tests can fix it.
 */

/** Wall-clock time in ms since the epoch (signatures, X-Sdk-Date) and the virtual clock (retries, waits). */
export interface Clock {
  /** Real time: used where the seller checks it against its own clock. */
  wallNow(): number;
  /** Virtual time: drives retries, polling, expiry. */
  now(): number;
  /** Move virtual time forward by `ms` (never backwards). */
  advance(ms: number): void;
}

/** Random values: nonces, ids, UUIDs. */
export interface Random {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  uuid(): string;
}
