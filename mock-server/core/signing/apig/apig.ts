import { inputError } from '../../errors.js';
import {
  APIG_ALGORITHM,
  computeApigSignature,
  joinApigCanonicalRequest,
  toApigCanonicalParts,
  toApigStringToSign,
  toLowerCaseHeaders,
  toSignedHeaderList,
} from './canonical.js';
import { toSdkDate } from './sdk-date.js';

/** A request to sign, the way a seller's code has it. */
export interface ApigSignInput {
  readonly method: string;
  /** Full URL; host (with port, if any), path and query are signed as they appear here. */
  readonly url: string;
  /** Any header-name case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Exactly the bytes that will be sent (UTF-8 for a string). */
  readonly body?: string | Uint8Array;
  readonly ak: string;
  readonly sk: string;
  /** `X-Sdk-Date` to use; else the request's own X-Sdk-Date header; else `now`. */
  readonly date?: string;
  /** Wall-clock ms, used only when no date is given (the core has no clock of its own). */
  readonly now?: number;
  /** Headers to sign (Go-SDK style: `['host', 'x-sdk-date']`); default every header, like the JS signer. */
  readonly signedHeaders?: readonly string[];
}

export interface ApigSigned {
  /** The `Authorization` header value to send. */
  readonly authorization: string;
  /** The request headers with `Host` and `X-Sdk-Date` added (send these plus Authorization). */
  readonly headers: Record<string, string>;
  readonly signedHeaders: readonly string[];
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

/** The three fields of an `Authorization: SDK-HMAC-SHA256 …` header. */
export interface ApigAuthorization {
  readonly ak: string;
  /** As declared by the client, split on `;` (not normalised). */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

// The regex of the APIG verification sample (open-api.md §2.3), anchored at both ends.
const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,]+),\s?SignedHeaders=([^,]+),\s?Signature=(\w+)\s*$/;

/**
 * Signs a request with APIG `SDK-HMAC-SHA256` (open-api.md §2.1).
 * @example
 *   const s = signApigRequest({ method: 'GET', url: 'https://mkt.myhuaweicloud.com/api/…/order/query?orderId=X',
 *     headers: { 'Content-Type': 'application/json' }, ak, sk, now: clock.wallNow() });
 *   await fetch(url, { headers: { ...s.headers, Authorization: s.authorization } });
 */
export function signApigRequest(input: ApigSignInput): ApigSigned {
  const url = parseUrl(input.url);
  const headers: Record<string, string> = { ...input.headers };
  const lower = toLowerCaseHeaders(headers);
  const date = input.date ?? lower['x-sdk-date'] ?? (input.now === undefined ? undefined : toSdkDate(input.now));
  if (date === undefined) throw inputError('signApigRequest needs a date: pass `date`, an X-Sdk-Date header, or `now`');
  setHeader(headers, 'X-Sdk-Date', date);
  if (lower.host === undefined) headers.Host = url.host;

  const all = toLowerCaseHeaders(headers);
  const signedHeaders = toSignedHeaderList(input.signedHeaders ?? Object.keys(all).filter((n) => n !== 'authorization'));
  const absent = signedHeaders.filter((n) => all[n] === undefined);
  if (absent.length > 0) {
    throw inputError(`signedHeaders names headers the request does not have: ${absent.join(', ')}`, { absent });
  }
  const rawBody = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : (input.body ?? new Uint8Array());
  const parts = toApigCanonicalParts({
    method: input.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers: all,
    rawBody,
    signedHeaders,
  });
  const canonicalRequest = joinApigCanonicalRequest(parts);
  const stringToSign = toApigStringToSign(date, canonicalRequest);
  const signature = computeApigSignature(stringToSign, input.sk);
  return {
    authorization: toApigAuthorization({ ak: input.ak, signedHeaders, signature }),
    headers,
    signedHeaders,
    canonicalRequest,
    stringToSign,
    signature,
  };
}

/**
 * The Authorization header value: `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`.
 * @example
 *   toApigAuthorization({ ak: 'AK', signedHeaders: ['host', 'x-sdk-date'], signature: 'ab12' });
 */
export const toApigAuthorization = (a: ApigAuthorization): string =>
  `${APIG_ALGORITHM} Access=${a.ak}, SignedHeaders=${a.signedHeaders.join(';')}, Signature=${a.signature}`;

/**
 * Parses an Authorization header with the regex of the APIG verification sample; undefined when it
 * does not match.
 * @example
 *   parseApigAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab12');
 *   // { ak: 'AK', signedHeaders: ['host', 'x-sdk-date'], signature: 'ab12' }
 */
export function parseApigAuthorization(value: string): ApigAuthorization | undefined {
  const m = AUTHORIZATION.exec(value.trim());
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { ak: m[1].trim(), signedHeaders: m[2].trim().split(';'), signature: m[3] };
}

/**
 * A canonical request on one line, `\n` shown as `|`, the way APIG prints it in its error messages
 * (docs/fidelity.md#d21, debug mode).
 * @example
 *   toDebugCanonical('GET\n/v1/\n'); // 'GET|/v1/|'
 */
export const toDebugCanonical = (canonicalRequest: string): string => canonicalRequest.replaceAll('\n', '|');

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch (cause) {
    throw inputError(`not an absolute URL: ${JSON.stringify(text)}; expected e.g. https://mkt.myhuaweicloud.com/api/…`, {}, cause);
  }
}

/** Sets a header, reusing the existing spelling of its name if there is one. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const existing = Object.keys(headers).find((n) => n.toLowerCase() === name.toLowerCase());
  headers[existing ?? name] = value;
}
