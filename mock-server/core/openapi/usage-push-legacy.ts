/**
 * `POST /v1.0/{partner_id}/billing/bill-mgr/push-usage-data` (open-api.md §3.4, legacy partner API):
 * `{partner_id}` must be the caller's account (§1), camelCase records whose `usageEntity` holds named
 * metering dimensions. Each dimension is stored as one usage record (the dimension name is not kept).
 */
import type { UsageRuleViolation } from '../market/usage-rules.js';
import { validateUsageBatch } from '../market/usage-rules.js';
import { type OpenApiRoute, report, requireCaller } from './request-context.js';
import { toErrorResponse } from './responses.js';
import {
  acceptUsage,
  isOnDemandInstanceOf,
  parseJsonBody,
  toDerivedMeteringSn,
  toMalformedBody,
  toViolationResponse,
} from './usage-common.js';
import { isObject } from '../is-object.js';

export const MAX_LEGACY_USAGE_RECORDS = 100;

const CAMEL: Readonly<Record<string, string>> = {
  instance_id: 'instanceId',
  record_time: 'recordTime',
  begin_time: 'beginTime',
  end_time: 'endTime',
};

interface Expanded {
  readonly records: unknown[];
  /** For each expanded record: its index in usageRecords and its dimension name. */
  readonly origin: { readonly index: number; readonly dimension: string }[];
}

/** Why usageEntity of record `i` is unusable (MKT.9002), or undefined. */
function findEntityError(record: Record<string, unknown>, i: number): string | undefined {
  const entity = record.usageEntity;
  if (!isObject(entity) || Object.keys(entity).length === 0) {
    return `usageRecords[${i}].usageEntity must be an object of metering dimensions like {"times":"3524"}`;
  }
  for (const [name, value] of Object.entries(entity)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) || (typeof value !== 'string' && typeof value !== 'number')) {
      return `usageRecords[${i}].usageEntity.${name.slice(0, 64)} must be a dimension name with a string or number amount`;
    }
  }
  return undefined;
}

function expand(records: readonly Record<string, unknown>[]): Expanded {
  const out: Expanded = { records: [], origin: [] };
  records.forEach((r, index) => {
    for (const [dimension, value] of Object.entries(r.usageEntity as Record<string, unknown>)) {
      out.records.push({
        instance_id: r.instanceId,
        record_time: r.recordTime,
        begin_time: r.beginTime,
        end_time: r.endTime,
        usage_value: typeof value === 'number' ? String(value) : value,
        metering_sn: toDerivedMeteringSn('legacy', { ...r, usageEntity: { [dimension]: value } }),
      });
      out.origin.push({ index, dimension });
    }
  });
  return out;
}

/** The rule message in this API's names: usage_records[3].begin_time -> usageRecords[1].beginTime. */
function renameViolation(v: UsageRuleViolation, origin: Expanded['origin']): UsageRuleViolation {
  const detail = v.detail.replace(/usage_records\[(\d+)\]\.(\w+)/g, (_all, i: string, field: string) => {
    const o = origin[Number(i)];
    if (o === undefined) return `usageRecords[?].${field}`;
    return `usageRecords[${o.index}].${field === 'usage_value' ? `usageEntity.${o.dimension}` : (CAMEL[field] ?? field)}`;
  });
  return { ...v, detail: detail.replaceAll('usage_records', 'usageRecords') };
}

export const usagePushLegacyRoute: OpenApiRoute = {
  id: 'usage.push-legacy',
  method: 'POST',
  path: '/v1.0/{partner_id}/billing/bill-mgr/push-usage-data',
  auth: 'apig',
  envelope: 'mkt',
  durable: true,
  handle(req, params, ctx) {
    const seller = requireCaller(ctx);
    if (params.partner_id !== seller.id) {
      const detail = `{partner_id} ${JSON.stringify(params.partner_id ?? '')} is not the account id of the AK's owner: put your own account id (32 hex) in the path`;
      report(ctx, { id: 'usage.partner', ok: false, expected: seller.id, received: params.partner_id ?? '', hint: detail });
      return toErrorResponse('MKT.0150', detail);
    }
    const body = parseJsonBody(req.rawBody);
    if (!body.ok) return toMalformedBody(ctx, body.detail.replace('usage_records', 'usageRecords'));
    const records = body.value.usageRecords;
    if (!Array.isArray(records) || records.length === 0 || !records.every(isObject)) {
      return toMalformedBody(ctx, 'usageRecords must be a non-empty JSON array of record objects');
    }
    if (records.length > MAX_LEGACY_USAGE_RECORDS) {
      const detail = `at most ${MAX_LEGACY_USAGE_RECORDS} usageRecords per push, received ${records.length}: split the batch`;
      return toViolationResponse(ctx, { code: 'MKT.9003', status: 500, detail });
    }
    const entityError = records.map(findEntityError).find((e) => e !== undefined);
    if (entityError !== undefined) {
      return toViolationResponse(ctx, { code: 'MKT.9002', status: 500, detail: entityError });
    }
    const expanded = expand(records);
    const result = validateUsageBatch(expanded.records, { now: ctx.clock.wallNow(), isOnDemandInstanceOfSeller: isOnDemandInstanceOf(ctx, seller.id) });
    if (!result.ok) return toViolationResponse(ctx, renameViolation(result, expanded.origin));
    return acceptUsage(ctx, seller.id, result.records);
  },
};
