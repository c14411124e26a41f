import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { getSchemaRegistry } from '../../../mock-server/config/schemas-fs.js';
import { it, MOCK_ORDER_QUERY, ORDER_QUERY, signedFetch, signRequest } from './support.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'order-query-mockperiodyearnew.json'));
// The fixture file ends with a newline; the platform's body does not.
const EXPECTED_BODY = FIXTURE.subarray(0, FIXTURE.at(-1) === 0x0a ? -1 : undefined);

const APIG_0301 = 'Incorrect IAM authentication information: verify aksk signature fail';

const expectApigError = (body: unknown, code: string) => {
  expect(getSchemaRegistry().validate('common/envelopes/apig-error.schema.json', body)).toEqual({ ok: true });
  expect(body).toMatchObject({ error_code: code });
};

/** Changes one hex digit of the `Signature=` value. */
const flipSignatureByte = (authorization: string): string =>
  authorization.replace(/Signature=([0-9a-f])/, (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`);

describe('order query over HTTP (open-api.md §3.1, signed as in §2.4 vector 3)', () => {
  it('answers 200 MKT.0000 with the documented MOCKPERIODYEARNEW order, byte for byte', async ({ emulator }) => {
    const res = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('utf8')).toBe(EXPECTED_BODY.toString('utf8'));
    expect(Buffer.compare(bytes, EXPECTED_BODY)).toBe(0);
  });

  it('rejects a signature with one changed byte: 401 APIG.0301', async ({ emulator }) => {
    const url = `${emulator.url}${MOCK_ORDER_QUERY}`;
    const headers = signRequest({ url });
    const good = await fetch(url, { headers });
    expect(good.status).toBe(200);
    const res = await fetch(url, { headers: { ...headers, Authorization: flipSignatureByte(headers.Authorization ?? '') } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error_msg: string };
    expectApigError(body, 'APIG.0301');
    expect(body.error_msg).toBe(APIG_0301);
  });

  it('rejects an X-Sdk-Date 16 minutes old: 401 APIG.0301', async ({ emulator }) => {
    const res = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}`, now: Date.now() - 16 * 60_000 });
    expect(res.status).toBe(401);
    expectApigError(await res.json(), 'APIG.0301');
  });

  it('accepts an X-Sdk-Date 14 minutes old (the window is ±15 min)', async ({ emulator }) => {
    const res = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}`, now: Date.now() - 14 * 60_000 });
    expect(res.status).toBe(200);
  });

  it('accepts a Go-SDK style signature that leaves content-type out of SignedHeaders', async ({ emulator }) => {
    const headers = signRequest({ url: `${emulator.url}${MOCK_ORDER_QUERY}`, signedHeaders: ['host', 'x-sdk-date'] });
    expect(headers.Authorization).toContain('SignedHeaders=host;x-sdk-date,');
    expect(headers['Content-Type']).toBe('application/json');
    const res = await fetch(`${emulator.url}${MOCK_ORDER_QUERY}`, { headers });
    expect(res.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), EXPECTED_BODY)).toBe(0);
  });

  it('rejects an unknown AK: 401 APIG.0301', async ({ emulator }) => {
    const res = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}`, ak: 'UNKNOWNAK00000000000' });
    expect(res.status).toBe(401);
    expectApigError(await res.json(), 'APIG.0301');
  });

  it('answers an unknown orderId with 400 MKT.0101 (docs/fidelity.md#d23)', async ({ emulator }) => {
    const res = await signedFetch({ url: `${emulator.url}${ORDER_QUERY}?orderId=CS0000000000NOPE0` });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"resultCode":"MKT.0101","resultMsg":"Invalid parameter"}');
  });

  it('answers an order created through the admin API to its seller', async ({ emulator }) => {
    const order = await emulator.admin.createOrder({ productId: 'OFFI900000000000000002', periodNumber: 2 });
    const res = await signedFetch({ url: `${emulator.url}${ORDER_QUERY}?orderId=${order.orderInfo.orderId}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { resultCode: string; orderInfo: unknown };
    expect(body.resultCode).toBe('MKT.0000');
    expect(body.orderInfo).toEqual(order.orderInfo);
  });

  it('journals the call as an inbound order.query exchange', async ({ emulator }) => {
    await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}` });
    const [exchange] = await emulator.admin.listExchanges({ direction: 'inbound', operation: 'order.query' });
    expect(exchange).toMatchObject({ direction: 'inbound', operation: 'order.query', response: { status: 200 } });
  });
});
