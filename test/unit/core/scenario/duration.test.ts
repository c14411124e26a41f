import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration, suggestDuration } from '../../../../mock-server/core/duration.js';

describe('scenario durations', () => {
  test.for([
    { name: 'whole milliseconds', input: 500, ms: 500 },
    { name: 'seconds', input: '10s', ms: 10_000 },
    { name: 'fractional hours', input: '1.5h', ms: 5_400_000 },
    { name: 'days beyond the config limit of 24 days', input: '335d', ms: 335 * 86_400_000 },
    { name: 'a unit word', input: '30 days', ms: undefined },
    { name: 'a negative number', input: -1, ms: undefined },
    { name: 'fractional milliseconds', input: 1.5, ms: undefined },
    { name: 'a number in quotes without a unit', input: '500', ms: undefined },
  ])('reads $name', ({ input, ms }) => {
    expect(parseDuration(input)).toBe(ms);
  });

  test.for([
    ['30 days', '30d'],
    ['10S', '10s'],
    ['3 小时', '3h'],
    ['500', '500ms'],
    ['soon', undefined],
  ] as const)('suggests %s -> %s', ([input, suggestion]) => {
    expect(suggestDuration(input)).toBe(suggestion);
  });

  test.for([
    [2_592_000_000, '30d'],
    [90_000, '90s'],
    [1_500, '1500ms'],
  ] as const)('formats %d ms as %s', ([ms, text]) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
