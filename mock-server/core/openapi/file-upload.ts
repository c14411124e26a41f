/**
 * `POST /api/mkp-openapi-public/global/v1/market-event/{event_id}/file` (open-api.md §3.2, docs/fidelity.md#d28):
 * multipart/form-data with the scalar fields either in one JSON part `isvUpdateFileReq` (the doc's
 * example) or as plain form fields; `type` CHARACTERS or FILE; a file's sha256 is verified.
 */
import { createHash } from 'node:crypto';
import { parseBoundedJsonObject } from '../bounded-json.js';
import { type ApiResponse, jsonResponse } from '../http-types.js';
import type { NewFile } from '../store.js';
import { toErrorBody } from './error-codes.js';
import { type MultipartPart, parseMultipart } from './multipart.js';
import { type OpenApiContext, type OpenApiRoute, report, requireCaller } from './request-context.js';
import { toErrorResponse } from './responses.js';

const CHECK_ID = 'file.upload';
const FIELDS = ['type', 'file_name', 'sha256', 'characters'] as const;
type Fields = Partial<Record<(typeof FIELDS)[number], string>>;

const invalid = (ctx: OpenApiContext, detail: string): ApiResponse => {
  report(ctx, { id: CHECK_ID, ok: false, expected: 'a multipart upload as in open-api.md §3.2', received: 'CBC.0101', hint: detail });
  return toErrorResponse('CBC.0101', detail);
};

const decodeText = (data: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
};

/** The scalar fields: plain form fields, overridden by the `isvUpdateFileReq` JSON part; or why they are unreadable. */
function readFields(parts: readonly MultipartPart[]): Fields | string {
  const fields: Record<string, string> = {};
  for (const part of parts) {
    if (part.filename !== undefined || !(FIELDS as readonly string[]).includes(part.name)) continue;
    const text = decodeText(part.data);
    if (text === undefined) return `form field ${part.name} is not UTF-8 text`;
    fields[part.name] ??= text;
  }
  const jsonPart = parts.find((p) => p.name === 'isvUpdateFileReq');
  if (jsonPart === undefined) return fields;
  const parsed = parseBoundedJsonObject(jsonPart.data);
  if (!parsed.ok) {
    if (parsed.problem === 'not-object') return 'part isvUpdateFileReq must be a JSON object';
    return `part isvUpdateFileReq is not readable JSON (${parsed.detail}): send {"type":"FILE","sha256":"<hex>"} or {"type":"CHARACTERS","characters":"…"}`;
  }
  const json = parsed.value;
  for (const name of FIELDS) {
    const value = json[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return `isvUpdateFileReq.${name} must be a string, received ${typeof value}`;
    fields[name] = value;
  }
  return fields;
}

/** The file to store, or why the upload is invalid. */
function toNewFile(fields: Fields, parts: readonly MultipartPart[], base: { eventId: string; sellerId: string; receivedAt: number }): NewFile | string {
  if (fields.type === 'CHARACTERS') {
    const characters = fields.characters ?? '';
    // Characters are code points: an emoji is one character, not two UTF-16 units.
    const count = [...characters].length;
    if (count === 0 || count > 1024) {
      return `type CHARACTERS needs characters of 1-1024 characters, received ${count}`;
    }
    return { ...base, type: 'CHARACTERS', content: characters };
  }
  if (fields.type !== 'FILE') {
    return `type must be CHARACTERS or FILE, received ${JSON.stringify(fields.type ?? null)}: put it in the isvUpdateFileReq JSON part or a "type" form field`;
  }
  const file = parts.find((p) => p.name === 'file');
  if (file === undefined) return 'type FILE needs a part named "file" carrying the file (Content-Disposition: form-data; name="file"; filename="…")';
  const fileName = fields.file_name ?? file.filename ?? '';
  if (fileName === '' || fileName.length > 1024) return `file_name must be 1-1024 characters (from isvUpdateFileReq or the file part's filename), received ${fileName.length}`;
  const declared = fields.sha256 ?? '';
  if (!/^[0-9a-fA-F]{64}$/.test(declared)) {
    return `sha256 must be the 64 hex digits of the file's SHA-256, received ${JSON.stringify(declared.slice(0, 80))}`;
  }
  const actual = createHash('sha256').update(file.data).digest('hex');
  if (actual !== declared.toLowerCase()) {
    return `sha256 ${declared} does not match the uploaded file (${file.data.length} bytes, SHA-256 ${actual}): hash exactly the bytes you send`;
  }
  return { ...base, type: 'FILE', fileName, sha256: actual, content: file.data };
}

export const fileUploadRoute: OpenApiRoute = {
  id: 'file.upload',
  method: 'POST',
  path: '/api/mkp-openapi-public/global/v1/market-event/{event_id}/file',
  auth: 'apig',
  envelope: 'cbc',
  durable: true,
  handle(req, params, ctx) {
    const seller = requireCaller(ctx);
    const eventId = params.event_id ?? '';
    if (eventId === '' || eventId.length > 64) return invalid(ctx, `event_id must be 1-64 characters, received ${eventId.length}`);
    const multipart = parseMultipart(req.headers['content-type'], req.rawBody);
    if (!multipart.ok) return invalid(ctx, multipart.detail);
    const fields = readFields(multipart.parts);
    if (typeof fields === 'string') return invalid(ctx, fields);
    const file = toNewFile(fields, multipart.parts, { eventId, sellerId: seller.id, receivedAt: ctx.clock.now() });
    if (typeof file === 'string') return invalid(ctx, file);
    const stored = ctx.store.putFile(file);
    report(ctx, { id: CHECK_ID, ok: true, received: `${file.type} stored as file ${stored.id} (${stored.size} bytes)` });
    return jsonResponse(200, toErrorBody('CBC.0000'));
  },
};
