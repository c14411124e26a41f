/**
 * How one inbound exchange is written to the journal: JSON-safe, bodies capped at 64 KiB (with the
 * SHA-256 of the whole body when cut), and
 * credentials masked. The APIG signature stays (it proves nothing without the SK, which is never
 * here); client secrets, Basic credentials and OAuth codes/tokens are cut to a recognisable prefix.
 */
import { createHash } from 'node:crypto';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { isConnectionReset } from './faults.js';

export const MAX_JOURNAL_BODY_BYTES = 64 * 1024;

const SECRET_FIELDS = new Set(['client_secret', 'code', 'refresh_token', 'access_token', 'password', 'id_token']);
/** A JSON text with a member named like one of SECRET_FIELDS. */
const SECRET_NAMED = new RegExp(`"(${[...SECRET_FIELDS].join('|')})"\\s*:`);

/** `abcd…(40)`: enough to tell two tokens apart, not enough to use one. */
export const maskToken = (value: string): string => (value.length <= 4 ? '…' : `${value.slice(0, 4)}…(${value.length})`);

function maskPairs(text: string): string {
  if (!text.includes('=')) return text;
  const params = new URLSearchParams(text);
  let masked = false;
  for (const [name, value] of [...params]) {
    if (SECRET_FIELDS.has(name)) {
      params.set(name, maskToken(value));
      masked = true;
    }
  }
  return masked ? params.toString() : text;
}

function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization' && /^(basic|bearer)\s/i.test(value)) {
      const [scheme = '', credential = ''] = value.split(/\s+/, 2);
      out[name] = `${scheme} ${maskToken(credential)}`;
    } else if (name === 'location') {
      const q = value.indexOf('?');
      out[name] = q < 0 ? value : `${value.slice(0, q + 1)}${maskPairs(value.slice(q + 1))}`;
    } else if (name === 'cookie' || name === 'set-cookie') {
      out[name] = maskToken(value);
    } else {
      out[name] = value;
    }
  }
  return out;
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) && typeof v === 'string' ? maskToken(v) : maskJson(v)]),
  );
}

/** Capped UTF-8 text when the bytes are text, else capped base64. */
function toBodyRecord(bytes: Uint8Array, contentType: string | undefined): Record<string, unknown> {
  const truncated = bytes.length > MAX_JOURNAL_BODY_BYTES;
  let head = truncated ? bytes.subarray(0, MAX_JOURNAL_BODY_BYTES) : bytes;
  // A cut body keeps the hash of the whole, so two uploads can still be told apart or matched.
  const base = truncated ? { bytes: bytes.length, truncated, sha256: createHash('sha256').update(bytes).digest('hex') } : { bytes: bytes.length, truncated };
  // A cut may split a multi-byte character: drop up to 3 trailing bytes before giving up on text.
  for (let drop = 0; drop <= (truncated ? 3 : 0); drop += 1) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - drop));
      const form = contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded') === true;
      return { ...base, text: form ? maskPairs(text) : text };
    } catch {
      // not text (yet)
    }
  }
  head = bytes.subarray(0, MAX_JOURNAL_BODY_BYTES);
  return { ...base, base64: Buffer.from(head).toString('base64') };
}

/** The request as the journal keeps it. */
export const toJournalRequest = (req: ApiRequest): Record<string, unknown> => ({
  method: req.method,
  path: req.path,
  query: maskPairs(req.query),
  ...(req.host === undefined ? {} : { host: req.host }),
  headers: maskHeaders(req.headers),
  body: toBodyRecord(req.rawBody, req.headers['content-type']),
});

/** The response as the journal keeps it. */
export function toJournalResponse(res: ApiResponse): Record<string, unknown> {
  if (isConnectionReset(res)) return { reset: true };
  const base = { status: res.status, headers: maskHeaders(res.headers) };
  if (res.body instanceof Uint8Array) return { ...base, body: toBodyRecord(res.body, res.headers['content-type']) };
  if (typeof res.body === 'string') return { ...base, body: toBodyRecord(Buffer.from(res.body, 'utf8'), res.headers['content-type']) };
  const json = JSON.stringify(res.body ?? null);
  // Only an answer that names a secret field is walked (OAuth): the common answer costs one test.
  if (json.length <= MAX_JOURNAL_BODY_BYTES) return { ...base, body: { json: SECRET_NAMED.test(json) ? maskJson(res.body ?? null) : (res.body ?? null) } };
  return { ...base, body: toBodyRecord(Buffer.from(json, 'utf8'), 'application/json') };
}
