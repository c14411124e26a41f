import { describe, expect, test } from 'vitest';
import { isAmount, multiplyAmount } from '../../../../mock-server/core/market/amount.js';

describe('amounts', () => {
  test.for([
    ['an integer', '100', 3, '300'],
    ['decimals without float noise', '12.78', 5, '63.9'],
    ['a fraction below one', '0.05', 3, '0.15'],
    ['zero times', '12.5', 0, '0'],
    ['trailing zeros trimmed', '1.50', 2, '3'],
  ] as const)('multiplies %s', ([, amount, times, expected]) => {
    expect(multiplyAmount(amount, times)).toBe(expected);
  });

  test.for(['-1', '1e3', '1.', '.5', 'abc', ''])('rejects %j as an amount', (amount) => {
    expect(isAmount(amount)).toBe(false);
    expect(() => multiplyAmount(amount, 1)).toThrow(RangeError);
  });
});
