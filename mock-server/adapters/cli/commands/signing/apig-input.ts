// The date parser alone (no imports): `koomock --help` must not load the signing code.
import { parseSdkDate } from '../../../../core/signing/apig/sdk-date.js';
import type { CliIo } from '../../io.js';
import { flagError, readBytesArg } from './input.js';

/** What the `sign apig` and `verify apig` flags describe: the request as sent. */
interface ApigFlags {
  readonly method?: string;
  readonly url?: string;
  readonly date?: string;
  readonly header: readonly string[];
}

/** The options `sign apig` and `verify apig` share: the credentials and the request as sent. */
export interface ApigOptions extends ApigFlags {
  readonly ak?: string;
  readonly sk?: string;
  readonly body?: string;
}

interface ApigRequestInput {
  readonly method: string;
  readonly url: URL;
  /** Header names as given; `Host` and `X-Sdk-Date` included. */
  readonly headers: Record<string, string>;
  readonly date: string;
}

/**
 * The request flags checked (see `toApigRequestInput`), then the body: `--body` text, @file or - (stdin); empty without it.
 * @example
 *   const { method, url, headers, date, body } = await readApigRequest(o, io);
 */
export async function readApigRequest(o: ApigOptions, io: Pick<CliIo, 'cwd' | 'stdin'>): Promise<ApigRequestInput & { readonly body: Uint8Array }> {
  const input = toApigRequestInput(o);
  const body = o.body === undefined ? new Uint8Array() : await readBytesArg(o.body, '--body', io);
  return { ...input, body };
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * Reads the request flags; `X-Sdk-Date` comes from `--date` or a `--header 'X-Sdk-Date: …'`,
 * `Host` from a `--header` or else from the URL (as the signers do).
 * @example
 *   toApigRequestInput({ method: 'GET', url: 'https://mkt.myhuaweicloud.com/api/…', date: '20241121T090846Z',
 *     header: ['Content-Type: application/json'] });
 */
export function toApigRequestInput(flags: ApigFlags): ApigRequestInput {
  const method = flags.method ?? '';
  if (!/^[A-Za-z]{1,20}$/.test(method)) {
    throw flagError('--method', method === '' ? 'is missing' : 'is not an HTTP method', 'pass the method sent, e.g. --method GET');
  }
  const url = toUrl(flags.url);
  const headers = toHeaders(flags.header);
  const dateName = Object.keys(headers).find((n) => n.toLowerCase() === 'x-sdk-date');
  const fromHeader = dateName === undefined ? undefined : headers[dateName]?.trim();
  if (flags.date !== undefined && fromHeader !== undefined && flags.date !== fromHeader) {
    throw flagError('--date', 'differs from the X-Sdk-Date header given', 'pass the date once, with --date or --header');
  }
  const date = flags.date ?? fromHeader;
  if (date === undefined || date === '') {
    throw flagError('--date', 'is missing', 'pass the X-Sdk-Date sent, in UTC, e.g. --date 20191115T033655Z');
  }
  if (parseSdkDate(date) === undefined) {
    throw flagError('--date', `${JSON.stringify(date.slice(0, 40))} is not yyyyMMddTHHmmssZ`, 'pass the UTC time in basic ISO form, e.g. 20191115T033655Z');
  }
  headers[dateName ?? 'X-Sdk-Date'] = date;
  if (!Object.keys(headers).some((n) => n.toLowerCase() === 'host')) headers.Host = url.host;
  return { method, url, headers, date };
}

function toUrl(text: string | undefined): URL {
  if (text === undefined || text === '') throw flagError('--url', 'is missing', 'pass the full URL called, e.g. --url https://mkt.myhuaweicloud.com/api/…/order/query?orderId=…');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw flagError('--url', 'is not an absolute URL', 'pass the full URL with scheme and host, e.g. https://mkt.myhuaweicloud.com/api/…');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw flagError('--url', `has scheme ${url.protocol}`, 'pass an http:// or https:// URL');
  return url;
}

/** `--header 'Name: value'` lines to a record; a name given twice or `Authorization` is refused. */
function toHeaders(lines: readonly string[]): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!TOKEN.test(name)) {
      // The line is not echoed: a header value may be a credential.
      throw flagError('--header', `number ${index + 1} is not "Name: value"`, "pass one header per flag, e.g. --header 'Content-Type: application/json'");
    }
    const lower = name.toLowerCase();
    if (lower === 'authorization') {
      throw flagError('--header', 'cannot be Authorization: that is the result, not an input', 'leave it out (verify takes it as --authorization)');
    }
    if (seen.has(lower)) throw flagError('--header', `gives ${name} twice`, 'pass each header once');
    seen.add(lower);
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}
