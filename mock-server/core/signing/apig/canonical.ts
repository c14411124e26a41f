import { createHash } from 'node:crypto';
import { hmacSha256 } from '../hmac.js';
import { decodeUriComponentSafe, encodeRfc3986 } from './rfc3986.js';

/** Algorithm tag of Huawei APIG AK/SK signing (open-api.md §2). */
export const APIG_ALGORITHM = 'SDK-HMAC-SHA256';
/** Payload hash literal used when the request carries `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** The six parts of a canonical request, kept apart so a diagnosis can vary one at a time. */
export interface ApigCanonicalParts {
  readonly method: string;
  readonly uri: string;
  readonly query: string;
  /** One `name:value\n` line per signed header. */
  readonly headers: string;
  /** Signed header names joined with `;`. */
  readonly signedHeaders: string;
  readonly payloadHash: string;
}

/** What a canonical request is built from; `headers` have lower-case names. */
export interface ApigCanonicalInput {
  readonly method: string;
  /** Path as sent (percent-encoded), without the query. */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: Uint8Array;
  /** Lower-case, sorted, as produced by `toSignedHeaderList`. */
  readonly signedHeaders: readonly string[];
}

/** A decoded query parameter, in the order it was sent. */
export interface QueryPair {
  readonly key: string;
  readonly value: string;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** SHA-256 of no bytes: the payload hash of every GET, computed once. */
const EMPTY_SHA256 = sha256Hex(new Uint8Array());

/**
 * Canonical URI: each path segment decoded then RFC 3986 encoded, always ending in `/`.
 * @example
 *   toApigCanonicalUri('/v1/abc/vpcs'); // '/v1/abc/vpcs/'
 */
export function toApigCanonicalUri(path: string): string {
  const uri = path
    .split('/')
    .map((segment) => encodeRfc3986(decodeUriComponentSafe(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Query parameters as the signers read them (`URLSearchParams`: `+` is a space, `k` alone is `k=`). */
export const parseQueryPairs = (query: string): QueryPair[] =>
  [...new URLSearchParams(query)].map(([key, value]) => ({ key, value }));

/**
 * Canonical query string: `enc(k)=enc(v)` joined by `&`, sorted by encoded key, then encoded value.
 * @example
 *   toApigCanonicalQuery('marker=x&limit=2'); // 'limit=2&marker=x'
 */
export const toApigCanonicalQuery = (query: string): string => renderQueryPairs(parseQueryPairs(query));

/** Renders pairs with a given encoder, sorted (the correct way) or in the order given. */
export function renderQueryPairs(
  pairs: readonly QueryPair[],
  encode: (text: string) => string = encodeRfc3986,
  sorted = true,
): string {
  const rendered = pairs.map((p) => [encode(p.key), encode(p.value)] as const);
  if (sorted) rendered.sort(([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb));
  return rendered.map(([k, v]) => `${k}=${v}`).join('&');
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Copy of `headers` with lower-case names (the last of two spellings wins). */
export function toLowerCaseHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  // No prototype: header names are untrusted (`__proto__`, `constructor`).
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  return out;
}

/**
 * Normalises a SignedHeaders list: lower case, no duplicates, sorted.
 * @example
 *   toSignedHeaderList(['X-Sdk-Date', 'host']); // ['host', 'x-sdk-date']
 */
export const toSignedHeaderList = (names: readonly string[]): string[] =>
  [...new Set(names.map((n) => n.toLowerCase()))].sort(compare);

/** `name:trim(value)\n` for each signed header; an absent header signs as an empty value. */
export const toApigCanonicalHeaders = (
  names: readonly string[],
  headers: Readonly<Record<string, string>>,
  trim = true,
): string =>
  names
    .map((name) => {
      const value = headerValue(headers, name) ?? '';
      return `${name}:${trim ? value.trim() : value}\n`;
    })
    .join('');

/** A header's value by lower-case name, own properties only (names come from untrusted SignedHeaders). */
export const headerValue = (headers: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.hasOwn(headers, name) ? headers[name] : undefined;

/** Lower-case hex SHA-256 of the raw body, or `UNSIGNED-PAYLOAD` when the request says so. */
export const computeApigPayloadHash = (rawBody: Uint8Array, headers: Readonly<Record<string, string>>): string =>
  headerValue(headers, 'x-sdk-content-sha256')?.trim() === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD : rawBody.length === 0 ? EMPTY_SHA256 : sha256Hex(rawBody);

/** The six parts of the canonical request of open-api.md §2.1. */
export const toApigCanonicalParts = (input: ApigCanonicalInput): ApigCanonicalParts => ({
  method: input.method.toUpperCase(),
  uri: toApigCanonicalUri(input.path),
  query: toApigCanonicalQuery(input.query),
  headers: toApigCanonicalHeaders(input.signedHeaders, input.headers),
  signedHeaders: input.signedHeaders.join(';'),
  payloadHash: computeApigPayloadHash(input.rawBody, input.headers),
});

/** The canonical request text: the six parts joined with `\n`. */
export const joinApigCanonicalRequest = (p: ApigCanonicalParts): string =>
  [p.method, p.uri, p.query, p.headers, p.signedHeaders, p.payloadHash].join('\n');

/**
 * StringToSign: algorithm tag, the X-Sdk-Date value, and the SHA-256 of the canonical request.
 * @example
 *   toApigStringToSign('20191115T033655Z', cr); // 'SDK-HMAC-SHA256\n20191115T033655Z\nb253…'
 */
export const toApigStringToSign = (sdkDate: string, canonicalRequest: string): string =>
  `${APIG_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;

/**
 * Lower-case hex HMAC-SHA256 of the StringToSign, keyed with the SK's UTF-8 bytes (no key derivation).
 * @example
 *   computeApigSignature(stringToSign, 'MFyfvK41…'); // '7be66680…'
 */
export const computeApigSignature = (stringToSign: string, sk: string | Uint8Array): string =>
  hmacSha256(sk, stringToSign).toString('hex');
