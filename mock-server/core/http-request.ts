/**
 * Node request -> ApiRequest, once, before anything looks at the body: signatures cover the bytes
 * exactly as they arrived, so nothing here decodes, trims or re-encodes.
 */
import type { ApiRequest } from './http-types.js';

/** Path and raw query of a request target; absolute-form (`GET http://h/p`) keeps only path and query. */
export function splitTarget(target: string): { path: string; query: string } {
  let pathAndQuery = target;
  if (!target.startsWith('/') && /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const afterScheme = target.indexOf('//') + 2;
    const slash = target.indexOf('/', afterScheme);
    const question = target.indexOf('?', afterScheme);
    const start = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
    pathAndQuery = start < 0 ? '/' : target.slice(start);
    if (pathAndQuery.startsWith('?')) pathAndQuery = `/${pathAndQuery}`;
  }
  const q = pathAndQuery.indexOf('?');
  return q < 0 ? { path: pathAndQuery, query: '' } : { path: pathAndQuery.slice(0, q), query: pathAndQuery.slice(q + 1) };
}

/**
 * The host name of a Host header value, lower case and without the port (`[::1]` keeps its brackets,
 * as URL.hostname does); undefined when the value is not a host.
 * @example toHostName('MKT.myhuaweicloud.com:443') // 'mkt.myhuaweicloud.com'
 */
export function toHostName(host: string | undefined): string | undefined {
  if (host === undefined || host === '' || /[\s/?#@\\]/.test(host)) return undefined;
  try {
    const name = new URL(`http://${host}`).hostname;
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/** Lower-case names (Node gives them so); repeated headers joined with ", " as ApiRequest documents. */
export function toHeaderRecord(distinct: Readonly<Record<string, readonly string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(distinct)) {
    if (values !== undefined) out[name.toLowerCase()] = values.join(', ');
  }
  return out;
}

/** What toApiRequest needs of a Node/express request. */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  /** express: `originalUrl` (mounting rewrites `url`); plain Node: `url`. */
  readonly target: string;
  readonly headersDistinct: Readonly<Record<string, readonly string[] | undefined>>;
}

/**
 * The one conversion of an incoming Node request.
 * @example toApiRequest({ method: req.method, target: req.originalUrl, headersDistinct: req.headersDistinct }, body)
 */
export function toApiRequest(req: NodeRequestLike, rawBody: Uint8Array): ApiRequest {
  const { path, query } = splitTarget(req.target);
  const headers = toHeaderRecord(req.headersDistinct);
  const host = toHostName(headers.host);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query,
    headers,
    rawBody,
    ...(host === undefined ? {} : { host }),
  };
}
