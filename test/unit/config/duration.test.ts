import { describe, expect, test } from 'vitest';
import { formatDuration, suggestDuration } from '../../../mock-server/core/duration.js';
import { MAX_DURATION_MS, parseDuration } from '../../../mock-server/config/duration.js';

describe('parseDuration', () => {
  test.for([
    ['whole milliseconds as a number', 20000, 20000],
    ['zero', 0, 0],
    ['milliseconds with a unit', '250ms', 250],
    ['seconds', '20s', 20_000],
    ['minutes', '3m', 180_000],
    ['hours', '3h', 10_800_000],
    ['days', '2d', 172_800_000],
    ['a fraction of an hour', '1.5h', 5_400_000],
    ['a fraction of a second, rounded to whole ms', '0.0015s', 2],
    ['the longest allowed duration', '24d', MAX_DURATION_MS],
  ] as const)('reads %s', ([, input, ms]) => {
    expect(parseDuration(input)).toBe(ms);
  });

  test.for([
    ['a spelled-out unit', '3 hours'],
    ['a space before the unit', '3 h'],
    ['an upper-case unit', '20S'],
    ['a number as text without unit', '20000'],
    ['a negative number', -1],
    ['a fractional number of ms', 1.5],
    ['more than 24 days', '25d'],
    ['more than 24 days in ms', MAX_DURATION_MS + 1],
    ['an empty string', ''],
    ['a boolean', true],
    ['null', null],
    ['a leading plus sign', '+3h'],
  ] as const)('rejects %s', ([, input]) => {
    expect(parseDuration(input)).toBeUndefined();
  });
});

describe('suggestDuration', () => {
  test.for([
    ['3 hours', '3h'],
    ['3 Hours', '3h'],
    ['20S', '20s'],
    ['5 minutes', '5m'],
    ['1.5 hrs', '1.5h'],
    ['2 days', '2d'],
    ['20000', '20000ms'],
    ['10 秒', '10s'],
  ] as const)('suggests a spelling for %s', ([input, suggestion]) => {
    expect(suggestDuration(input)).toBe(suggestion);
    expect(parseDuration(suggestion)).toBeDefined();
  });

  test.for(['three hours', '3 fortnights', 'h3', ''])('has no suggestion for %j', (input) => {
    expect(suggestDuration(input)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  test.for([
    [0, '0s'],
    [1_500, '1500ms'],
    [20_000, '20s'],
    [180_000, '3m'],
    [10_800_000, '3h'],
    [86_400_000, '1d'],
  ] as const)('writes %d ms as %s, which reads back the same', ([ms, text]) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
