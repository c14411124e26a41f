/**
 * `POST /rest/marketplace/v1/isv/usage-data` (open-api.md §3.3.2, deprecated): AK/SK only, no body
 * signature, `product_id` instead of `metering_sn`, at most 100 records, usage_value string or number.
 */
import type { UsagePushRecord } from '../market/usage-rules.js';
import { validateUsageBatch } from '../market/usage-rules.js';
import { type OpenApiRoute, requireCaller } from './request-context.js';
import {
  acceptUsage,
  isOnDemandInstanceOf,
  parseJsonBody,
  toDerivedMeteringSn,
  toMalformedBody,
  toViolationResponse,
} from './usage-common.js';
import { isObject } from '../is-object.js';

export const MAX_OLD_USAGE_RECORDS = 100;

/** The new API's record shape, so one rule set (docs/fidelity.md#d27) checks both. */
function toNewRecord(record: unknown): unknown {
  if (!isObject(record)) return record;
  const rest = Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'product_id' && k !== 'metering_sn'));
  const usage = typeof record.usage_value === 'number' ? String(record.usage_value) : record.usage_value;
  return { ...rest, usage_value: usage, metering_sn: toDerivedMeteringSn('old', record) };
}

export const usagePushOldRoute: OpenApiRoute = {
  id: 'usage.push-old',
  method: 'POST',
  path: '/rest/marketplace/v1/isv/usage-data',
  auth: 'apig',
  envelope: 'mkt',
  durable: true,
  handle(req, _params, ctx) {
    const seller = requireCaller(ctx);
    const body = parseJsonBody(req.rawBody);
    if (!body.ok) return toMalformedBody(ctx, body.detail);
    const records = body.value.usage_records;
    if (Array.isArray(records) && records.length > MAX_OLD_USAGE_RECORDS) {
      return toViolationResponse(ctx, {
        code: 'MKT.9003',
        status: 500,
        detail: `the old usage API takes at most ${MAX_OLD_USAGE_RECORDS} records, received ${records.length}: split the batch`,
      });
    }
    const result = validateUsageBatch(Array.isArray(records) ? records.map(toNewRecord) : records, {
      // The seller's own timestamps are judged against the time it can see, never koomock's virtual clock.
      now: ctx.clock.wallNow(),
      isOnDemandInstanceOfSeller: isOnDemandInstanceOf(ctx, seller.id),
    });
    if (!result.ok) return toViolationResponse(ctx, result);
    const wrongProduct = (records as unknown[]).findIndex((r, i) => {
      const productId = isObject(r) ? r.product_id : undefined;
      const instance = ctx.store.getInstance(seller.id, (result.records[i] as UsagePushRecord).instance_id);
      return productId !== undefined && productId !== instance?.productId;
    });
    if (wrongProduct >= 0) {
      const r = records as Record<string, unknown>[];
      const detail =
        `usage_records[${wrongProduct}].product_id ${JSON.stringify(r[wrongProduct]?.product_id)} is not the product of instance ` +
        `${JSON.stringify(r[wrongProduct]?.instance_id)}: send the productId of that instance's order line`;
      return toViolationResponse(ctx, { code: 'MKT.0101', status: 400, detail });
    }
    return acceptUsage(ctx, seller.id, result.records);
  },
};
