import type { ApigAuthorization } from './apig.js';
import { type ApigCanonicalParts, headerValue, type QueryPair } from './canonical.js';
import type { ApigRequest } from './verify.js';
import type { KnownMistake } from '../mistakes.js';

/** Everything a mistake rule may vary, computed once per diagnosis. */
export interface ApigDiagnosisContext {
  readonly req: ApigRequest;
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Undefined when the Authorization header is absent or does not parse. */
  readonly auth: ApigAuthorization | undefined;
  /** Normalised signed header names the correct computation used. */
  readonly signedHeaders: readonly string[];
  /** The X-Sdk-Date value sent ('' when absent). */
  readonly date: string;
  readonly queryPairs: readonly QueryPair[];
  /** The correct canonical request, part by part. */
  readonly parts: ApigCanonicalParts;
  readonly sk: string;
}

/**
 * One alternative computation. Unset fields keep the correct value. `stringToSign` gets the variant's
 * canonical request; `signature` post-processes the lower-hex result.
 */
export interface ApigVariant {
  readonly parts?: Partial<ApigCanonicalParts>;
  readonly date?: string;
  readonly stringToSign?: (canonicalRequest: string) => string;
  readonly key?: string | Uint8Array;
  readonly signature?: (hex: string) => string;
}

/** A known mistake and the computations that reproduce it. */
export interface ApigMistakeRule extends KnownMistake {
  readonly variants: (ctx: ApigDiagnosisContext) => Iterable<ApigVariant>;
}

/** How one canonical header line is written: the name as signed, and its value. */
export interface HeaderLine {
  readonly name: string;
  readonly value: string;
}

/** The signed headers as `name`/untrimmed value pairs, in the order of the correct computation. */
export const signedHeaderLines = (ctx: ApigDiagnosisContext): HeaderLine[] =>
  ctx.signedHeaders.map((name) => ({ name, value: headerValue(ctx.headers, name) ?? '' }));

/** Canonical header lines from explicit pairs (values trimmed unless told otherwise). */
export const toHeaderBlock = (lines: readonly HeaderLine[], trim = true): string =>
  lines.map((l) => `${l.name}:${trim ? l.value.trim() : l.value}\n`).join('');

/** Header block with some values replaced (lower-case names), e.g. another x-sdk-date. */
export const headersWith = (ctx: ApigDiagnosisContext, values: Readonly<Record<string, string>>): string =>
  toHeaderBlock(signedHeaderLines(ctx).map((l) => (Object.hasOwn(values, l.name) ? { ...l, value: values[l.name] ?? '' } : l)));
