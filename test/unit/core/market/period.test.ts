import { describe, expect, test } from 'vitest';
import { extendExpiryMs, toExpireMs } from '../../../../mock-server/core/market/period.js';
import type { PeriodType } from '../../../../mock-server/core/market/catalog.js';
import { parseOrderTime, toOrderTime } from '../../../../mock-server/core/market/time-format.js';

const expire = (create: string, type: PeriodType, n: number): string => toOrderTime(toExpireMs(parseOrderTime(create) ?? Number.NaN, type, n));

describe('period expiry', () => {
  test.for([
    // The doc's example order: created 14:47 Beijing, expires 23:59:59 Beijing a year later.
    ['the doc example, one year', '20220726064736', 'year', 1, '20230726155959'],
    ['one month', '20241121090846', 'month', 1, '20241221155959'],
    ['month end clamps to a shorter month', '20240131020000', 'month', 1, '20240229155959'],
    ['month end clamps in a common year', '20230131020000', 'month', 1, '20230228155959'],
    ['months across a year end', '20241121090846', 'month', 3, '20250221155959'],
    ['29 February plus a year', '20240229020000', 'year', 1, '20250228155959'],
    ['seven days', '20241121090846', 'day', 7, '20241128155959'],
    ['created after 16:00 UTC, which is the next Beijing day', '20241121170000', 'day', 1, '20241123155959'],
    ['hours are exact, without end of day', '20241121090846', 'hour', 5, '20241121140846'],
  ] as const)('%s', ([, create, type, n, expected]) => {
    expect(expire(create, type, n)).toBe(expected);
  });

  test.for([0, -1, 1.5])('rejects periodNumber %s', (n) => {
    expect(() => toExpireMs(0, 'month', n)).toThrow(RangeError);
  });
});

describe('renewal from an expiry', () => {
  const extend = (from: string, type: PeriodType, n: number): string => toOrderTime(extendExpiryMs(parseOrderTime(from) ?? Number.NaN, type, n));
  test.for([
    ['one month', '20270107155959', 'month', 1, '20270207155959'],
    ['31 January plus a month clamps to 28 February', '20270131155959', 'month', 1, '20270228155959'],
    ['leap year', '20280131155959', 'month', 1, '20280229155959'],
    ['keeps a time of day that is not the end of a Beijing day', '20241221235959', 'month', 1, '20250121235959'],
    ['a year', '20251121235959', 'year', 1, '20261121235959'],
    ['months across a year end', '20271130155959', 'month', 3, '20280229155959'],
    ['days', '20270228155959', 'day', 7, '20270307155959'],
    ['hours', '20270228155959', 'hour', 5, '20270228205959'],
  ] as const)('%s', ([, from, type, n, expected]) => {
    expect(extend(from, type, n)).toBe(expected);
  });
});
