import { describe, expect, test } from 'vitest';
import { stripAnsi, toSafeText } from '../../../mock-server/adapters/cli/reporters/safe-text.js';

// Anything a terminal would act on: ESC, C1 controls (8-bit CSI), other C0 controls, DEL, bidi overrides.
const TERMINAL_ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('stripAnsi', () => {
  test.for([
    ['colour (CSI SGR)', '\u001b[31mred\u001b[0m', 'red'],
    ['clear screen and cursor home', 'a\u001b[2J\u001b[Hb', 'ab'],
    ['window title (OSC ended by BEL)', '\u001b]0;pwned\u0007x', 'x'],
    ['hyperlink (OSC ended by ST)', '\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['two-character ESC sequence (reset)', 'a\u001bcb', 'ab'],
    ['device control string', 'a\u001bPq#0\u001b\\b', 'ab'],
  ] as const)('removes %s', ([, input, expected]) => {
    expect(stripAnsi(input)).toBe(expected);
  });
});

describe('toSafeText', () => {
  test.for([
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['BEL', 'a\u0007b', 'a\\u0007b'],
    ['a lone ESC', 'a\u001b', 'a\\u001b'],
    ['a line break', 'a\nb', 'a\\nb'],
    ['a right-to-left override', 'user\u202eexe.txt', 'user\\u202eexe.txt'],
    ['a lone high surrogate', 'a\ud800b', 'a\\ud800b'],
    ['a lone low surrogate', 'a\udc00b', 'a\\udc00b'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
  ] as const)('shows %s as a visible escape', ([, input, expected]) => {
    expect(toSafeText(input)).toBe(expected);
  });

  test.for([
    ['Chinese', '订单已退订'],
    ['an emoji (a valid surrogate pair)', 'ok 👍'],
    ['markup (escaping is the format’s job)', '<b>&amp;</b>'],
  ] as const)('keeps %s as is', ([, input]) => {
    expect(toSafeText(input)).toBe(input);
  });

  test('keeps line breaks and tabs when multiline, but still escapes other controls', () => {
    expect(toSafeText('a\n\tb\u0000\r', { multiline: true })).toBe('a\n\tb\\u0000\\r');
  });

  test('cuts long text by code points and says how much was left out', () => {
    expect(toSafeText('👍'.repeat(10), { max: 4 })).toBe('👍👍👍👍… (+6 chars)');
  });

  test('stringifies values that are not strings', () => {
    expect(toSafeText({ resultCode: 1 })).toBe('{"resultCode":1}');
    expect(toSafeText(undefined)).toBe('');
  });

  test('leaves nothing a terminal would act on in hostile input', () => {
    const hostile = '\u001b[2J\u001b]0;x\u0007\u009b31m\u0000\u0008\u007f\u202e\u2066 done';
    const out = toSafeText(hostile);
    expect(out).not.toMatch(TERMINAL_ACTIVE);
    expect(out).toContain('done');
  });
});
