/**
 * A small, strict `multipart/form-data` parser (RFC 7578) over the raw body, for the file upload
 * API (open-api.md §3.2). Strict because a seller's malformed body should be named, not guessed at:
 * CRLF line breaks, a closing delimiter, a `Content-Disposition: form-data; name=…` on every part.
 * Bounded in parts and header size, so untrusted input cannot make it work hard.
 */

export interface MultipartPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Uint8Array;
}

export type MultipartResult =
  | { readonly ok: true; readonly parts: readonly MultipartPart[] }
  | { readonly ok: false; readonly detail: string };

export interface MultipartLimits {
  readonly maxParts?: number;
  readonly maxHeaderBytes?: number;
}

const DEFAULT_MAX_PARTS = 32;
const DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

const fail = (detail: string): MultipartResult => ({ ok: false, detail });

/**
 * The boundary of a `multipart/form-data` Content-Type, or a reason it has none.
 * @example toMultipartBoundary('multipart/form-data; boundary="abc"') // { ok: true, boundary: 'abc' }
 */
export function toMultipartBoundary(contentType: string | undefined): { ok: true; boundary: string } | { ok: false; detail: string } {
  const [type = '', ...params] = (contentType ?? '').split(';');
  if (type.trim().toLowerCase() !== 'multipart/form-data') {
    return { ok: false, detail: `Content-Type is ${JSON.stringify(contentType ?? '')}; expected multipart/form-data; boundary=…` };
  }
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    let value = param.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!BOUNDARY.test(value)) return { ok: false, detail: `boundary ${JSON.stringify(value.slice(0, 80))} is not a valid RFC 2046 boundary (1-70 characters)` };
    return { ok: true, boundary: value };
  }
  return { ok: false, detail: 'Content-Type multipart/form-data has no boundary parameter' };
}

/** `name="x"` / `name=x` parameters of a Content-Disposition value; undefined when a parameter is malformed. */
function parseDisposition(value: string): { type: string; params: Map<string, string> } | undefined {
  const re = /;\s*([A-Za-z0-9_*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s"]*))\s*/y;
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params = new Map<string, string>();
  let at = semi < 0 ? value.length : semi;
  while (at < value.length) {
    re.lastIndex = at;
    const m = re.exec(value);
    if (m === null || m[1] === undefined) return undefined;
    params.set(m[1].toLowerCase(), m[2] === undefined ? (m[3] ?? '') : m[2].replace(/\\(.)/g, '$1'));
    at = re.lastIndex;
  }
  return { type, params };
}

function parseHeaders(block: string): Map<string, string> | string {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `part header line ${JSON.stringify(line.slice(0, 80))} is not "Name: value"`;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function toPart(headerBytes: Uint8Array, data: Uint8Array, index: number): MultipartPart | string {
  const headers = parseHeaders(Buffer.from(headerBytes).toString('utf8'));
  if (typeof headers === 'string') return `part ${index}: ${headers}`;
  const disposition = headers.get('content-disposition');
  if (disposition === undefined) return `part ${index} has no Content-Disposition header; expected Content-Disposition: form-data; name="…"`;
  const parsed = parseDisposition(disposition);
  const name = parsed?.params.get('name');
  if (parsed?.type !== 'form-data' || name === undefined || name === '') {
    return `part ${index}: Content-Disposition ${JSON.stringify(disposition.slice(0, 120))} is not form-data with a name`;
  }
  const filename = parsed.params.get('filename');
  const contentType = headers.get('content-type');
  return { name, ...(filename === undefined ? {} : { filename }), ...(contentType === undefined ? {} : { contentType }), data };
}

/**
 * Splits a multipart/form-data body into its parts.
 * @example
 *   const r = parseMultipart(req.headers['content-type'], req.rawBody);
 *   if (r.ok) r.parts.find((p) => p.name === 'file')?.filename // "111.jpg"
 */
export function parseMultipart(contentType: string | undefined, body: Uint8Array, limits: MultipartLimits = {}): MultipartResult {
  const b = toMultipartBoundary(contentType);
  if (!b.ok) return fail(b.detail);
  const maxParts = limits.maxParts ?? DEFAULT_MAX_PARTS;
  const maxHeaderBytes = limits.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const dash = Buffer.from(`--${b.boundary}`);
  const delimiter = Buffer.concat([CRLF, dash]);
  // A preamble before the first delimiter is allowed (RFC 2046); the first delimiter starts a line.
  let at = buf.subarray(0, dash.length).equals(dash) ? 0 : buf.indexOf(delimiter);
  if (at < 0) return fail(`the body does not contain the boundary "--${b.boundary}" from Content-Type`);
  at += at === 0 ? dash.length : delimiter.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    if (buf.subarray(at, at + 2).toString('latin1') === '--') return parts.length > 0 ? { ok: true, parts } : fail('the body has no parts');
    // Transport padding (spaces/tabs) may follow a delimiter before its CRLF.
    while (buf[at] === 0x20 || buf[at] === 0x09) at += 1;
    if (!buf.subarray(at, at + 2).equals(CRLF)) return fail(`a boundary line is not followed by CRLF (at byte ${at})`);
    at += 2;
    if (parts.length >= maxParts) return fail(`more than ${maxParts} parts: send only the fields of the API`);
    const headerEnd = buf.indexOf(HEADER_END, at);
    if (headerEnd < 0 || headerEnd - at > maxHeaderBytes) {
      return fail(`part ${parts.length}: headers do not end with an empty line within ${maxHeaderBytes} bytes`);
    }
    const next = buf.indexOf(delimiter, headerEnd + HEADER_END.length);
    if (next < 0) return fail(`part ${parts.length} is not closed: the body must end with "--${b.boundary}--"`);
    const part = toPart(buf.subarray(at, headerEnd), new Uint8Array(buf.subarray(headerEnd + HEADER_END.length, next)), parts.length);
    if (typeof part === 'string') return fail(part);
    parts.push(part);
    at = next + delimiter.length;
  }
}
