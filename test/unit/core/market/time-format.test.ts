import { describe, expect, test } from 'vitest';
import {
  parseEast8Millis,
  parseMillisTime,
  parseOrderTime,
  parseUsageTime,
  toEast8Millis,
  toMillisTime,
  toOrderTime,
  toUsageTime,
} from '../../../../mock-server/core/market/time-format.js';

const T = Date.UTC(2024, 10, 21, 9, 8, 46, 7);

describe('time formats', () => {
  test.for([
    ['order time (UTC yyyyMMddHHmmss)', toOrderTime(T), '20241121090846'],
    ['millis time (UTC yyyyMMddHHmmssSSS)', toMillisTime(T), '20241121090846007'],
    ['kit timeStamp (UTC+8 yyyyMMddHHmmssSSS)', toEast8Millis(T), '20241121170846007'],
    ['usage time (yyyyMMddTHHmmssZ)', toUsageTime(T), '20241121T090846Z'],
    ['kit timeStamp crossing midnight into the next Beijing day', toEast8Millis(Date.UTC(2022, 3, 12, 16, 30, 0, 0)), '20220413003000000'],
  ] as const)('formats the %s', ([, actual, expected]) => {
    expect(actual).toBe(expected);
  });

  test('matches the documented usage example', () => {
    expect(toUsageTime(Date.UTC(2022, 7, 9, 9, 10, 0))).toBe('20220809T091000Z');
  });

  test.for([
    ['order time', parseOrderTime, toOrderTime(T), T - 7],
    ['millis time', parseMillisTime, toMillisTime(T), T],
    ['kit timeStamp', parseEast8Millis, toEast8Millis(T), T],
    ['usage time', parseUsageTime, toUsageTime(T), T - 7],
    ['leap day', parseOrderTime, '20240229120000', Date.UTC(2024, 1, 29, 12)],
  ] as const)('parses its own %s back', ([, parse, text, ms]) => {
    expect(parse(text)).toBe(ms);
  });

  test.for([
    ['month 13', parseOrderTime, '20241321090846'],
    ['month 00', parseOrderTime, '20240021090846'],
    ['30 February', parseOrderTime, '20240230090846'],
    ['29 February in a common year', parseOrderTime, '20230229090846'],
    ['hour 24', parseOrderTime, '20241121240000'],
    ['minute 60', parseOrderTime, '20241121096000'],
    ['second 60', parseOrderTime, '20241121090860'],
    ['13 digits', parseOrderTime, '2024112109084'],
    ['15 digits', parseOrderTime, '202411210908460'],
    ['a sign', parseOrderTime, '+2024112109084'],
    ['full-width digits', parseOrderTime, '２０２４1121090846'],
    ['surrounding space', parseOrderTime, ' 20241121090846'],
    ['a number instead of a string', parseOrderTime, 20241121090846],
    ['year 0999', parseOrderTime, '09991121090846'],
    ['millis time with 14 digits', parseMillisTime, '20241121090846'],
    ['kit timeStamp with day 32', parseEast8Millis, '20241132090846000'],
    ['usage time without the Z', parseUsageTime, '20241121T090846'],
    ['usage time with a lower-case t', parseUsageTime, '20241121t090846Z'],
    ['usage time in ISO form', parseUsageTime, '2024-11-21T09:08:46Z'],
    ['usage time with month 13', parseUsageTime, '20241321T090846Z'],
    ['undefined', parseUsageTime, undefined],
  ] as const)('rejects %s', ([, parse, text]) => {
    expect(parse(text)).toBeUndefined();
  });

  test('refuses to format a time that is not a finite number', () => {
    expect(() => toOrderTime(Number.NaN)).toThrow(RangeError);
  });
});
