import { describe, expect, test } from 'vitest';
import {
  createBusinessId,
  createInstanceId,
  createOrderId,
  createRandomString,
  toOrderLineId,
} from '../../../../mock-server/core/market/ids.js';
import { createSeqRandom } from '../../../support/seq-random.js';

describe('ids', () => {
  test('order id is CS + Beijing yyMMddHHmm + 5 upper-case alphanumerics', () => {
    // 06:47 UTC is 14:47 in Beijing, as in the doc's CS2207261447AUY4H.
    const id = createOrderId(Date.UTC(2022, 6, 26, 6, 47, 36), createSeqRandom());
    expect(id).toBe('CS2207261447ABCDE');
  });

  test('the Beijing date rolls over before UTC midnight', () => {
    expect(createOrderId(Date.UTC(2022, 11, 31, 16, 5), createSeqRandom()).slice(0, 12)).toBe('CS2301010005');
  });

  test('random order ids match the documented shape', () => {
    const random = createSeqRandom(200);
    for (let i = 0; i < 50; i++) expect(createOrderId(Date.now(), random)).toMatch(/^CS\d{10}[A-Z0-9]{5}$/);
  });

  test('skips bytes that would bias the alphabet', () => {
    const random = createSeqRandom();
    // 252..255 lie beyond the largest multiple of 36 and must be drawn again.
    random.queue([252, 253, 254, 255, 0]);
    expect(createRandomString(random, 1)).toBe('A');
  });

  test.for([
    ['first line', 1, 'CS2207261447AUY4H-000001'],
    ['twelfth line', 12, 'CS2207261447AUY4H-000012'],
    ['largest line', 999_999, 'CS2207261447AUY4H-999999'],
  ] as const)('order line id of the %s', ([, seq, expected]) => {
    expect(toOrderLineId('CS2207261447AUY4H', seq)).toBe(expected);
  });

  test.for([0, -1, 1.5, 1_000_000])('rejects line sequence %s', (seq) => {
    expect(() => toOrderLineId('CS1', seq)).toThrow(RangeError);
  });

  test('instance and business ids are UUIDs from the Random port, fresh each time', () => {
    const random = createSeqRandom();
    const a = createBusinessId(random);
    const b = createBusinessId(random);
    expect(a).not.toBe(b);
    expect(createInstanceId(random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
