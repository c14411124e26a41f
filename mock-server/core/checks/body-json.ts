import type { CheckResult } from '../result.js';
import { cut } from './cut.js';
import { measureJson, parseBoundedJson } from '../bounded-json.js';

export const BODY_JSON = 'body.json';

/**
 * Deepest nesting koomock accepts in an answer. Real answers nest 3–4 levels; much deeper values
 * would overflow the stack of JSON.stringify wherever a report or the journal serialises them.
 */
export const MAX_JSON_DEPTH = 64;

/** The body as text, and whether its bytes were valid UTF-8 (a leading BOM is dropped). */
export function decodeBody(bytes: Uint8Array): { readonly text: string; readonly utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), utf8: false };
  }
}

/**
 * Deepest array/object nesting of JSON text, in one pass without recursion (brackets inside
 * strings do not count).
 * @example
 *   jsonDepth('{"a":[1,{"b":"[["}]}'); // 3
 */
export const jsonDepth = (text: string): number => measureJson(text).depth;

export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string; readonly hint: string };

const SERIALISE_HINT = 'Serialise the answer with a JSON library (not string concatenation), and make sure no HTML error page or log line is written to the response.';

/**
 * Parses answer text as JSON of sane depth. Whether it is an object is `body.object`'s question.
 * @example
 *   parseJsonText('{"resultCode":"000000"}'); // { ok: true, value: { resultCode: '000000' } }
 */
export function parseJsonText(text: string): ParsedJson {
  if (text.trim() === '') return { ok: false, problem: 'an empty body', hint: 'Answer with a JSON object such as {"resultCode":"000000","resultMsg":"success"}.' };
  const parsed = parseBoundedJson(text, { maxDepth: MAX_JSON_DEPTH });
  if (parsed.ok) return parsed;
  if (parsed.problem === 'depth') {
    return {
      ok: false,
      problem: `JSON nested ${jsonDepth(text)} levels deep (koomock reads at most ${MAX_JSON_DEPTH})`,
      hint: 'Produce answers are flat objects with a few nested fields: answer {"resultCode":…,"resultMsg":…} and the documented fields only.',
    };
  }
  if (parsed.problem === 'syntax') {
    return { ok: false, problem: `not JSON (${cut(parsed.parseError ?? 'parse error', 100)}): ${cut(text, 80)}`, hint: SERIALISE_HINT };
  }
  return { ok: false, problem: parsed.detail, hint: 'Produce answers are small JSON objects: answer {"resultCode":…,"resultMsg":…} and the documented fields only.' };
}

/**
 * The answer body is valid UTF-8 and JSON (docs/fidelity.md#d9), nested at most MAX_JSON_DEPTH levels.
 * @example
 *   checkBodyJson({ text: '{"resultCode":', utf8: true }).received; // 'not JSON (Unexpected end of JSON input): {"resultCode":'
 */
export function checkBodyJson(body: { readonly text: string; readonly utf8: boolean; readonly contentEncoding?: string | undefined }): CheckResult {
  const expected = 'JSON text (UTF-8)';
  const encoding = body.contentEncoding?.trim().toLowerCase();
  const parsed = body.utf8 ? parseJsonText(body.text) : undefined;
  if (parsed?.ok !== true && encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    // Compressed bytes read as text look like garbage: name the cause, not the symptom.
    return {
      id: BODY_JSON,
      ok: false,
      expected: `${expected}, not compressed`,
      received: `a body with Content-Encoding: ${cut(encoding, 40)} (koomock, like the marketplace, sends no Accept-Encoding and reads the body as sent)`,
      hint: 'Do not compress answers of the production interface: the marketplace does not ask for it. Turn compression off for this path (e.g. the compression middleware of Express or Spring server.compression.enabled) or honour Accept-Encoding.',
    };
  }
  if (!body.utf8) {
    return { id: BODY_JSON, ok: false, expected, received: 'bytes that are not valid UTF-8', hint: 'Encode the answer as UTF-8 (the interface requires UTF-8; GBK text fails).' };
  }
  if (parsed === undefined || parsed.ok) return { id: BODY_JSON, ok: true, expected, received: 'JSON' };
  return { id: BODY_JSON, ok: false, expected, received: parsed.problem, hint: parsed.hint };
}
