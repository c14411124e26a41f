/**
 * A known way to get a signature wrong. When a variant of the canonical computation reproduces the
 * signature a seller sent, koomock names the variant, so the seller knows exactly what to fix.
 */
export interface KnownMistake {
  /** Stable id, e.g. `body-not-sorted`, `missing-trailing-slash`. */
  readonly id: string;
  /** What the seller's code did, and what to do instead (English). */
  readonly en: string;
  /** The same in Chinese. */
  readonly zh: string;
}

/** A diagnosis: what koomock computed, and which known mistakes reproduce the given signature. */
export interface SignatureDiagnosis {
  /** The canonical string (or request) koomock built for the correct computation. */
  readonly canonical: string;
  /** The signature koomock expected. */
  readonly expected: string;
  /** Mistakes whose variant computation reproduces the given signature (empty: no known mistake matches). */
  readonly mistakes: readonly KnownMistake[];
}
