/**
 * The seller's side of the Open APIs, written from koomock's docs/signing.md §8: APIG
 * SDK-HMAC-SHA256 signing (canonical request, URI always ending in "/", sorted encoded query,
 * signed headers, body hash) and the order query with retries over the configured hosts.
 */
import { createHash, createHmac } from 'node:crypto';

const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sdkDate = (now: Date): string => now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** The Authorization header and X-Sdk-Date for one request. */
export function signApig(input: { method: string; url: URL; body: string; ak: string; sk: string; now: Date }): Record<string, string> {
  const date = sdkDate(input.now);
  const headers: Record<string, string> = { 'content-type': 'application/json', host: input.url.host, 'x-sdk-date': date };
  const path = input.url.pathname.split('/').map((seg) => rfc3986(decodeURIComponent(seg))).join('/');
  const uri = path.endsWith('/') ? path : `${path}/`;
  const query = [...input.url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = Object.keys(headers).sort();
  const canonical = [
    input.method.toUpperCase(),
    uri,
    query,
    names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(input.body, 'utf8').digest('hex'),
  ].join('\n');
  const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
  const signature = createHmac('sha256', input.sk).update(toSign, 'utf8').digest('hex');
  return { 'Content-Type': 'application/json', 'X-Sdk-Date': date, Authorization: `SDK-HMAC-SHA256 Access=${input.ak}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

export interface OrderLine {
  readonly orderLineId: string;
  readonly chargingMode?: string;
  readonly expireTime?: string;
  readonly productInfo?: readonly { readonly productId?: string; readonly skuCode?: string; readonly linearValue?: number }[];
}

export interface OrderInfo {
  readonly orderId: string;
  readonly orderType?: string;
  readonly orderLine: readonly OrderLine[];
}

export type OrderResult = { readonly ok: true; readonly order: OrderInfo } | { readonly ok: false; readonly retryable: boolean; readonly detail: string };

const ORDER_QUERY = '/api/mkp-openapi-public/global/v1/order/query';

async function queryOnce(base: string, orderId: string, orderLineId: string, creds: { ak: string; sk: string }): Promise<OrderResult> {
  const url = new URL(`${base.replace(/\/+$/, '')}${ORDER_QUERY}`);
  url.searchParams.set('orderId', orderId);
  url.searchParams.set('orderLineId', orderLineId);
  try {
    const r = await fetch(url, { headers: signApig({ method: 'GET', url, body: '', ...creds, now: new Date() }), signal: AbortSignal.timeout(5_000) });
    const value = (await r.json().catch(() => ({}))) as { resultCode?: string; orderInfo?: OrderInfo };
    if (r.ok && value.resultCode === 'MKT.0000' && value.orderInfo !== undefined) return { ok: true, order: value.orderInfo };
    return { ok: false, retryable: r.status >= 500, detail: `order query answered HTTP ${r.status} ${value.resultCode ?? ''}` };
  } catch (e) {
    return { ok: false, retryable: true, detail: `order query failed: ${(e as Error).message}` };
  }
}

/** The order, asked of each host in turn, three rounds at most. */
export async function queryOrder(hosts: readonly string[], orderId: string, orderLineId: string, creds: { ak: string; sk: string }): Promise<OrderResult> {
  let last: OrderResult = { ok: false, retryable: true, detail: 'no order query host configured' };
  for (let round = 0; round < 3; round += 1) {
    for (const host of hosts) {
      last = await queryOnce(host, orderId, orderLineId, creds);
      if (last.ok || !last.retryable) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return last;
}
