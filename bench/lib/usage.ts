/**
 * Usage pushes as a seller sends them (body signature with the usage key, then the APIG signature
 * over everything), built before the clock starts, and the on-demand instance they are pushed for.
 */
import { randomUUID } from 'node:crypto';
import type { Order } from '../../mock-server/core/market/order.js';
import { createInstanceRecord } from '../../mock-server/core/market/instance.js';
import { toUsageTime } from '../../mock-server/core/market/time-format.js';
import { computeUsageSignature } from '../../mock-server/core/signing/index.js';
import type { CannonRequest } from './cannon.js';
import { signedHeaders, USAGE_KEY, USAGE_PATH } from './servers.js';

/**
 * Creates an on-demand order through the admin API of the koomock at `url` and stores an instance
 * of it, as the seller's newInstance would have; returns the instance id.
 * @example const instanceId = await createOnDemandInstance(server.url);
 */
export async function createOnDemandInstance(url: string): Promise<string> {
  const res = await fetch(`${url}/_koomock/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chargingMode: 'ON_DEMAND' }) });
  if (res.status !== 201) throw new Error(`POST /_koomock/orders answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const order = (await res.json()) as Order;
  const orderLine = order.orderInfo.orderLine[0];
  if (orderLine === undefined) throw new Error('the on-demand order has no order line');
  const instanceId = randomUUID();
  const put = await fetch(`${url}/_koomock/runner/instances/${instanceId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(createInstanceRecord({ instanceId, order, orderLine, at: Date.now() })),
  });
  if (put.status !== 200) throw new Error(`PUT /_koomock/runner/instances answered ${put.status}: ${(await put.text()).slice(0, 200)}`);
  return instanceId;
}

/**
 * `count` distinct usage pushes of `records` records each for `instanceId` (fresh nonce, ts and
 * metering_sn each), signed for `origin`.
 * @example const pushes = buildUsagePushes(url, instanceId, 2000, 1, 'r0');
 */
export function buildUsagePushes(origin: string, instanceId: string, count: number, records: number, tag: string): CannonRequest[] {
  const now = Date.now();
  const times = { record_time: toUsageTime(now - 60_000), begin_time: toUsageTime(now - 3_600_000), end_time: toUsageTime(now - 120_000) };
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({
      usage_records: Array.from({ length: records }, (_, j) => ({ instance_id: instanceId, ...times, usage_value: '99', metering_sn: `${tag}-${i}-${j}` })),
    });
    const ts = String(now);
    const nonce = randomUUID().replaceAll('-', '');
    const signature = computeUsageSignature({ key: USAGE_KEY, ts, nonce, body });
    return { method: 'POST', path: USAGE_PATH, body, headers: signedHeaders(`${origin}${USAGE_PATH}`, 'POST', body, { signature, ts, nonce }) };
  });
}

/** A request source for autocannon that hands out `requests` in order (throws past the end). */
export function takeInOrder(requests: readonly CannonRequest[]): () => CannonRequest {
  let next = 0;
  return () => {
    const r = requests[next++];
    if (r === undefined) throw new Error(`only ${requests.length} requests were built; autocannon asked for more`);
    return r;
  };
}
