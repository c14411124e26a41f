import { describe, expect, test } from 'vitest';
import { findJsonSyntaxError } from '../../../mock-server/config/json-syntax.js';

describe('findJsonSyntaxError', () => {
  test.for([
    ['an object', '{"a": {"b": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}}'],
    ['whitespace around the value', ' \n {} \n'],
    ['a bare string', '"x"'],
  ] as const)('accepts valid JSON: %s', ([, text]) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  test.for([
    ['a trailing comma in an object', '{"a":1,}', 7, 'trailing comma'],
    ['a trailing comma in a list', '[1,]', 3, 'trailing comma'],
    ['an unquoted value', '{"sk": abc}', 7, 'expected a value'],
    ['a missing colon', '{"a" 1}', 5, 'expected `:`'],
    ['a missing comma', '{"a":1 "b":2}', 7, 'expected `,` or `}`'],
    ['an unterminated string', '{"a":"abc', 5, 'unterminated string'],
    ['a raw line break in a string', '{"a":"x\ny"}', 7, 'line break'],
    ['a bad escape', '{"a":"\\x"}', 6, 'invalid escape'],
    ['a single-quoted key', "{'a':1}", 1, 'double-quoted key'],
    ['text after the value', '{} x', 3, 'after the end'],
    ['an empty file', '', 0, 'unexpected end'],
    ['a missing closing brace', '{"a":1', 6, '`}` is missing'],
    ['a leading zero', '[01]', 2, 'expected `,` or `]`'],
  ] as const)('locates %s', ([, text, offset, words]) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = findJsonSyntaxError(text);
    expect(error?.offset).toBe(offset);
    expect(error?.message).toContain(words);
  });

  test('reports absurd nesting instead of overflowing the stack', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(findJsonSyntaxError(text)?.message).toContain('nesting deeper');
  });
});
