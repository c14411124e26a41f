/**
 * docs/fidelity.md#d27: the rules a usage push batch (open-api.md §3.3.1) must pass, checked rule by rule in the
 * order docs/fidelity.md#d27 lists them; the first violated rule answers for the whole batch. Duplicate
 * `metering_sn`s are not a violation: the store accepts each once and ignores repeats.
 *
 * Format errors answer `MKT.0101` "Invalid parameter" (HTTP 400). §3.6 also lists `MKT.9002`
 * "Invalid usage enties", but its wording belongs to the legacy partner API (§3.4) and it is an
 * HTTP 500, which tells a seller "retry later" for a record that can never succeed; 0101 is the
 * code every copy of the table agrees on for a bad field, and its 400 says "fix the request".
 */
import { parseUsageTime } from './time-format.js';
import { isObject } from '../is-object.js';

/** One record of `usage_records`, with the platform's snake_case names. */
export interface UsagePushRecord {
  readonly instance_id: string;
  readonly record_time: string;
  readonly begin_time: string;
  readonly end_time: string;
  /** Decimal string > 0 with at most 4 decimals. */
  readonly usage_value: string;
  /** The seller's unique id of the record: the idempotency key. */
  readonly metering_sn: string;
  readonly relate_pkg_instance?: string;
}

export type UsageRuleCode = 'MKT.9003' | 'MKT.9004' | 'MKT.0101' | 'MKT.9001';

export interface UsageRuleViolation {
  readonly ok: false;
  readonly code: UsageRuleCode;
  /** HTTP status of the code (open-api.md §3.6). */
  readonly status: 400 | 500;
  /** The platform's `error_msg`. */
  readonly message: string;
  /** What was expected, what was received, what to do. */
  readonly detail: string;
  /** Index of the first offending record (absent when the batch itself is wrong). */
  readonly index?: number;
  readonly field?: keyof UsagePushRecord;
}

export type UsageBatchResult = { readonly ok: true; readonly records: readonly UsagePushRecord[] } | UsageRuleViolation;

export interface UsageRuleContext {
  /** Epoch ms the 21-day window is measured from: wall-clock time, what the seller sees (docs/fidelity.md). */
  readonly now: number;
  readonly isOnDemandInstanceOfSeller: (instanceId: string) => boolean;
}

export const MAX_USAGE_RECORDS = 1000;
export const MAX_BEGIN_AGE_MS = 21 * 24 * 60 * 60 * 1000;

const USAGE_VALUE = /^\d+(\.\d{1,4})?$/;
const TIME_FIELDS = ['record_time', 'begin_time', 'end_time'] as const;
const LIMITS: Readonly<Record<keyof UsagePushRecord, number>> = {
  instance_id: 64,
  record_time: 20,
  begin_time: 20,
  end_time: 20,
  usage_value: 20,
  metering_sn: 64,
  relate_pkg_instance: 64,
};

const invalid = (detail: string, index?: number, field?: keyof UsagePushRecord): UsageRuleViolation => ({
  ok: false,
  code: 'MKT.0101',
  status: 400,
  message: 'Invalid parameter',
  detail,
  ...(index === undefined ? {} : { index }),
  ...(field === undefined ? {} : { field }),
});

/** Untrusted values in messages: JSON, cut short so a huge value cannot flood a report. */
function preview(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Why record `i` is malformed, or undefined when it is well formed. */
function findFormatError(record: unknown, i: number): UsageRuleViolation | undefined {
  if (!isObject(record)) return invalid(`usage_records[${i}] must be a JSON object, received ${preview(record)}`, i);
  for (const field of Object.keys(LIMITS) as (keyof UsagePushRecord)[]) {
    const value = record[field];
    if (value === undefined && field === 'relate_pkg_instance') continue;
    if (typeof value !== 'string' || value === '') {
      return invalid(`usage_records[${i}].${field} must be a non-empty string, received ${preview(value)}`, i, field);
    }
    if (value.length > LIMITS[field]) {
      return invalid(`usage_records[${i}].${field} may have at most ${LIMITS[field]} characters, received ${value.length}`, i, field);
    }
  }
  for (const field of TIME_FIELDS) {
    if (parseUsageTime(record[field]) === undefined) {
      return invalid(
        `usage_records[${i}].${field} must be a UTC time like "20220809T091000Z" (yyyyMMdd'T'HHmmss'Z'), received ${preview(record[field])}`,
        i,
        field,
      );
    }
  }
  const value = record.usage_value as string;
  if (!USAGE_VALUE.test(value) || !/[1-9]/.test(value)) {
    return invalid(
      `usage_records[${i}].usage_value must be a decimal string greater than 0 with at most 4 decimals (e.g. "12.5"), received ${preview(value)}`,
      i,
      'usage_value',
    );
  }
  return undefined;
}

/**
 * Checks a batch against docs/fidelity.md#d27 in order: count (MKT.9003), begin_time age (MKT.9004), formats
 * (MKT.0101), instance ownership (MKT.9001).
 * @example validateUsageBatch(body.usage_records, { now: clock.wallNow(), isOnDemandInstanceOfSeller: (id) => ids.has(id) })
 */
export function validateUsageBatch(records: unknown, context: UsageRuleContext): UsageBatchResult {
  if (!Array.isArray(records)) return invalid(`usage_records must be a JSON array of records, received ${preview(records)}`);
  if (records.length > MAX_USAGE_RECORDS) {
    return {
      ok: false,
      code: 'MKT.9003',
      status: 500,
      message: 'Usage records extends size limit',
      detail: `a push may carry at most ${MAX_USAGE_RECORDS} records, received ${records.length}: split the batch`,
    };
  }
  if (records.length === 0) return invalid('usage_records is empty: send at least one record');

  const oldest = context.now - MAX_BEGIN_AGE_MS;
  const tooOld = records.findIndex((r) => {
    const begin = isObject(r) ? parseUsageTime(r.begin_time) : undefined;
    return begin !== undefined && begin < oldest;
  });
  if (tooOld >= 0) {
    return {
      ok: false,
      code: 'MKT.9004',
      status: 500,
      message: 'Record beginTime extends Limit',
      detail: `usage_records[${tooOld}].begin_time ${preview((records[tooOld] as Record<string, unknown>).begin_time)} is more than 21 days old: push usage within 21 days of the metering window`,
      index: tooOld,
      field: 'begin_time',
    };
  }

  for (const [i, record] of records.entries()) {
    const error = findFormatError(record, i);
    if (error !== undefined) return error;
  }
  const valid = records as UsagePushRecord[];

  const unknown = valid.findIndex((r) => !context.isOnDemandInstanceOfSeller(r.instance_id));
  if (unknown >= 0) {
    return {
      ok: false,
      code: 'MKT.9001',
      status: 500,
      message: 'Instance ID not found',
      detail: `usage_records[${unknown}].instance_id ${preview(valid[unknown]?.instance_id)} is not an on-demand instance of this seller: use the instanceId your newInstance answer returned for an ON_DEMAND order`,
      index: unknown,
      field: 'instance_id',
    };
  }
  return { ok: true, records: valid.map(pickRecord) };
}

/** Only the documented fields, so stray members of the seller's JSON never reach the store. */
const pickRecord = (r: UsagePushRecord): UsagePushRecord => ({
  instance_id: r.instance_id,
  record_time: r.record_time,
  begin_time: r.begin_time,
  end_time: r.end_time,
  usage_value: r.usage_value,
  metering_sn: r.metering_sn,
  ...(r.relate_pkg_instance === undefined ? {} : { relate_pkg_instance: r.relate_pkg_instance }),
});
