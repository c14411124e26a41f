import { createHash, createHmac, publicEncrypt, constants, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { signApigRequest } from '../../examples/seller-express/src/apig-sign.js';
import { startSeller, type RunningSeller, type SellerOptions } from '../../examples/seller-express/src/app.js';
import { computeUsageSignature } from '../../examples/seller-express/src/usage-client.js';
import { computeKitSignature } from '../../examples/seller-express/src/verify-kit.js';
import { computeV2Signature } from '../../examples/seller-express/src/verify-v2.js';
import { rsaKeyPair } from '../support/rsa-keys.js';

/*
 * The reference seller (examples/seller-express) against a marketplace written here from the spec:
 * V2 and kit signing with node:crypto, and a tiny order-query / usage-push server that checks the
 * seller's APIG signatures with its own implementation. Nothing here shares code with the seller
 * except the known-answer checks of its exported signing functions.
 */

const KEYS = { basic: 'basicKey-0123456789', general: 'generalKey-0123456789', kit: 'kitKey-0123456789', usage: 'usageKey-0123456789' };
const AK = 'EXAMPLEAKID000000000';
const SK = 'exampleSecretKeyForEmulatorTests000000000';

// ---------------------------------------------------------------- marketplace-side signing

const hmacHex = (key: string, msg: string): string => createHmac('sha256', key).update(msg).digest('hex');

/** Top-level keys sorted, compact (docs/fidelity.md#d2): the bytes the marketplace sends and signs. */
const toBody = (fields: Record<string, unknown>): string =>
  JSON.stringify(Object.fromEntries(Object.keys(fields).sort().map((k) => [k, fields[k]])));

interface SignParams {
  key?: string;
  nonce?: string;
  timestamp?: string;
}

/** V2 URL parameters for a body (produce-api.md §6.1), signature in upper case like the marketplace. */
function signV2(payload: string, p: SignParams = {}): { signature: string; timestamp: string; nonce: string } {
  const key = p.key ?? KEYS.basic;
  const nonce = p.nonce ?? randomBytes(16).toString('hex');
  const timestamp = p.timestamp ?? String(Date.now());
  const signature = hmacHex(key, key + nonce + timestamp + hmacHex(key, payload)).toUpperCase();
  return { signature, timestamp, nonce };
}

interface Answer {
  status: number;
  contentType: string | null;
  json: Record<string, unknown>;
}

async function post(url: string, body: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json;charset=utf8', ...headers }, body, ...(signal ? { signal } : {}) });
  return { status: res.status, contentType: res.headers.get('content-type'), json: (await res.json()) as Record<string, unknown> };
}

/** Sends one V2 produce call; `query` overrides (or with undefined, removes) URL parameters. */
function produce(seller: RunningSeller, fields: Record<string, unknown>, p: SignParams & { query?: Record<string, string | undefined>; signal?: AbortSignal } = {}): Promise<Answer> {
  const body = toBody(fields);
  const params: Record<string, string | undefined> = { ...signV2(body, p), ...p.query };
  const url = new URL(seller.produceUrl);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return post(url.href, body, {}, p.signal);
}

function kit(seller: RunningSeller, op: string, fields: Record<string, unknown>, key = KEYS.kit): Promise<Answer> {
  const body = toBody(fields);
  const nonce = randomBytes(16).toString('hex');
  const timestamp = String(Date.now());
  const sign = hmacHex(key, key + nonce + timestamp + body).toUpperCase();
  return post(`${seller.produceUrl}/produceAPI/v2/${op}`, body, { 'x-sign': sign, 'x-timestamp': timestamp, 'x-nonce': nonce });
}

// ---------------------------------------------------------------- fake Open API server

const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/** Verifies SDK-HMAC-SHA256 the way APIG does (open-api.md §2.3): rebuild from the client's SignedHeaders. */
function verifyApig(req: IncomingMessage, body: Buffer): boolean {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,]+),\s?SignedHeaders=([^,]+),\s?Signature=(\w+)$/.exec(String(req.headers.authorization ?? ''));
  if (!m || m[1] !== AK) return false;
  const signed = (m[2] ?? '').split(';');
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) return false;
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname.split('/').map((s) => enc(decodeURIComponent(s))).join('/');
  const query = [...url.searchParams].map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join('&');
  const cr = [req.method, path.endsWith('/') ? path : `${path}/`, query, signed.map((h) => `${h}:${String(req.headers[h] ?? '').trim()}\n`).join(''), signed.join(';'), sha256(body)].join('\n');
  const date = String(req.headers['x-sdk-date'] ?? '');
  const sts = `SDK-HMAC-SHA256\n${date}\n${sha256(cr)}`;
  return createHmac('sha256', SK).update(sts).digest('hex') === m[3];
}

interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  apigOk: boolean;
  bodySignatureOk?: boolean;
  body: string;
}

interface FakeMarket {
  url: string;
  requests: SeenRequest[];
  /** The next n order queries answer HTTP 500 MKT.0999. */
  failNext: number;
  close(): Promise<void>;
}

type Line = { chargingMode: string; productId?: string; skuCode?: string; linearValue?: number; extendParams?: { name: string; value: string }[] };

function order(orderId: string, line: Line, orderType = 'NEW'): Record<string, unknown> {
  return {
    orderId,
    orderType,
    createTime: '20241121090846',
    orderLine: [{
      orderLineId: `${orderId}-000001`,
      chargingMode: line.chargingMode,
      ...(line.chargingMode === 'PERIOD' ? { periodType: 'year', periodNumber: 1, expireTime: '20251121235959' } : {}),
      productInfo: [{ productId: line.productId ?? 'OFFI846204237451911168', skuCode: line.skuCode ?? '0a4d1578-5295-46a7-92d4-7c803dccc51d', linearValue: line.linearValue ?? 50, productName: 'MOCK测试商品' }],
      extendParams: line.extendParams ?? [],
      currency: '100',
      currencyAfterDiscount: '100',
    }],
    buyerInfo: { customerId: '459bbbec25d24749b2eb83be37b602a8', customerName: 'mock_user_01', email: null },
    extendParams: [],
  };
}

const ORDERS: Record<string, Record<string, unknown>> = Object.fromEntries(
  [
    order('MOCKPERIODYEARNEW', { chargingMode: 'PERIOD' }),
    order('MOCKONDEMAND', { chargingMode: 'ON_DEMAND', productId: 'OFFI000000000000000001' }),
    order('MOCKMONTYCHANGE', { chargingMode: 'PERIOD', skuCode: 'sku-upgraded', linearValue: 80 }, 'CHANGE'),
    order('CS2211181819B4LVS', { chargingMode: 'PERIOD' }),
    order('KMASYNC', { chargingMode: 'PERIOD', extendParams: [{ name: 'koomock.provisioning', value: 'async' }, { name: 'koomock.provisionDelayMs', value: '400' }] }),
    order('KMSLOW', { chargingMode: 'PERIOD', extendParams: [{ name: 'koomock.responseDelayMs', value: '1000' }] }),
  ].map((o) => [o['orderId'] as string, o]),
);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startFakeMarket(): Promise<FakeMarket> {
  const market: Omit<FakeMarket, 'url' | 'close'> = { requests: [], failNext: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), apigOk: verifyApig(req, body), body: body.toString('utf8') };
      market.requests.push(seen);
      const send = (status: number, json: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      };
      if (!seen.apigOk) return send(401, { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' });
      if (url.pathname === '/api/mkp-openapi-public/global/v1/order/query') {
        if (market.failNext > 0) {
          market.failNext--;
          return send(500, { resultCode: 'MKT.0999', resultMsg: 'System internal error' });
        }
        const found = ORDERS[seen.query['orderId'] ?? ''];
        if (!found) return send(400, { resultCode: 'MKT.0101', resultMsg: 'Invalid parameter' });
        const lines = (found['orderLine'] as { orderLineId: string }[]).filter((l) => !seen.query['orderLineId'] || l.orderLineId === seen.query['orderLineId']);
        return send(200, { resultCode: 'MKT.0000', resultMsg: 'Success', orderInfo: { ...found, orderLine: lines } });
      }
      if (url.pathname === '/api/mkp-openapi-public/global/v1/isv/usage-data') {
        const ts = String(req.headers['ts'] ?? '');
        const nonce = String(req.headers['nonce'] ?? '');
        const expected = createHmac('sha256', KEYS.usage).update(`ts=${ts}&nonce=${nonce}&body=${seen.body}`).digest('base64');
        seen.bodySignatureOk = req.headers['signature'] === expected && Math.abs(Date.now() - Number(ts)) < 60_000;
        return seen.bodySignatureOk ? send(200, { error_code: 'MKT.0000', error_msg: 'success' }) : send(400, { error_code: 'MKT.0102', error_msg: 'Invalid body sign' });
      }
      return send(404, { error_code: 'APIG.0101', error_msg: 'API not found' });
    });
  });
  const url = await listen(server);
  return Object.assign(market, {
    url,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  });
}

