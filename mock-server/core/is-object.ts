/**
 * True for a JSON-style object: not null, not an array. The one guard every layer uses before it
 * reads fields of a value that came from JSON or YAML.
 * @example
 *   isObject({ a: 1 }); // true
 *   isObject([1]);      // false
 */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
