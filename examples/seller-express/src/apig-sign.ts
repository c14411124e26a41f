import { createHash, createHmac } from 'node:crypto';

/**
 * Huawei APIG "SDK-HMAC-SHA256" request signing (open-api.md §2), needed for every call to the
 * KooGallery Open APIs (order query, usage push). Structurally AWS SigV4, with three traps:
 * the canonical URI always ends in "/", the string to sign has no credential scope, and the
 * SK itself is the HMAC key.
 */

export const APIG_ALGORITHM = 'SDK-HMAC-SHA256';

/** RFC 3986 encoding: encodeURIComponent leaves !'()* alone, APIG does not. */
const encodeRfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function toCanonicalUri(pathname: string): string {
  const uri = pathname.split('/').map((segment) => encodeRfc3986(decodeURIComponent(segment))).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function toCanonicalQuery(search: string): string {
  const params = [...new URLSearchParams(search)].map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const);
  params.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return params.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * `X-Sdk-Date`: UTC in basic ISO format.
 * @example
 *   toSdkDate(new Date('2019-11-15T03:36:55Z')); // '20191115T033655Z'
 */
export const toSdkDate = (date: Date): string => `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

export interface ApigRequest {
  readonly method: string;
  readonly url: string;
  /** Headers to send and sign (any case); `host` is added from the URL when absent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/** The canonical request and string to sign, exposed so a failed call can be debugged. */
export function computeApigStringToSign(req: ApigRequest, sdkDate: string): { canonicalRequest: string; stringToSign: string; signedHeaders: string } {
  const url = new URL(req.url);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) headers.set(name.toLowerCase(), value.trim());
  if (!headers.has('host')) headers.set('host', url.host);
  headers.set('x-sdk-date', sdkDate);
  const names = [...headers.keys()].sort();
  const canonicalRequest = [
    req.method.toUpperCase(),
    toCanonicalUri(url.pathname),
    toCanonicalQuery(url.search),
    names.map((n) => `${n}:${headers.get(n) ?? ''}\n`).join(''),
    names.join(';'),
    sha256Hex(req.body),
  ].join('\n');
  const stringToSign = `${APIG_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
  return { canonicalRequest, stringToSign, signedHeaders: names.join(';') };
}

/**
 * Returns the headers to add to the request: `X-Sdk-Date` and `Authorization`.
 * Every header in `req.headers` (plus host and x-sdk-date) is signed.
 * @example
 *   const extra = signApigRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, body: '' }, ak, sk);
 *   await fetch(url, { headers: { 'Content-Type': 'application/json', ...extra } });
 */
export function signApigRequest(req: ApigRequest, ak: string, sk: string, date: Date = new Date()): { 'X-Sdk-Date': string; Authorization: string } {
  const sdkDate = toSdkDate(date);
  const { stringToSign, signedHeaders } = computeApigStringToSign(req, sdkDate);
  const signature = createHmac('sha256', sk).update(stringToSign, 'utf8').digest('hex');
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${APIG_ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
