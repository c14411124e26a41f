/** Why a signature (or similar proof) was not accepted. */
export type VerdictReason = 'missing' | 'malformed' | 'mismatch' | 'stale' | 'future' | 'replayed';

export interface VerdictOk {
  readonly ok: true;
}

export interface VerdictFail {
  readonly ok: false;
  readonly reason: VerdictReason;
  /** One sentence a seller's engineer can act on. */
  readonly detail: string;
}

/** Outcome of every `verify*()` in core/signing: `ok`, or a typed reason. */
export type Verdict = VerdictOk | VerdictFail;

export const verdictOk: VerdictOk = Object.freeze({ ok: true });

export const verdictFail = (reason: VerdictReason, detail: string): VerdictFail => ({ ok: false, reason, detail });

/** One check of a seller's behaviour. Checks never throw; a report is a list of these. */
export interface CheckResult {
  /** Stable id, e.g. `response.schema`; documented in docs/checks.md. */
  readonly id: string;
  readonly ok: boolean;
  /** `warn` results are reported but do not fail the run. */
  readonly severity?: 'error' | 'warn';
  readonly expected?: string;
  readonly received?: string;
  readonly hint?: string;
}
