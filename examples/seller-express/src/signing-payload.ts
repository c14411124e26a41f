/**
 * The "RequestPayload" that KooGallery's V2 and kit signatures cover (produce-api.md §6.1):
 * the JSON body parsed, its TOP-LEVEL keys sorted (UTF-16 code-unit order, like Java's TreeMap),
 * `null` members dropped, and re-serialised as compact JSON. Nested objects keep their order.
 *
 * Why re-serialise instead of hashing the raw bytes: the official Java demo does exactly this,
 * so a seller that follows it verifies both sorted and unsorted bodies. (JavaScript and Jackson agree
 * on every value produce bodies carry; they would differ on numbers like `1.0` or beyond 2^53.)
 * @example
 *   toSigningPayload('{"b":"1","a":"2","c":null}'); // '{"a":"2","b":"1"}'
 */
export function toSigningPayload(rawBody: string): string | undefined {
  const body = parseJsonObject(rawBody);
  if (body === undefined) return undefined;
  // A null-prototype object keeps a "__proto__" key as data instead of changing the prototype.
  const sorted = Object.create(null) as Record<string, unknown>;
  // Array.prototype.sort compares UTF-16 code units, the same order as Java's String.compareTo.
  for (const key of Object.keys(body).sort()) {
    const value = body[key];
    if (value !== null) sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

/** True for a plain JSON object (not an array, not null). */
export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses text that must hold a JSON object; undefined for anything else (never throws).
 * @example
 *   parseJsonObject('[1]'); // undefined
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
