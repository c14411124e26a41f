/**
 * Metering of on-demand (按需) instances: the seller measures each running instance and pushes
 * usage to the marketplace at least hourly (open-api.md §3.3). This example bills instance-hours:
 * every interval, one record per provisioned, running on-demand instance covering the time since
 * its last record. A frozen (arrears) or released instance is not metered.
 */
import { randomUUID } from 'node:crypto';
import { toSdkDate } from './apig-sign.js';
import type { SellerContext } from './context.js';
import { pushUsage, type UsageRecord } from './usage-client.js';

const HOUR_MS = 3_600_000;
const MAX_RECORDS = 1000;

/** Instance-hours with at most 4 decimals, at least 0.0001 (usage_value must be > 0). */
const toHours = (ms: number): string => Math.max(0.0001, Math.round((ms / HOUR_MS) * 10_000) / 10_000).toFixed(4).replace(/\.?0+$/, '');

/**
 * Starts metering every `intervalMs`; returns the function that stops it.
 * @example
 *   const stop = startMetering(context, 3_600_000);
 */
export function startMetering(ctx: SellerContext, intervalMs: number): () => void {
  const meteredUntil = new Map<string, number>();
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const now = Date.now();
      const records: UsageRecord[] = [];
      for (const i of ctx.instances.list()) {
        if (i.chargingMode !== 'ON_DEMAND' || i.released || i.frozen || i.appInfo === undefined) continue;
        const from = meteredUntil.get(i.instanceId) ?? Date.parse(i.createdAt);
        if (!(now > from)) continue;
        records.push({ instanceId: i.instanceId, usageValue: toHours(now - from), beginTime: toSdkDate(new Date(from)), endTime: toSdkDate(new Date(now)), recordTime: toSdkDate(new Date(now)), meteringSn: randomUUID() });
        if (records.length === MAX_RECORDS) break;
      }
      if (records.length === 0) return;
      const outcome = await pushUsage(ctx.openApi, ctx.options.keys.usage, records);
      const accepted = outcome.kind !== 'unreachable' && outcome.status === 200 && outcome.code === 'MKT.0000';
      // Only accepted windows move on; a refused push is tried again, same window extended, next time.
      if (accepted) for (const r of records) meteredUntil.set(r.instanceId, now);
      ctx.log(`metering: pushed ${records.length} usage record(s): ${accepted ? 'accepted' : `refused (${outcome.kind === 'unreachable' ? outcome.detail : `HTTP ${outcome.status} ${outcome.code ?? ''}`})`}`);
    } catch (e) {
      ctx.log(`metering: push failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
