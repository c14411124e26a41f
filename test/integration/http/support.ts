/**
 * Shared pieces of the HTTP integration tests: a real emulator on 127.0.0.1:0 that closes itself,
 * and seller-side signing the way a seller's code does it (APIG AK/SK, usage body signature).
 */
import { randomUUID } from 'node:crypto';
import { test } from 'vitest';
import { createInstanceRecord } from '../../../mock-server/core/market/instance.js';
import { toUsageTime } from '../../../mock-server/core/market/time-format.js';
import { computeUsageSignature, signApigRequest } from '../../../mock-server/core/signing/index.js';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../mock-server/emulator.js';

/** open-api.md §2.4 vector 3: configured as the seller's AK/SK. */
export const VECTOR3 = { ak: 'EXAMPLEAKID000000000', sk: 'exampleSecretKeyForEmulatorTests000000000' } as const;
/** The usage key of open-api.md §3.3.1's self-generated example. */
export const USAGE_KEY = 'exampleIsvKey';

export const ORDER_QUERY = '/api/mkp-openapi-public/global/v1/order/query';
export const USAGE_PUSH = '/api/mkp-openapi-public/global/v1/isv/usage-data';
export const MOCK_ORDER_QUERY = `${ORDER_QUERY}?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW`;

export const SELLER_CONFIG = { seller: { ak: VECTOR3.ak, sk: VECTOR3.sk, keys: { usage: USAGE_KEY } } } as const;

/** An emulator configured with the vector 3 seller; closed after the test. */
export const startEmulator = (options: EmulatorOptions = {}): Promise<Emulator> => createEmulator({ config: SELLER_CONFIG, ...options });

export const it = test.extend('emulator', async ({}, { onCleanup }) => {
  const emulator = await startEmulator();
  onCleanup(() => emulator.close());
  return emulator;
});

export interface SignedRequest {
  readonly method?: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  readonly ak?: string;
  readonly sk?: string;
  /** Wall-clock ms of X-Sdk-Date; default now. */
  readonly now?: number;
  readonly signedHeaders?: readonly string[];
}

/** Headers and Authorization for a request signed like the JS SDK (every header) or as told. */
export function signRequest(r: SignedRequest): Record<string, string> {
  const signed = signApigRequest({
    method: r.method ?? 'GET',
    url: r.url,
    headers: r.headers ?? { 'Content-Type': 'application/json' },
    ...(r.body === undefined ? {} : { body: r.body }),
    ak: r.ak ?? VECTOR3.ak,
    sk: r.sk ?? VECTOR3.sk,
    now: r.now ?? Date.now(),
    ...(r.signedHeaders === undefined ? {} : { signedHeaders: r.signedHeaders }),
  });
  // fetch sends Host from the URL itself: the very value that was signed.
  const { Host: _host, ...headers } = signed.headers;
  return { ...headers, Authorization: signed.authorization };
}

/** fetch with an APIG signature. */
export const signedFetch = (r: SignedRequest): Promise<Response> =>
  fetch(r.url, { method: r.method ?? 'GET', headers: signRequest(r), ...(r.body === undefined ? {} : { body: r.body }) });

/** A usage record of `instanceId` for the hour before `now` (UTC `yyyyMMdd'T'HHmmss'Z'`). */
export const usageRecord = (instanceId: string, meteringSn: string, now = Date.now()) => ({
  instance_id: instanceId,
  record_time: toUsageTime(now - 60_000),
  begin_time: toUsageTime(now - 3_600_000),
  end_time: toUsageTime(now - 120_000),
  usage_value: '99',
  metering_sn: meteringSn,
});

/** A usage push the way a seller sends it: body signature headers, then the APIG signature over everything. */
export function usagePush(baseUrl: string, body: string, key = USAGE_KEY, now = Date.now()): Promise<Response> {
  const ts = String(now);
  const nonce = randomUUID().replaceAll('-', '');
  const signature = computeUsageSignature({ key, ts, nonce, body });
  return signedFetch({
    method: 'POST',
    url: `${baseUrl}${USAGE_PUSH}`,
    headers: { 'Content-Type': 'application/json', signature, ts, nonce },
    body,
    now,
  });
}

/** An on-demand order made through the admin API, and an instance of it stored as the seller's newInstance would have. */
export async function createOnDemandInstance(emulator: Emulator): Promise<string> {
  const order = await emulator.admin.createOrder({ chargingMode: 'ON_DEMAND' });
  const orderLine = order.orderInfo.orderLine[0];
  if (orderLine === undefined) throw new Error('order without a line');
  const instanceId = randomUUID();
  emulator.store.putInstance(createInstanceRecord({ instanceId, order, orderLine, at: Date.now() }));
  return instanceId;
}
