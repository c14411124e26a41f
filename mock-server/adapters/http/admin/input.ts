/**
 * Reading admin input: the JSON body (captured raw by the app, parsed here) and query parameters.
 */
import type { Request } from 'express';
import { type JsonLimits, parseBoundedJsonObject } from '../../../core/bounded-json.js';
import { AdminError, invalid } from './errors.js';

/** Admin calls are small settings and single messages (docs/admin-api.md). */
export const ADMIN_JSON_LIMITS: JsonLimits = Object.freeze({ maxBytes: 1024 * 1024, maxDepth: 32, maxKeys: 10_000 });

/** The JSON object body, read with the bounded parser every body reader uses; an empty body is `{}`. */
export function readJsonObject(req: Request): Record<string, unknown> {
  const raw: unknown = req.body;
  if (!(raw instanceof Uint8Array) || raw.byteLength === 0) return {};
  const parsed = parseBoundedJsonObject(raw, ADMIN_JSON_LIMITS);
  if (parsed.ok) return parsed.value;
  switch (parsed.problem) {
    case 'size':
      throw new AdminError('PAYLOAD_TOO_LARGE', `${parsed.detail}: admin calls take at most ${ADMIN_JSON_LIMITS.maxBytes} bytes`);
    case 'utf8':
    case 'syntax':
    case 'empty':
      throw invalid('the body must be a JSON object in UTF-8, e.g. {"productId":"OFFI900000000000000001"}: check its syntax');
    default:
      throw invalid(parsed.detail);
  }
}

/** One query parameter as text; repeating it is a mistake worth naming. */
export function queryText(req: Request, name: string): string | undefined {
  const v: unknown = (req.query as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalid(`query parameter ${name} must be given once, received ${JSON.stringify(v)}`);
  return v;
}

/** A whole number within [min, max] from text (a query or path parameter named `name`). */
export function parseWholeNumber(name: string, text: string, min: number, max: number): number {
  const n = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}, received ${JSON.stringify(text)}`);
  }
  return n;
}

/** A whole-number query parameter within [min, max]. */
export function queryInteger(req: Request, name: string, min: number, max: number): number | undefined {
  const text = queryText(req, name);
  return text === undefined ? undefined : parseWholeNumber(`query parameter ${name}`, text, min, max);
}
