import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { OpenApiClient, OpenApiOutcome } from './open-api-client.js';
import { toSdkDate } from './apig-sign.js';

export const USAGE_PUSH_PATH = '/api/mkp-openapi-public/global/v1/isv/usage-data';

/** One usage record (open-api.md §3.3.1). Times are UTC `yyyyMMdd'T'HHmmss'Z'`. */
export interface UsageRecord {
  readonly instanceId: string;
  /** > 0, at most 4 decimals, sent as a string. */
  readonly usageValue: string;
  readonly beginTime: string;
  readonly endTime: string;
  readonly recordTime: string;
  /** Unique per record: the marketplace ignores a repeated metering_sn, so retries are safe. */
  readonly meteringSn: string;
  readonly relatePkgInstance?: string;
}

/**
 * The body signature the usage push carries on top of APIG signing:
 * base64 HMAC-SHA256(usageKey, "ts={ts}&nonce={nonce}&body={body}") over the exact body sent.
 * @example
 *   computeUsageSignature('exampleIsvKey', '1732180500000', '3f9a1c0e7b2d4e6f', body); // 'Ifmlj2pt…7nk='
 */
export function computeUsageSignature(key: string, ts: string, nonce: string, body: string): string {
  return createHmac('sha256', key).update(`ts=${ts}&nonce=${nonce}&body=${body}`, 'utf8').digest('base64');
}

/**
 * The JSON body with every object's keys in ascending order ("naturally sorted"), so the bytes
 * sent and the bytes signed are one and the same string.
 */
export function toUsageBody(records: readonly UsageRecord[]): string {
  const usage_records = records.map((r) => ({
    begin_time: r.beginTime,
    end_time: r.endTime,
    instance_id: r.instanceId,
    metering_sn: r.meteringSn,
    record_time: r.recordTime,
    ...(r.relatePkgInstance === undefined ? {} : { relate_pkg_instance: r.relatePkgInstance }),
    usage_value: r.usageValue,
  }));
  return JSON.stringify({ usage_records });
}

/**
 * A record for the last hour, with a fresh metering_sn.
 * @example
 *   createUsageRecord('inst-1', '12.5', new Date());
 */
export function createUsageRecord(instanceId: string, usageValue: string, now: Date): UsageRecord {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  return { instanceId, usageValue, beginTime: toSdkDate(hourAgo), endTime: toSdkDate(now), recordTime: toSdkDate(now), meteringSn: randomUUID() };
}

/**
 * Pushes usage records. Each attempt gets a fresh ts/nonce (the marketplace refuses a reused
 * nonce); the body and its metering_sn stay the same, which keeps retries idempotent.
 * @example
 *   const out = await pushUsage(api, usageKey, [createUsageRecord(instanceId, '3', new Date())]);
 */
export function pushUsage(api: OpenApiClient, usageKey: string, records: readonly UsageRecord[]): Promise<OpenApiOutcome> {
  const body = toUsageBody(records);
  return api.call({
    method: 'POST',
    path: USAGE_PUSH_PATH,
    body,
    headers: () => {
      const ts = String(Date.now());
      const nonce = randomBytes(16).toString('hex');
      return { signature: computeUsageSignature(usageKey, ts, nonce, body), ts, nonce };
    },
  });
}