/** A URL on which nothing listens: connections are refused. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

// ---------------------------------------------------------------- fixtures

interface Fixtures {
  market: FakeMarket;
  makeSeller: (overrides?: Partial<SellerOptions>) => Promise<RunningSeller>;
  seller: RunningSeller;
}

const it = test.extend<Fixtures>({
  market: async ({}, use) => {
    const market = await startFakeMarket();
    await use(market);
    await market.close();
  },
  makeSeller: async ({ market }, use) => {
    const started: RunningSeller[] = [];
    await use(async (overrides = {}) => {
      const s = await startSeller({ keys: KEYS, ak: AK, sk: SK, orderApiUrls: [market.url], openApi: { backoffMs: [20] }, ...overrides });
      started.push(s);
      return s;
    });
    await Promise.all(started.map((s) => s.close()));
  },
  seller: async ({ makeSeller }, use) => {
    await use(await makeSeller());
  },
});

const newInstanceFields = (orderId = 'MOCKPERIODYEARNEW', businessId = crypto.randomUUID()): Record<string, unknown> => ({
  activity: 'newInstance',
  orderId,
  orderLineId: `${orderId}-000001`,
  businessId,
});

async function state(seller: RunningSeller): Promise<{ instances: Record<string, unknown>[]; notifications: unknown[]; tenants: unknown[]; applications: Record<string, unknown>[]; users: unknown[]; orgs: unknown[] }> {
  return (await fetch(`${seller.url}/_seller/state`)).json() as never;
}

const orderQueries = (market: FakeMarket): SeenRequest[] => market.requests.filter((r) => r.path.endsWith('/order/query'));

// ---------------------------------------------------------------- tests

describe('known-answer vectors (produce-api.md §6, open-api.md §2.4, §3.3, §4.1, §5.3)', () => {
  const SPEC_PAYLOAD = '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"0"}';
  const SPEC_NONCE = '50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA';

  test('the test signer reproduces the SELF-GENERATED V2 vector (inner digest and signature)', () => {
    expect(hmacHex('testAccessKey123', SPEC_PAYLOAD)).toBe('cbe3ab80b89eec17ddb4c23cb936460809c936ece6c6e57f9e540675f49fdb8f');
    expect(signV2(SPEC_PAYLOAD, { key: 'testAccessKey123', nonce: SPEC_NONCE, timestamp: '1680508066618' }).signature).toBe('BEF083BC31BC8AE73DA87F2757727CCBD7962B4E7A9DBAD0AED74C99DE8B7889');
  });

  test.for([
    { name: 'V2 newInstance', actual: () => computeV2Signature('testAccessKey123', SPEC_PAYLOAD, SPEC_NONCE, '1680508066618'), expected: 'bef083bc31bc8ae73da87f2757727ccbd7962b4e7a9dbad0aed74c99de8b7889' },
    { name: 'V2 orderNotify', actual: () => computeV2Signature('exampleAccessKey', '{"activity":"orderNotify","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"1"}', 'Of4lsV7H1qrzVDI52O5CFk2ofPcZRaA6', '1729566664115'), expected: '377e542f5bf9893e799bfe65fe7da1dad2ba510c4c81f2604756b3867ecde4cd' },
    { name: 'kit x-sign (§6.2)', actual: () => computeKitSignature('testAccessKey123', SPEC_PAYLOAD, SPEC_NONCE, '1680508066618'), expected: '258ae3a78dbf2ea9905976bc0c249c10b80e203d20c2cb18b67853bb1240a8e9' },
    { name: 'kit x-sign over tenantSync', actual: () => computeKitSignature('exampleAccessKey', '{"domainName":"https://example.tenantaccount.com","flag":1,"instanceId":"huaiweitest123456","name":"huaiweitest","orderId":"CS1906666666ABCDE","tenantCode":"huawei","tenantId":"68cbc86abc2018ab880d92f36422fa0e","testFlag":0,"timeStamp":"20220413093539534"}', 'b6c1f0e2a9d84c3e', '1680508066618'), expected: 'a599cf87546579887097ff4c9efe8e6b71263163073a1ee4e0429627a25bbc04' },
    { name: 'usage body signature', actual: () => computeUsageSignature('exampleIsvKey', '1732180500000', '3f9a1c0e7b2d4e6f', '{"usage_records":[{"begin_time":"20241121T080000Z","end_time":"20241121T090000Z","instance_id":"7f141bf1-aec8-4859-8323-fb3a8ad50721","metering_sn":"a1b2c3d4e5f6","record_time":"20241121T091000Z","usage_value":"99"}]}'), expected: 'Ifmlj2ptD1ygMh+hvqazn3euGLLWwnlgYGc5u3mf7nk=' },
    { name: 'APIG vector 1 (official doc)', actual: () => signApigRequest({ method: 'GET', url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0', headers: { 'Content-Type': 'application/json' }, body: '' }, 'QTWAOYTTINDUT2QVKYUC', 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', new Date('2019-11-15T03:36:55Z')).Authorization, expected: 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe' },
    { name: 'APIG vector 3 (order query)', actual: () => signApigRequest({ method: 'GET', url: 'https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderLineId=MOCKPERIODYEARNEW-000001&orderId=MOCKPERIODYEARNEW', headers: { 'Content-Type': 'application/json' }, body: '' }, AK, SK, new Date('2024-11-21T09:08:46Z')).Authorization, expected: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=273124388c053f174353f28472424811c26cf3c1df0d10f9c70e8604842489fd` },
  ])('the seller computes the $name vector', ({ actual, expected }) => {
    expect(actual()).toBe(expected);
  });

  it('the seller accepts the exact request of the V2 vector (clock set to its timestamp)', async ({ makeSeller }) => {
    const seller = await makeSeller({ keys: { ...KEYS, basic: 'testAccessKey123' }, now: () => 1680508066618 + 1_000 });
    const url = `${seller.produceUrl}?signature=BEF083BC31BC8AE73DA87F2757727CCBD7962B4E7A9DBAD0AED74C99DE8B7889&timestamp=1680508066618&nonce=${SPEC_NONCE}`;
    const answer = await post(url, SPEC_PAYLOAD);
    expect(answer.json).toEqual({ resultCode: '000000', resultMsg: 'success', instanceId: '87b94795-0603-4e24-8ae5-69420d60e3c8' });
  });
});

describe('newInstance', () => {
  it('answers 000000 with an instanceId after an APIG-signed order query', async ({ seller, market }) => {
    const fields = newInstanceFields();
    const answer = await produce(seller, fields);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json;charset=utf-8');
    expect(answer.json).toMatchObject({ resultCode: '000000', instanceId: fields['businessId'] });
    expect(orderQueries(market)).toEqual([expect.objectContaining({ method: 'GET', apigOk: true, query: { orderId: 'MOCKPERIODYEARNEW', orderLineId: 'MOCKPERIODYEARNEW-000001' } })]);
  });

  it('returns the same instanceId to a re-send with a new businessId and creates nothing new', async ({ seller }) => {
    const first = await produce(seller, newInstanceFields());
    const again = await produce(seller, newInstanceFields());
    expect(again.json).toMatchObject({ resultCode: '000000', instanceId: first.json['instanceId'] });
    expect((await state(seller)).instances).toHaveLength(1);
  });

  it('keys an on-demand order on orderId + productId learned from the order query', async ({ seller }) => {
    const first = await produce(seller, newInstanceFields('MOCKONDEMAND'));
    const again = await produce(seller, newInstanceFields('MOCKONDEMAND'));
    expect(again.json['instanceId']).toBe(first.json['instanceId']);
    expect((await state(seller)).instances[0]).toMatchObject({ idempotencyKey: 'MOCKONDEMAND|product:OFFI000000000000000001', chargingMode: 'ON_DEMAND' });
  });

  it('answers 000004 in async mode, then queryInstance lists the instance with appInfo once provisioning is done', async ({ seller }) => {
    const answer = await produce(seller, newInstanceFields('KMASYNC'));
    expect(answer.json).toMatchObject({ resultCode: '000004' });
    const instanceId = String(answer.json['instanceId']);
    // Still provisioning: not listed, so the marketplace keeps polling (it stops at the first answer that lists it).
    const early = await produce(seller, { activity: 'queryInstance', instanceId });
    expect(early.json).toEqual({ resultCode: '000000', resultMsg: 'success', info: [] });
    let later = early;
    for (let i = 0; i < 40 && JSON.stringify(later.json['info']) === JSON.stringify(early.json['info']); i++) {
      await new Promise((r) => setTimeout(r, 50));
      later = await produce(seller, { activity: 'queryInstance', instanceId });
    }
    expect(later.json['info']).toEqual([{ instanceId, appInfo: expect.objectContaining({ frontEndUrl: expect.stringContaining(instanceId) }) }]);
  });

  it('gives a re-send the same instance while the first, slow answer is still pending', async ({ seller }) => {
    const firstBusinessId = crypto.randomUUID();
    const slow = produce(seller, newInstanceFields('KMSLOW', firstBusinessId), { signal: AbortSignal.timeout(150) });
    await expect(slow).rejects.toThrow();
    const started = Date.now();
    const overlapping = await Promise.all([produce(seller, newInstanceFields('KMSLOW')), produce(seller, newInstanceFields('KMSLOW'))]);
    expect(Date.now() - started).toBeLessThan(800); // only the first request for the order line is held back
    for (const a of overlapping) expect(a.json).toMatchObject({ resultCode: '000000', instanceId: firstBusinessId });
    expect((await state(seller)).instances).toHaveLength(1);
  });

  it('retries an order query that answers MKT.0999 and succeeds', async ({ seller, market }) => {
    market.failNext = 1;
    const answer = await produce(seller, newInstanceFields());
    expect(answer.json['resultCode']).toBe('000000');
    expect(orderQueries(market)).toHaveLength(2);
  });

  it('answers 000005 and creates nothing when the order query keeps failing', async ({ seller, market }) => {
    market.failNext = 3;
    const answer = await produce(seller, newInstanceFields());
    expect(answer.json['resultCode']).toBe('000005');
    expect(orderQueries(market)).toHaveLength(3);
    expect((await state(seller)).instances).toHaveLength(0);
  });

  it('fails over to the next Open API host when the first refuses connections', async ({ makeSeller, market }) => {
    const seller = await makeSeller({ orderApiUrls: [await refusedUrl(), market.url] });
    const answer = await produce(seller, newInstanceFields());
    expect(answer.json['resultCode']).toBe('000000');
    expect(orderQueries(market)).toHaveLength(1);
  });

  it('answers 000002 for an order the marketplace does not know', async ({ seller }) => {
    const answer = await produce(seller, newInstanceFields('CS0000000000NOPE0'));
    expect(answer.json['resultCode']).toBe('000002');
  });

  it('answers 000002 when businessId is missing', async ({ seller }) => {
    const { businessId: _omit, ...fields } = newInstanceFields();
    const answer = await produce(seller, fields);
    expect(answer.json).toMatchObject({ resultCode: '000002', resultMsg: expect.stringContaining('businessId') });
  });
});

describe('signature checks', () => {
  it.for([
    { name: 'a forged signature', p: { query: { signature: 'A'.repeat(64) } } },
    { name: 'a signature made with another key', p: { key: 'some-other-key' } },
    { name: 'the general key on a basic activity', p: { key: KEYS.general } },
    { name: 'a missing signature', p: { query: { signature: undefined } } },
    { name: 'a missing timestamp', p: { query: { timestamp: undefined } } },
    { name: 'a missing nonce', p: { query: { nonce: undefined } } },
    { name: 'a timestamp 61 seconds old', p: {}, skewMs: -61_000 },
    { name: 'a timestamp 61 seconds ahead', p: {}, skewMs: 61_000 },
  ] as { name: string; p: SignParams & { query?: Record<string, string | undefined> }; skewMs?: number }[])('rejects $name with 000001 and changes nothing', async ({ p, skewMs }, { seller, market }) => {
    const timestamp = skewMs === undefined ? {} : { timestamp: String(Date.now() + skewMs) };
    const answer = await produce(seller, newInstanceFields(), { ...p, ...timestamp });
    expect(answer.status).toBe(200);
    expect(answer.json['resultCode']).toBe('000001');
    expect(orderQueries(market)).toHaveLength(0);
    expect((await state(seller)).instances).toHaveLength(0);
  });

  it('rejects a 10-digit timestamp in seconds with 000001: the marketplace sends milliseconds (docs/fidelity.md#d3)', async ({ seller }) => {
    const answer = await produce(seller, { activity: 'queryInstance', instanceId: 'x' }, { timestamp: String(Math.floor(Date.now() / 1000)) });
    expect(answer.json).toMatchObject({ resultCode: '000001', resultMsg: expect.stringContaining('timestamp has 10 digits (seconds?)') });
  });

  it('rejects a body changed after signing', async ({ seller }) => {
    const signed = toBody(newInstanceFields());
    const params = new URLSearchParams(signV2(signed));
    const answer = await post(`${seller.produceUrl}?${params}`, signed.replace('MOCKPERIODYEARNEW"', 'MOCKONDEMAND"'));
    expect(answer.json['resultCode']).toBe('000001');
  });

  it('rejects a replayed nonce', async ({ seller }) => {
    const fields = { activity: 'queryInstance', instanceId: 'x' };
    const params = signV2(toBody(fields));
    expect((await produce(seller, fields, params)).json['resultCode']).toBe('000000');
    const replay = await produce(seller, fields, params);
    expect(replay.json).toMatchObject({ resultCode: '000001', resultMsg: expect.stringContaining('nonce') });
  });

  it('accepts a lower-case signature and a body whose keys are not sorted', async ({ seller }) => {
    const fields = { instanceId: 'x', activity: 'queryInstance' };
    const unsorted = JSON.stringify(fields);
    const p = signV2(toBody(fields));
    const answer = await post(`${seller.produceUrl}?${new URLSearchParams({ ...p, signature: p.signature.toLowerCase() })}`, unsorted);
    expect(answer.json['resultCode']).toBe('000000');
  });
});

describe('instance lifecycle', () => {
  async function provisioned(seller: RunningSeller, orderId = 'MOCKPERIODYEARNEW'): Promise<string> {
    return String((await produce(seller, newInstanceFields(orderId))).json['instanceId']);
  }

  it('queryInstance returns appInfo for known ids and leaves unknown ids out', async ({ seller }) => {
    const instanceId = await provisioned(seller);
    const answer = await produce(seller, { activity: 'queryInstance', instanceId: `${instanceId},unknown-id` });
    expect(answer.json['info']).toEqual([{ instanceId, appInfo: { frontEndUrl: expect.any(String), adminUrl: expect.any(String), userName: expect.any(String), password: expect.any(String), memo: expect.any(String) } }]);
  });

  it('writes non-ASCII text such as the Chinese memo as \\uXXXX escapes', async ({ seller }) => {
    const instanceId = await provisioned(seller);
    const body = toBody({ activity: 'queryInstance', instanceId });
    const res = await fetch(`${seller.produceUrl}?${new URLSearchParams(signV2(body))}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const raw = await res.text();
    expect(raw).toMatch(/^[\x20-\x7e]*$/);
    expect(raw).toContain('\\u6b22\\u8fce');
  });

  it('keeps resultMsg within 255 characters even when the failure detail is longer', async ({ makeSeller }) => {
    const refused = await refusedUrl();
    const seller = await makeSeller({ orderApiUrls: Array.from({ length: 6 }, (_, i) => `${refused}/gateway-prefix-number-${i}`) });
    const answer = await produce(seller, newInstanceFields());
    expect(answer.json['resultCode']).toBe('000005');
    expect(String(answer.json['resultMsg'])).toHaveLength(255);
  });

  it('queryInstance refuses more than 100 ids with 000002', async ({ seller }) => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`).join(',');
    expect((await produce(seller, { activity: 'queryInstance', instanceId: ids })).json['resultCode']).toBe('000002');
  });

  it.for([
    { name: '14-digit', expireTime: '20261124023618', code: '000000' },
    { name: '17-digit', expireTime: '20261124023618256', code: '000000' },
    { name: '12-digit', expireTime: '202611240236', code: '000002' },
  ])('refreshInstance with a $name expireTime answers $code', async ({ expireTime, code }, { seller }) => {
    const instanceId = await provisioned(seller);
    const answer = await produce(seller, { activity: 'refreshInstance', scene: 'RENEWAL', orderId: 'MOCKMONTYRENEW', orderLineId: 'MOCKMONTYRENEW-000001', instanceId, expireTime });
    expect(answer.json['resultCode']).toBe(code);
  });

  it.for([
    { name: 'refreshInstance', fields: { activity: 'refreshInstance', scene: 'RENEWAL', orderId: 'O', orderLineId: 'O-1', expireTime: '20261124023618' } },
    { name: 'updateInstanceStatus', fields: { activity: 'updateInstanceStatus', status: 'FREEZE' } },
    { name: 'releaseInstance', fields: { activity: 'releaseInstance' } },
    { name: 'upgradeInstance', fields: { activity: 'upgradeInstance', orderId: 'MOCKMONTYCHANGE', orderLineId: 'MOCKMONTYCHANGE-000001' } },
    { name: 'changeInstanceCheck', fields: { activity: 'changeInstanceCheck', productInfo: { productId: 'P', skuCode: 'S', productName: 'N' } } },
  ])('$name answers 000003 for an unknown instance', async ({ fields }, { seller }) => {
    expect((await produce(seller, { ...fields, instanceId: 'no-such-instance' })).json['resultCode']).toBe('000003');
  });

  it('updateInstanceStatus freezes and unfreezes, and refuses other values', async ({ seller }) => {
    const instanceId = await provisioned(seller);
    expect((await produce(seller, { activity: 'updateInstanceStatus', instanceId, status: 'FREEZE' })).json['resultCode']).toBe('000000');
    expect((await state(seller)).instances[0]).toMatchObject({ frozen: true });
    expect((await produce(seller, { activity: 'updateInstanceStatus', instanceId, status: 'UNFREEZE' })).json['resultCode']).toBe('000000');
    expect((await produce(seller, { activity: 'updateInstanceStatus', instanceId, status: 'NORMAL' })).json['resultCode']).toBe('000002');
  });

  it('releaseInstance succeeds twice and the instance disappears from queryInstance', async ({ seller }) => {
    const instanceId = await provisioned(seller);
    for (let i = 0; i < 2; i++) expect((await produce(seller, { activity: 'releaseInstance', instanceId })).json['resultCode']).toBe('000000');
    expect((await produce(seller, { activity: 'queryInstance', instanceId })).json['info']).toEqual([]);
  });

  it('upgradeInstance fetches the upgrade order and records the new SKU', async ({ seller, market }) => {
    const instanceId = await provisioned(seller);
    const answer = await produce(seller, { activity: 'upgradeInstance', instanceId, orderId: 'MOCKMONTYCHANGE', orderLineId: 'MOCKMONTYCHANGE-000001' });
    expect(answer.json['resultCode']).toBe('000000');
    expect(orderQueries(market).at(-1)?.query).toEqual({ orderId: 'MOCKMONTYCHANGE', orderLineId: 'MOCKMONTYCHANGE-000001' });
    expect((await state(seller)).instances[0]).toMatchObject({ instanceId, skuCode: 'sku-upgraded', linearValue: 80 });
  });

  it('changeInstanceCheck accepts a quantity up to the maximum and refuses one above it', async ({ makeSeller }) => {
    const seller = await makeSeller({ maxLinearValue: 100 });
    const instanceId = await provisioned(seller);
    const check = (linearValue: number) => produce(seller, { activity: 'changeInstanceCheck', instanceId, productInfo: { productId: 'P', skuCode: 'S', linearValue, productName: 'N' } });
    expect((await check(100)).json['resultCode']).toBe('000000');
    expect((await check(101)).json).toMatchObject({ resultCode: '000002', resultMsg: expect.stringContaining('at most 100') });
  });

  it('answers 000002 to an unknown activity', async ({ seller }) => {
    expect((await produce(seller, { activity: 'deleteEverything' })).json['resultCode']).toBe('000002');
  });
});

describe('orderNotify', () => {
  const fields = { activity: 'orderNotify', orderId: 'MOCKPERIODYEARNEW', orderLineId: 'MOCKPERIODYEARNEW-000001', testFlag: '1' };

  it('verifies with the general key and fetches the order before answering', async ({ seller, market }) => {
    const answer = await produce(seller, fields, { key: KEYS.general });
    expect(answer.json['resultCode']).toBe('000000');
    expect(orderQueries(market)).toEqual([expect.objectContaining({ apigOk: true, query: { orderId: 'MOCKPERIODYEARNEW', orderLineId: 'MOCKPERIODYEARNEW-000001' } })]);
    expect((await state(seller)).notifications).toEqual([expect.objectContaining({ orderId: 'MOCKPERIODYEARNEW', orderType: 'NEW' })]);
  });

  it('rejects an orderNotify signed with the basic key', async ({ seller }) => {
    expect((await produce(seller, fields, { key: KEYS.basic })).json['resultCode']).toBe('000001');
  });
});

describe('joint-operation kit', () => {
  const tenant = { instanceId: 'i-1', orderId: 'CS1906666666ABCDE', tenantId: '68cbc86abc2018ab880d92f36422fa0e', tenantCode: 'huawei', name: 'huaiweitest', domainName: 'https://example.tenantaccount.com', flag: 1, testFlag: 0, timeStamp: '20220413093539534' };

  it('tenantSync adds and deletes idempotently', async ({ seller }) => {
    for (let i = 0; i < 2; i++) expect((await kit(seller, 'tenantSync', tenant)).json['resultCode']).toBe('000000');
    expect((await state(seller)).tenants).toHaveLength(1);
    for (let i = 0; i < 2; i++) expect((await kit(seller, 'tenantSync', { ...tenant, flag: 0 })).json['resultCode']).toBe('000000');
    expect((await state(seller)).tenants).toHaveLength(0);
  });

  it('rejects a kit call signed with the basic key', async ({ seller }) => {
    expect((await kit(seller, 'tenantSync', tenant, KEYS.basic)).json['resultCode']).toBe('000001');
  });

  it('applicationSync decrypts clientSecret with RSA-OAEP SHA-256', async ({ makeSeller }) => {
    const { publicKey, privateKey } = rsaKeyPair(2048);
    const seller = await makeSeller({ kitPrivateKey: privateKey });
    const clientSecret = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from('s3cret')).toString('base64');
    const app = { instanceId: 'i-1', tenantId: tenant.tenantId, appId: 'app-1', clientId: 'client-1', clientSecret, flag: 1, testFlag: 0, timeStamp: '20220413093539534' };
    expect((await kit(seller, 'applicationSync', app)).json['resultCode']).toBe('000000');
    expect((await state(seller)).applications).toEqual([expect.objectContaining({ clientId: 'client-1', clientSecretDecrypted: true })]);
    expect((await kit(seller, 'applicationSync', { ...app, clientSecret: Buffer.from('garbage').toString('base64') })).json['resultCode']).toBe('000002');
  });

  it('authSync, singleOrgSync and allOrgSync store users and departments', async ({ seller }) => {
    const user = { userName: 'zhangsan', name: '张三', orgCode: 'RD001', role: 'user', enable: 'true' };
    expect((await kit(seller, 'authSync', { tenantId: tenant.tenantId, appId: 'app-1', userList: [user], flag: 1, testFlag: 0 })).json['resultCode']).toBe('000000');
    expect((await kit(seller, 'singleOrgSync', { tenantId: tenant.tenantId, orgCode: 'RD001', orgName: '研发部', flag: 1 })).json['resultCode']).toBe('000000');
    expect((await kit(seller, 'allOrgSync', { tenantId: tenant.tenantId, orgInfoList: [{ orgCode: 'A', orgName: 'a' }, { orgCode: 'B', orgName: 'b', parentCode: 'A' }], testFlag: '0' })).json['resultCode']).toBe('000000');
    const s = await state(seller);
    expect(s.users).toHaveLength(1);
    expect(s.orgs).toEqual([expect.objectContaining({ orgCode: 'A' }), expect.objectContaining({ orgCode: 'B', parentCode: 'A' })]);
    expect((await kit(seller, 'authSync', { tenantId: tenant.tenantId, appId: 'app-1', userList: [{ userName: 'zhangsan' }], flag: 3 })).json['resultCode']).toBe('000000');
    expect((await state(seller)).users).toHaveLength(0);
  });
});

describe('usage push helper', () => {
  it('POST /_seller/usage sends an APIG-signed, body-signed usage record', async ({ seller, market }) => {
    const instanceId = String((await produce(seller, newInstanceFields('MOCKONDEMAND'))).json['instanceId']);
    const res = await fetch(`${seller.url}/_seller/usage`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ instanceId, usageValue: '12.5' }) });
    expect(await res.json()).toMatchObject({ ok: true, marketplace: { status: 200 } });
    const push = market.requests.find((r) => r.path.endsWith('/isv/usage-data'));
    expect(push).toMatchObject({ method: 'POST', apigOk: true, bodySignatureOk: true });
    expect(JSON.parse(push?.body ?? '{}')).toEqual({ usage_records: [expect.objectContaining({ instance_id: instanceId, usage_value: '12.5' })] });
  });
});
