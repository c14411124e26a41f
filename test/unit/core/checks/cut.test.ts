import { describe, expect, test } from 'vitest';
import { cut, quoted } from '../../../../mock-server/core/checks/cut.js';

describe('cut', () => {
  test('keeps a short value', () => {
    expect(cut('instance-1')).toBe('instance-1');
  });

  test('cuts at 200 characters and says how many were left out', () => {
    expect(cut('x'.repeat(250))).toBe(`${'x'.repeat(200)}… (+50 chars)`);
  });

  test('never splits a surrogate pair', () => {
    const out = cut('😀'.repeat(3), 2);
    expect(out).toBe('😀😀… (+1 chars)');
  });

  test.for([
    ['an escape sequence', '\u001b[2J', '\\u001b[2J'],
    ['a NUL', 'a\u0000b', 'a\\u0000b'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['a newline', 'a\nb', 'a\\u000ab'],
  ] as const)('escapes %s', ([, input, expected]) => {
    expect(cut(input)).toBe(expected);
  });

  test('keeps Chinese text readable', () => {
    expect(cut('开通成功')).toBe('开通成功');
  });

  test('stringifies objects and survives values JSON cannot hold', () => {
    expect(cut({ a: 1 })).toBe('{"a":1}');
    expect(cut(10n)).toBe('[object BigInt]');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(cut(loop)).toBe('[object Object]');
  });

  test('quoted marks strings and missing values', () => {
    expect([quoted('a'), quoted(undefined), quoted(0)]).toEqual(['"a"', '(missing)', '0']);
  });
});
