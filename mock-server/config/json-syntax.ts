/** The first syntax error of a JSON text: where, and what was expected (never an excerpt of the text). */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/**
 * Finds the first JSON syntax error. `JSON.parse` on Node 20 names no position for most errors and
 * quotes the text around them (which may be a secret), so config messages are built from this instead.
 * @example
 *   findJsonSyntaxError('{"a":1,}'); // { offset: 7, message: 'expected a double-quoted key (JSON allows no trailing comma)' }
 *   findJsonSyntaxError('{"a":1}');  // undefined
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('expected a value (an object, list, string, number, true, false or null)');
  };
  const string = (): void => {
    const start = i;
    i += 1;
    for (;;) {
      if (i >= text.length) fail('unterminated string: a closing " is missing', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('a line break or control character inside a string (write it as \\n or \\uXXXX)');
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape: expected 4 hex digits');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail('invalid escape in a string');
        i += 2;
        continue;
      }
      i += 1;
    }
    i += 1;
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) fail('expected a value (an object, list, string, number, true, false or null)');
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') container(depth, '}', true);
    else if (c === '[') container(depth, ']', false);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else if (c === undefined) fail('unexpected end of the file: a value is missing');
    else fail('expected a value (an object, list, string, number, true, false or null)');
  };
  const container = (depth: number, close: string, isObject: boolean): void => {
    i += 1;
    ws();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      if (isObject) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'expected a double-quoted key (JSON allows no trailing comma)' : 'expected a double-quoted key');
        string();
        ws();
        if (text[i] !== ':') fail('expected `:` after the key');
        i += 1;
      } else if (text[i] === ']') {
        fail('expected a value (JSON allows no trailing comma)');
      }
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        i += 1;
        ws();
        continue;
      }
      if (text[i] === close) {
        i += 1;
        return;
      }
      fail(i >= text.length ? `unexpected end of the file: \`${close}\` is missing` : `expected \`,\` or \`${close}\``);
    }
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message };
    throw e;
  }
}
