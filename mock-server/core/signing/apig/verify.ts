import { type Verdict, type VerdictReason, verdictFail, verdictOk } from '../../result.js';
import { parseApigAuthorization } from './apig.js';
import {
  computeApigSignature,
  headerValue,
  joinApigCanonicalRequest,
  toApigCanonicalParts,
  toApigStringToSign,
  toLowerCaseHeaders,
  toSignedHeaderList,
} from './canonical.js';
import { parseSdkDate } from './sdk-date.js';
import { secureEqual } from '../secure-equal.js';

/** The parts of a received request that APIG signing covers (an `ApiRequest` fits). */
export interface ApigRequest {
  readonly method: string;
  /** Path as received (not decoded), without the query. */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly query: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: Uint8Array;
}

export interface ApigVerifyOptions {
  /** The SK of an AK, undefined for an unknown AK. */
  readonly lookupSk: (ak: string) => string | undefined;
  /** Wall-clock ms. */
  readonly now: number;
  /** Allowed distance between X-Sdk-Date and `now`; default 15 min like APIG. */
  readonly skewMs?: number;
}

/** What the verifier rebuilt, for debug output (docs/fidelity.md#d21) and logs; present as far as the request allowed. */
export interface ApigVerifyContext {
  readonly canonicalRequest?: string;
  readonly ak?: string;
  /** Normalised (lower case, sorted) once they passed the checks; as declared before that. */
  readonly signedHeaders?: readonly string[];
}

export type ApigVerdict = Verdict & ApigVerifyContext;

const DEFAULT_SKEW_MS = 15 * 60_000;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const AUTH_SHAPE = 'SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names;joined;by;semicolons>, Signature=<lower-case hex>';

/**
 * Verifies an APIG `SDK-HMAC-SHA256` signature the way the marketplace gateway does (docs/fidelity.md#d20):
 * the canonical request is rebuilt from the client's own SignedHeaders, which must name `host` and
 * `x-sdk-date`; X-Sdk-Date must be within ±15 min; the signature is compared in constant time. An unknown
 * AK and a wrong signature get the same answer (docs/fidelity.md#d22).
 * @example
 *   const v = verifyApigRequest(apiRequest, { lookupSk: (ak) => keys.get(ak), now: clock.wallNow() });
 *   if (!v.ok) return apig0301(v.canonicalRequest);
 */
export function verifyApigRequest(req: ApigRequest, options: ApigVerifyOptions): ApigVerdict {
  const headers = toLowerCaseHeaders(req.headers);
  const authorization = headerValue(headers, 'authorization')?.trim();
  if (!authorization) {
    return fail('missing', `no Authorization header: expected \`${AUTH_SHAPE}\`; sign every Open API call with the account AK/SK`);
  }
  const sdkDate = headerValue(headers, 'x-sdk-date')?.trim();
  if (!sdkDate) {
    return fail('missing', 'no X-Sdk-Date header: send the UTC time you signed with, e.g. `X-Sdk-Date: 20191115T033655Z`');
  }
  const auth = parseApigAuthorization(authorization);
  if (!auth) {
    return fail('malformed', `Authorization ${quote(authorization)} does not parse: expected \`${AUTH_SHAPE}\``);
  }
  const declared = auth.signedHeaders;
  const context = { ak: auth.ak, signedHeaders: declared };
  const badName = declared.find((n) => !HEADER_NAME.test(n));
  if (badName !== undefined) {
    return fail('malformed', `SignedHeaders has an invalid name ${quote(badName)}: expected header names joined by ";"`, context);
  }
  const signedHeaders = toSignedHeaderList(declared);
  const required = ['host', 'x-sdk-date'].filter((n) => !signedHeaders.includes(n));
  if (required.length > 0) {
    return fail(
      'malformed',
      `SignedHeaders=${declared.join(';')} does not include ${required.join(' and ')}: sign host and x-sdk-date always`,
      context,
    );
  }
  const canonicalRequest = joinApigCanonicalRequest(
    toApigCanonicalParts({ method: req.method, path: req.path, query: req.query, headers, rawBody: req.rawBody, signedHeaders }),
  );
  const withCanonical = { ...context, signedHeaders, canonicalRequest };
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) {
    return fail('malformed', `X-Sdk-Date ${quote(sdkDate)} is not a UTC time like 20191115T033655Z (yyyyMMdd'T'HHmmss'Z')`, withCanonical);
  }
  const skewMs = options.skewMs ?? DEFAULT_SKEW_MS;
  const drift = signedAt - options.now;
  if (Math.abs(drift) > skewMs) {
    const reason = drift < 0 ? 'stale' : 'future';
    const direction = drift < 0 ? 'behind' : 'ahead of';
    return fail(
      reason,
      `X-Sdk-Date ${sdkDate} is ${minutes(drift)} min ${direction} koomock's clock (allowed ±${minutes(skewMs)} min): ` +
        'take X-Sdk-Date from a synchronised clock, in UTC, when signing each request',
      withCanonical,
    );
  }
  const sk = options.lookupSk(auth.ak);
  const expected = sk === undefined ? undefined : computeApigSignature(toApigStringToSign(sdkDate, canonicalRequest), sk);
  if (expected === undefined || !secureEqual(expected, auth.signature)) {
    const absent = signedHeaders.filter((n) => headerValue(headers, n) === undefined);
    const note = absent.length > 0 ? ` SignedHeaders names ${absent.join(', ')}, which the request does not carry.` : '';
    return fail(
      'mismatch',
      `signature does not match for Access=${auth.ak} (or the AK is unknown): check the AK/SK pair, then compare your ` +
        `canonical request with koomock's (debug mode) or run \`koomock verify apig\` to name the mistake.${note}`,
      withCanonical,
    );
  }
  return { ...verdictOk, ...withCanonical };
}

const fail = (reason: VerdictReason, detail: string, context: ApigVerifyContext = {}): ApigVerdict => ({
  ...verdictFail(reason, detail),
  ...context,
});

const quote = (text: string): string => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

const minutes = (ms: number): string => String(Math.round((Math.abs(ms) / 60_000) * 10) / 10);
