/**
 * What the three usage push APIs share (open-api.md §3.3, §3.4; docs/fidelity.md#d27): JSON body parsing, the
 * on-demand instance lookup, storing accepted records, and the answers.
 */
import { createHash } from 'node:crypto';
import { parseBoundedJsonObject } from '../bounded-json.js';
import type { ApiResponse } from '../http-types.js';
import { jsonResponse } from '../http-types.js';
import type { UsagePushRecord, UsageRuleViolation } from '../market/usage-rules.js';
import { toErrorBody } from './error-codes.js';
import { type OpenApiContext, report } from './request-context.js';
import { toErrorResponse } from './responses.js';

export const USAGE_RULES_CHECK = 'usage.rules';

export type JsonBodyResult = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly detail: string };

/**
 * The body as a JSON object, or why it is not one.
 * @example parseJsonBody(Buffer.from('{"usage_records":[]}')) // { ok: true, value: { usage_records: [] } }
 */
export function parseJsonBody(raw: Uint8Array): JsonBodyResult {
  const parsed = parseBoundedJsonObject(raw);
  if (parsed.ok) return parsed;
  if (parsed.problem === 'not-object') return { ok: false, detail: 'the body must be a JSON object like {"usage_records":[…]}' };
  if (parsed.problem === 'syntax' || parsed.problem === 'empty') return { ok: false, detail: `${parsed.detail}: send {"usage_records":[…]}` };
  return { ok: false, detail: parsed.detail };
}

/** docs/fidelity.md#d27: an instance of this seller whose charging mode is pay-per-use (or a pay-per-use package). */
export const isOnDemandInstanceOf =
  (ctx: OpenApiContext, sellerId: string) =>
  (instanceId: string): boolean => {
    const mode = ctx.store.getInstance(sellerId, instanceId)?.chargingMode;
    return mode === 'ON_DEMAND' || mode === 'ON_DEMAND_PKG';
  };

/** A malformed body: 400 MKT.0101. */
export function toMalformedBody(ctx: OpenApiContext, detail: string): ApiResponse {
  report(ctx, { id: USAGE_RULES_CHECK, ok: false, expected: 'a JSON usage push body', received: 'MKT.0101', hint: detail });
  return toErrorResponse('MKT.0101', detail);
}

/** A broken rule as a handler answers it: a usage rule violation or one of the legacy APIs' own. */
export interface UsageViolation {
  readonly code: UsageRuleViolation['code'] | 'MKT.9002';
  readonly status: number;
  readonly detail: string;
}

/** A docs/fidelity.md#d27 rule broken: its own code and status, the detail as extra_info. */
export function toViolationResponse(ctx: OpenApiContext, v: UsageViolation): ApiResponse {
  report(ctx, { id: USAGE_RULES_CHECK, ok: false, expected: 'records that pass docs/fidelity.md#d27', received: v.code, hint: v.detail });
  return jsonResponse(v.status, toErrorBody(v.code, { extraInfo: v.detail }));
}

/** Stores the records (a repeated metering_sn is kept once) and answers the documented success. */
export function acceptUsage(ctx: OpenApiContext, sellerId: string, records: readonly UsagePushRecord[]): ApiResponse {
  const result = ctx.store.addUsageRecords(sellerId, records, ctx.clock.now());
  const repeated = result.duplicates.length === 0 ? '' : `; ${result.duplicates.length} repeated metering_sn ignored (idempotent)`;
  report(ctx, { id: USAGE_RULES_CHECK, ok: true, received: `${result.stored.length} records stored${repeated}` });
  return jsonResponse(200, toErrorBody('MKT.0000', { message: 'success' }));
}

/**
 * A stable metering_sn for APIs that have none (old and legacy usage push): the same record pushed
 * twice is stored once, as a re-sent batch would be on the new API.
 * @example toDerivedMeteringSn('old', record) // "old-5f2c…" (60 characters)
 */
export const toDerivedMeteringSn = (prefix: string, record: unknown): string =>
  `${prefix}-${createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 59 - prefix.length)}`;
