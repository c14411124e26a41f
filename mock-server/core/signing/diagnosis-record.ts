/**
 * The signature debugger's record: when a seller's APIG or usage-push signature fails, the journal
 * keeps what koomock signed and which known mistakes reproduce the seller's signature, always (the
 * answer body shows them only in debug mode, docs/fidelity.md#d21), as a `diagnosis` field of the failed check
 * (a CheckResult with one more field, JSON-safe). Reports read it back from the journal.
 */
import type { KnownMistake } from './index.js';
import { isObject } from '../is-object.js';

/** Long enough for any real canonical request; a 12 MB usage body is cut. */
export const MAX_DIAGNOSIS_CANONICAL = 4_096;

export interface SignatureDiagnosisRecord {
  readonly scheme: 'apig' | 'usage';
  /**
   * What koomock signed: the APIG canonical request (lines joined with `\n`) or the usage
   * `ts={ts}&nonce={nonce}&body={body}` text; cut at MAX_DIAGNOSIS_CANONICAL characters.
   */
  readonly canonical: string;
  /** Known mistakes whose computation reproduces the seller's signature; empty when none does. */
  readonly mistakes: readonly KnownMistake[];
}

const cutCanonical = (text: string): string =>
  text.length > MAX_DIAGNOSIS_CANONICAL ? `${text.slice(0, MAX_DIAGNOSIS_CANONICAL - 1)}…` : text;

/**
 * @example toDiagnosisRecord('apig', diagnosis.canonical, diagnosis.mistakes)
 */
export const toDiagnosisRecord = (scheme: 'apig' | 'usage', canonical: string, mistakes: readonly KnownMistake[]): SignatureDiagnosisRecord => ({
  scheme,
  canonical: cutCanonical(canonical),
  mistakes: mistakes.map(({ id, en, zh }) => ({ id, en, zh })),
});

const isMistake = (v: unknown): v is KnownMistake =>
  isObject(v) && typeof v['id'] === 'string' && typeof v['en'] === 'string' && typeof v['zh'] === 'string';

/**
 * The diagnosis of a journaled verdict, when it has a well-formed one (the journal may come from
 * another koomock over the admin API, so nothing is assumed).
 * @example
 *   const d = readSignatureDiagnosis(exchange.verdicts[0]);
 *   d?.mistakes.map((m) => m.id); // ['missing-trailing-slash']
 */
export function readSignatureDiagnosis(verdict: unknown): SignatureDiagnosisRecord | undefined {
  if (!isObject(verdict)) return undefined;
  const d = verdict['diagnosis'];
  if (!isObject(d) || (d['scheme'] !== 'apig' && d['scheme'] !== 'usage') || typeof d['canonical'] !== 'string') return undefined;
  const mistakes = Array.isArray(d['mistakes']) ? d['mistakes'].filter(isMistake) : [];
  return toDiagnosisRecord(d['scheme'], d['canonical'], mistakes);
}
