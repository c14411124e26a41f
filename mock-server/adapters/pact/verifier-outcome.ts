/**
 * What Pact's verifier reports, read back: it resolves with a JSON summary or rejects with that
 * summary as the error message. Pact's own console output goes to stdout meanwhile.
 */

export interface PactMismatch {
  readonly type?: string;
  readonly path?: string;
  readonly key?: string;
  readonly mismatch?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
}

export interface InteractionFailure {
  /** The interaction's description (Pact's "Verifying a pact … - " prefix removed). */
  readonly interaction: string;
  readonly mismatches: readonly PactMismatch[];
  /** A state setup or request error, when there were no mismatches to show. */
  readonly error?: string;
}

export interface VerifierOutcome {
  readonly ok: boolean;
  readonly results: readonly { readonly description: string; readonly result: string }[];
  readonly failures: readonly InteractionFailure[];
}

interface Summary {
  interactionResults?: { description: string; result: string }[];
  errors?: { interaction: string; mismatch?: { mismatches?: PactMismatch[]; message?: string; type?: string } }[];
}

/**
 * @example
 *   const outcome = await verifier.verifyProvider().then((t) => toVerifierOutcome(t, true), (e) => toVerifierOutcome(e, false));
 */
export function toVerifierOutcome(result: unknown, ok: boolean): VerifierOutcome {
  const text = result instanceof Error ? result.message : String(result);
  let summary: Summary;
  try {
    summary = JSON.parse(text) as Summary;
  } catch {
    return { ok: false, results: [], failures: [{ interaction: '(verification)', mismatches: [], error: text.slice(0, 2000) }] };
  }
  const failures = (summary.errors ?? []).map((e) => ({
    interaction: e.interaction.replace(/^Verifying a pact between .*? - /, ''),
    mismatches: e.mismatch?.mismatches ?? [],
    ...(e.mismatch?.mismatches === undefined ? { error: e.mismatch?.message ?? JSON.stringify(e.mismatch ?? {}).slice(0, 2000) } : {}),
  }));
  return { ok: ok && failures.length === 0, results: summary.interactionResults ?? [], failures };
}
