/**
 * Finds English sentences in text meant to be Chinese: runs of 3 or more English words. What may stay
 * English is left out first: quoted text (seller answers, values), URLs and paths, ids and field names
 * (camelCase, dotted, kebab-case, snake_case), codes (UPPER_CASE, digits) and command-line flags.
 */

/** Tokens that may stand in Chinese text as they are. */
const KEPT = [
  /"(?:[^"\\]|\\.)*"/g, // quoted values and seller text
  /`[^`]*`/g, // commands
  /\bhttps?:\/\/\S+/g,
  /[\w.:;=?&…*{}-]*\/[\w.:;=?&…*{}/-]*/g, // paths and media types: /produce, …/order/query, text/plain
  /--[\w-]+(?:\s+<[^>]+>)?/g, // flags with their argument
  /\b[A-Za-z]+[A-Z][\w]*\b/g, // camelCase: newInstance, orderId
  /\b\w+(?:[.#@_-]\w+)+\b/g, // check ids, hosts, kebab-case and snake_case ids
  /\b[A-Z][A-Z0-9_]+\b/g, // codes and enum values
  /\{[^}]*\}/g,
];

const WORD_RUN = /\b[A-Za-z][a-z']*(?:[ ,;:()]+[A-Za-z][a-z']*){2,}\b/g;

/**
 * The English runs of each line, with its line number (1-based).
 * @example
 *   englishRuns('期望  orderNotify 的结果为 success'); // []
 *   englishRuns('提示  the scenario expects a call'); // [{ line: 1, text: 'the scenario expects a call' }]
 */
export function englishRuns(text: string, allowed: readonly string[] = []): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    let line = raw;
    for (const a of allowed) line = line.split(a).join(' ');
    for (const re of KEPT) line = line.replace(re, ' ');
    for (const m of line.matchAll(WORD_RUN)) found.push({ line: i + 1, text: m[0] });
  });
  return found;
}
