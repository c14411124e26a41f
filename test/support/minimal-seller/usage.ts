/**
 * Pushing usage of an on-demand instance, from koomock's docs/signing.md §8-§9: the APIG-signed
 * POST to the usage-data API, plus the body signature base64(HMAC-SHA256(key,
 * "ts={ts}&nonce={nonce}&body={body}")) in the `signature`, `ts`, `nonce` headers, over a body with
 * sorted keys. Times are the seller's own clock, `yyyyMMdd'T'HHmmss'Z'`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { signApig } from './apig.js';

const USAGE_PATH = '/api/mkp-openapi-public/global/v1/isv/usage-data';

const utc = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** Pushes one record for the last hour; resolves to the platform's error_code. */
export async function pushUsage(host: string, instanceId: string, input: { ak: string; sk: string; usageKey: string }): Promise<string> {
  const now = Date.now();
  const record = { begin_time: utc(now - 3_600_000), end_time: utc(now - 60_000), instance_id: instanceId, metering_sn: randomUUID(), record_time: utc(now), usage_value: '1.5' };
  const body = JSON.stringify({ usage_records: [record] });
  const ts = String(now);
  const nonce = randomUUID().replaceAll('-', '');
  const signature = createHmac('sha256', input.usageKey).update(`ts=${ts}&nonce=${nonce}&body=${body}`, 'utf8').digest('base64');
  const url = new URL(`${host.replace(/\/+$/, '')}${USAGE_PATH}`);
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { ...signApig({ method: 'POST', url, body, ak: input.ak, sk: input.sk, now: new Date(now) }), signature, ts, nonce },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    const value = (await r.json().catch(() => ({}))) as { error_code?: string };
    return value.error_code ?? `HTTP ${r.status}`;
  } catch (e) {
    return `failed: ${(e as Error).message}`;
  }
}
