/**
 * The admin endpoints the console uses, over real HTTP: timeline filters, the event stream, the
 * signed string of an outbound call, the scenario list and run validation.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator, type Emulator } from '../../../mock-server/emulator.js';

const KEY = 'console-api-basic-key-0123456789';
let seller: Server;
let emulator: Emulator;

beforeAll(async () => {
  // A seller that accepts every call: the endpoints under test only read what koomock journaled.
  // Calls about inst-b get an answer without resultCode: a failed check.
  seller = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify(body.includes('inst-b') ? { resultMsg: 'no code' } : { resultCode: '000000', resultMsg: 'success', instanceId: 'inst-1' }));
    });
  });
  await new Promise<void>((r) => seller.listen(0, '127.0.0.1', r));
  emulator = await createEmulator({ config: { seller: { keys: { basic: KEY, kit: 'console-api-kit-key-0123456789' }, productionUrl: `http://127.0.0.1:${(seller.address() as AddressInfo).port}/produce` } } });
});

afterAll(async () => {
  await emulator?.close();
  await new Promise((r) => seller?.close(r));
});

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON of many shapes, read path by path in the assertions (a wrong path fails them)
type Json = Record<string, any>;

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${emulator.url}/_koomock${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
};
const get = async (path: string) => (await fetch(`${emulator.url}/_koomock${path}`)).json() as Promise<Json>;

describe('console endpoints', () => {
  test('timeline rows, newest first, filtered by instance, direction and verdict', async () => {
    await post('/send', { activity: 'queryInstance', instance: 'inst-a' });
    await post('/send', { activity: 'queryInstance', instance: 'inst-b' });
    const all = (await get('/timeline')).exchanges as { id: number; instanceId?: string; verdict: string; direction: string; resultCode?: string }[];
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    const b = (await get('/timeline?instanceId=inst-b')).exchanges;
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ operation: 'queryInstance', direction: 'outbound', status: 200, instanceId: 'inst-b' });
    expect((await get('/timeline?instanceId=inst-a')).exchanges[0]).toMatchObject({ resultCode: '000000', verdict: 'passed' });
    expect((await get('/timeline?direction=inbound')).exchanges.every((r: { direction: string }) => r.direction === 'inbound')).toBe(true);
    expect(b[0].verdict).toBe('failed');
    expect((await get('/timeline?verdict=passed&instanceId=inst-b')).exchanges).toEqual([]);
    expect((await fetch(`${emulator.url}/_koomock/timeline?verdict=green`)).status).toBe(400);
  });

  test('the event stream sends each new exchange as a timeline row', async () => {
    const controller = new AbortController();
    const res = await fetch(`${emulator.url}/_koomock/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    await post('/send', { activity: 'queryInstance', instance: 'inst-live' });
    let text = '';
    while (!text.includes('inst-live')) text += (await reader.read()).value ?? '';
    controller.abort();
    const block = text.split('\n\n').find((b) => b.includes('inst-live')) ?? '';
    expect(block).toMatch(/^event: exchange\ndata: \{/);
    expect(JSON.parse(block.split('data: ')[1] ?? '{}')).toMatchObject({ operation: 'queryInstance', instanceId: 'inst-live', direction: 'outbound' });
  });

  test('the signed string of an outbound V2 call, the key shown as {accessKey}, and a call signed now', async () => {
    const sent = await post('/send', { activity: 'queryInstance', instance: 'inst-sign' });
    const id = sent.body['exchangeIds'][0] as number;
    const { signing } = await get(`/exchanges/${id}/signing`);
    const inner = createHmac('sha256', KEY).update(signing.payload).digest('hex');
    expect(signing.stringToSign).toBe(`{accessKey}${signing.nonce}${signing.timestamp}${inner}`);
    expect(signing.signature.toLowerCase()).toBe(createHmac('sha256', KEY).update(`${KEY}${signing.nonce}${signing.timestamp}${inner}`).digest('hex'));
    expect(JSON.stringify(signing)).not.toContain(KEY);

    const now = await post(`/exchanges/${id}/sign`, {});
    expect(now.status).toBe(200);
    const url = new URL(now.body['url']);
    expect(url.searchParams.get('nonce')).not.toBe(signing.nonce);
    expect(now.body['body']).toBe(signing.payload);
    // Signing is not sending: the journal did not grow.
    expect((await get('/timeline?instanceId=inst-sign')).exchanges).toHaveLength(1);

    const inbound = (await get('/timeline?direction=inbound')).exchanges[0];
    if (inbound !== undefined) expect((await get(`/exchanges/${inbound.id}/signing`)).signing).toBeNull();
  });

  test('the replay breaks of an outbound call: all four for V2, no tamper for kit, none for an inbound call', async () => {
    const v2 = (await post('/send', { activity: 'queryInstance', instance: 'inst-breaks' })).body['exchangeIds'][0] as number;
    expect(await get(`/exchanges/${v2}/breaks`)).toEqual({ family: 'v2', breaks: ['tamper', 'stale', 'wrong-key', 'replay'] });
    const kitSent = await post('/send', { activity: 'tenantSync', fields: { instanceId: 'inst-breaks', orderId: 'CS-BRK', tenantId: 't1', tenantCode: 'acme', name: 'ACME', domainName: 'https://acme.example.com', flag: 1 } });
    expect(kitSent.status).toBe(200);
    const kit = kitSent.body['exchangeIds'][0] as number;
    expect(await get(`/exchanges/${kit}/breaks`)).toEqual({ family: 'kit', breaks: ['stale', 'wrong-key', 'replay'] });
    const tamper = await post(`/exchanges/${kit}/replay`, { break: 'tamper' });
    expect(tamper.status).toBe(400);
    const inbound = (await get('/timeline?direction=inbound')).exchanges[0];
    if (inbound !== undefined) expect(await get(`/exchanges/${inbound.id}/breaks`)).toEqual({ family: null, breaks: [] });
    expect((await fetch(`${emulator.url}/_koomock/exchanges/999999/breaks`)).status).toBe(404);
  });

  test('scenarios are listed; a run names unknown scenarios', async () => {
    const { scenarios } = await get('/scenarios');
    expect(scenarios).toContainEqual(expect.objectContaining({ id: 'subscribe-monthly', group: 'core', source: 'shipped', titleZh: '订阅（包月）' }));
    expect(await post('/runs', { scenarios: [] })).toMatchObject({ status: 400 });
    const unknown = await post('/runs', { scenarios: ['subscribe-montly'] });
    expect(unknown).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('scenarios subscribe-montly: no such scenario') } } });
    expect((await fetch(`${emulator.url}/_koomock/runs/99`)).status).toBe(404);
  });

  test('activities list the request fields of the 13 V2 and kit activities', async () => {
    const { activities } = await get('/activities');
    expect(activities).toHaveLength(13);
    expect(activities.find((a: { name: string }) => a.name === 'updateInstanceStatus').fields).toContainEqual({ name: 'status', required: true, kind: 'string', values: ['FREEZE', 'UNFREEZE'] });
  });
});
