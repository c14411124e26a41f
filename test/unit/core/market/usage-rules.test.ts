import { describe, expect, test } from 'vitest';
import { toUsageTime } from '../../../../mock-server/core/market/time-format.js';
import { type UsagePushRecord, validateUsageBatch } from '../../../../mock-server/core/market/usage-rules.js';
import { FIXED_TIME } from '../../../support/fixed-clock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ON_DEMAND = new Set(['od-1', 'od-2']);

const valid = (overrides: Record<string, unknown> = {}): UsagePushRecord =>
  ({
    instance_id: 'od-1',
    record_time: toUsageTime(FIXED_TIME - HOUR),
    begin_time: toUsageTime(FIXED_TIME - 3 * HOUR),
    end_time: toUsageTime(FIXED_TIME - 2 * HOUR),
    usage_value: '12.5',
    metering_sn: 'sn-1',
    ...overrides,
  }) as UsagePushRecord;

const context = { now: FIXED_TIME, isOnDemandInstanceOfSeller: (id: string) => ON_DEMAND.has(id) };
const check = (records: unknown) => validateUsageBatch(records, context);

describe('usage push rules (docs/fidelity.md#d27)', () => {
  test('accepts a valid batch and returns only the documented fields', () => {
    const result = check([valid({ extra: 'x' }), valid({ metering_sn: 'sn-2', instance_id: 'od-2', relate_pkg_instance: 'pkg-1' })]);
    expect(result).toEqual({ ok: true, records: [valid(), valid({ metering_sn: 'sn-2', instance_id: 'od-2', relate_pkg_instance: 'pkg-1' })] });
  });

  test.for([
    ['the smallest value', '0.0001'],
    ['an integer', '99'],
    ['four decimals', '1.2345'],
  ])('accepts usage_value %s', ([, value]) => {
    expect(check([valid({ usage_value: value })]).ok).toBe(true);
  });

  test('accepts 1000 records', () => {
    const records = Array.from({ length: 1000 }, (_, i) => valid({ metering_sn: `sn-${i}` }));
    expect(check(records).ok).toBe(true);
  });

  test('accepts a begin_time exactly 21 days old', () => {
    expect(check([valid({ begin_time: toUsageTime(FIXED_TIME - 21 * DAY) })]).ok).toBe(true);
  });

  test.for([
    ['1001 records', Array.from({ length: 1001 }, () => valid()), 'MKT.9003', 500, undefined, undefined],
    ['a begin_time 21 days and 1 second old', [valid(), valid({ begin_time: toUsageTime(FIXED_TIME - 21 * DAY - 1000) })], 'MKT.9004', 500, 1, 'begin_time'],
    ['usage_value 0', [valid({ usage_value: '0' })], 'MKT.0101', 400, 0, 'usage_value'],
    ['usage_value 0.0000', [valid({ usage_value: '0.0000' })], 'MKT.0101', 400, 0, 'usage_value'],
    ['a negative usage_value', [valid({ usage_value: '-1' })], 'MKT.0101', 400, 0, 'usage_value'],
    ['five decimals', [valid({ usage_value: '1.23456' })], 'MKT.0101', 400, 0, 'usage_value'],
    ['usage_value as a JSON number', [valid({ usage_value: 12.5 })], 'MKT.0101', 400, 0, 'usage_value'],
    ['usage_value in exponent form', [valid({ usage_value: '1e3' })], 'MKT.0101', 400, 0, 'usage_value'],
    ['record_time in ISO form', [valid({ record_time: '2024-11-21T08:08:46Z' })], 'MKT.0101', 400, 0, 'record_time'],
    ['begin_time with month 13', [valid({ begin_time: '20241321T080846Z' })], 'MKT.0101', 400, 0, 'begin_time'],
    ['end_time without the Z', [valid({ end_time: '20241121T080846' })], 'MKT.0101', 400, 0, 'end_time'],
    ['a missing metering_sn', [valid({ metering_sn: undefined })], 'MKT.0101', 400, 0, 'metering_sn'],
    ['an empty instance_id', [valid({ instance_id: '' })], 'MKT.0101', 400, 0, 'instance_id'],
    ['a metering_sn of 65 characters', [valid({ metering_sn: 'x'.repeat(65) })], 'MKT.0101', 400, 0, 'metering_sn'],
    ['a relate_pkg_instance that is a number', [valid({ relate_pkg_instance: 7 })], 'MKT.0101', 400, 0, 'relate_pkg_instance'],
    ['a record that is not an object', [valid(), 'sn-2'], 'MKT.0101', 400, 1, undefined],
    ['an empty batch', [], 'MKT.0101', 400, undefined, undefined],
    ['usage_records that is not an array', { instance_id: 'od-1' }, 'MKT.0101', 400, undefined, undefined],
    ['an instance of another seller', [valid(), valid({ instance_id: 'other-seller-instance' })], 'MKT.9001', 500, 1, 'instance_id'],
  ] as const)('rejects %s with %s', ([, records, code, status, index, field]) => {
    const result = check(records);
    expect(result).toMatchObject({ ok: false, code, status });
    if (!result.ok) {
      expect(result.index).toBe(index);
      expect(result.field).toBe(field);
      expect(result.detail.length).toBeGreaterThan(20);
    }
  });

  test.for([
    ['count before age', Array.from({ length: 1001 }, () => valid({ begin_time: '20200101T000000Z' })), 'MKT.9003'],
    ['age before format', [valid({ usage_value: 'x' }), valid({ begin_time: '20200101T000000Z' })], 'MKT.9004'],
    ['format before instance', [valid({ instance_id: 'unknown' }), valid({ usage_value: '0' })], 'MKT.0101'],
  ] as const)('checks the rules in docs/fidelity.md#d27 order: %s', ([, records, code]) => {
    expect(check(records)).toMatchObject({ ok: false, code });
  });

  test('uses the platform messages', () => {
    expect(check([valid({ instance_id: 'x' })])).toMatchObject({ message: 'Instance ID not found' });
    expect(check([valid({ usage_value: '0' })])).toMatchObject({ message: 'Invalid parameter' });
  });

  test('cuts a huge untrusted value short in the detail', () => {
    const result = check([valid(), 'x'.repeat(10_000)]);
    expect(!result.ok && result.detail.length).toBeLessThan(400);
  });
});
