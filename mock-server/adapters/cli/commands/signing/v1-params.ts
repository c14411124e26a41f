import { flagError } from './input.js';

/**
 * The query text of `--params`: a bare query (`a=1&b=2`), one with a leading `?`, or a whole URL.
 * @example
 *   toQueryText('https://seller.example.com/produce?activity=newInstance&timeStamp=1'); // 'activity=newInstance&timeStamp=1'
 */
export function toQueryText(params: string): string {
  if (/^https?:\/\//i.test(params)) {
    const at = params.indexOf('?');
    return at < 0 ? '' : params.slice(at + 1);
  }
  return params.replace(/^\?/, '');
}

/**
 * Parses `--params` the way a V1 seller must read its query (produce-api.md §6.4): `k=v` pairs split
 * on `&`, names and values URL-decoded (`+` is a space), the first of a repeated name wins.
 * @example
 *   parseV1Params('b=2&a=x%2By&timeStamp=20200727073711903'); // { b: '2', a: 'x+y', timeStamp: '20200727073711903' }
 */
export function parseV1Params(params: string): Record<string, string> {
  // No prototype: parameter names are user text (`__proto__`).
  const out = Object.create(null) as Record<string, string>;
  for (const piece of toQueryText(params).split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decode(eq < 0 ? piece : piece.slice(0, eq), piece);
    const value = decode(eq < 0 ? '' : piece.slice(eq + 1), piece);
    if (!Object.hasOwn(out, name)) out[name] = value;
  }
  if (!Object.hasOwn(out, 'timeStamp') || out.timeStamp === '') {
    throw flagError('--params', 'has no timeStamp', "pass the request's whole query string, e.g. --params 'activity=newInstance&…&timeStamp=20200727073711903'");
  }
  return out;
}

function decode(text: string, piece: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw flagError('--params', `has ${JSON.stringify(piece.slice(0, 60))}, which is not valid percent-encoding`, 'pass the query as received (UTF-8, %XX escapes)');
  }
}
