import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const BODY_JSON = 'body.json';

/** The body as text, and whether its bytes were valid UTF-8 (a leading BOM is dropped). */
export function decodeBody(bytes: Uint8Array): { readonly text: string; readonly utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), utf8: false };
  }
}

export type ParsedBody =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly problem: string; readonly hint: string };

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/**
 * Parses an answer body that must be one JSON object.
 * @example
 *   parseJsonBody('{"resultCode":"000000"}'); // { ok: true, value: { resultCode: '000000' } }
 */
export function parseJsonBody(text: string): ParsedBody {
  if (text.trim() === '') return { ok: false, problem: 'an empty body', hint: 'Answer with a JSON object such as {"resultCode":"000000","resultMsg":"success"}.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problem: `not JSON (${cut(e instanceof Error ? e.message : 'parse error', 100)}): ${cut(text, 80)}`,
      hint: 'Serialise the answer with a JSON library (not string concatenation), and make sure no HTML error page or log line is written to the response.',
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: `${kindOf(value)}, not an object`, hint: 'The answer must be a JSON object with resultCode and resultMsg at its top level.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * The answer body is complete, valid UTF-8, and one JSON object (D9).
 * @example
 *   checkBodyJson({ text: '[1]', utf8: true, truncated: false }).received; // 'an array, not an object'
 */
export function checkBodyJson(body: { readonly text: string; readonly utf8: boolean; readonly truncated: boolean }): CheckResult {
  const expected = 'a JSON object (UTF-8)';
  if (body.truncated) {
    return {
      id: BODY_JSON,
      ok: false,
      expected,
      received: 'a body larger than the 1 MiB koomock reads',
      hint: 'Produce answers are small JSON objects: check that the endpoint does not stream a file or an endless body.',
    };
  }
  if (!body.utf8) {
    return { id: BODY_JSON, ok: false, expected, received: 'bytes that are not valid UTF-8', hint: 'Encode the answer as UTF-8 (the interface requires UTF-8; GBK text fails).' };
  }
  const parsed = parseJsonBody(body.text);
  if (parsed.ok) return { id: BODY_JSON, ok: true, expected, received: 'a JSON object' };
  return { id: BODY_JSON, ok: false, expected, received: parsed.problem, hint: parsed.hint };
}
