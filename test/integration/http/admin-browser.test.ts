/**
 * No web page can drive the admin API: a page the engineer visits can send a `text/plain` POST
 * without a CORS preflight, and any request with its own Origin. Each is refused on every
 * state-changing endpoint, before it changes anything; koomock's own pages (same origin) are not.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect } from 'vitest';
import { it } from './support.js';

/** Every admin endpoint that changes state, with a body it would accept. */
const STATE_CHANGING: readonly (readonly [string, string, unknown])[] = [
  ['POST', '/orders', { chargingMode: 'ON_DEMAND' }],
  ['POST', '/reset', { scope: 'all' }],
  ['POST', '/clock/advance', { ms: 1000 }],
  ['POST', '/faults', { operation: 'order.query', action: 'status', status: 503 }],
  ['DELETE', '/faults', undefined],
  ['PUT', '/faults/scope', { scope: 'all' }],
  ['DELETE', '/faults/1', undefined],
  ['POST', '/send', { activity: 'queryInstance', sellerUrl: 'http://attacker.example/p' }],
  ['POST', '/exchanges/1/replay', {}],
  ['PUT', '/runner/orders/ORD-1', {}],
  ['PUT', '/runner/instances/ins-1', {}],
  ['POST', '/runner/exchanges', {}],
];

const EVIL = 'http://evil.example';

describe('the admin API refuses requests a web page can make', () => {
  it.for(STATE_CHANGING)('%s %s: a cross-site text/plain request is refused (403) and changes nothing', async ([method, path, body], { emulator }) => {
    const order = await emulator.admin.createOrder({ chargingMode: 'ON_DEMAND' });
    const res = await fetch(`${emulator.url}/_koomock${path}`, {
      method,
      headers: { 'content-type': 'text/plain', origin: EVIL, 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify(body ?? {}),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.stringContaining('other web sites') } });
    expect((await emulator.admin.listOrders()).map((o) => o.orderInfo.orderId)).toEqual([order.orderInfo.orderId]);
  });

  it.for(STATE_CHANGING)('%s %s: a cross-origin JSON request is refused (403)', async ([method, path, body], { emulator }) => {
    const res = await fetch(`${emulator.url}/_koomock${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: EVIL },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("only koomock's own origin");
  });

  it.for(STATE_CHANGING)('%s %s: a text/plain body without Origin (an old browser, a form) is refused (415)', async ([method, path, body], { emulator }) => {
    const res = await fetch(`${emulator.url}/_koomock${path}`, { method, headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body ?? {}) });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('Content-Type: application/json'),
    });
  });

  it('refuses a CORS preflight from another origin, answers one from its own', async ({ emulator }) => {
    const preflight = (origin: string) =>
      fetch(`${emulator.url}/_koomock/reset`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const evil = await preflight(EVIL);
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const own = await preflight(emulator.url);
    expect(own.status).toBe(204);
    expect(own.headers.get('access-control-allow-origin')).toBe(emulator.url);
  });

  it("answers koomock's own pages: same origin, JSON", async ({ emulator }) => {
    const res = await fetch(`${emulator.url}/_koomock/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: emulator.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ chargingMode: 'ON_DEMAND' }),
    });
    expect(res.status).toBe(201);
    const reset = await fetch(`${emulator.url}/_koomock/reset`, { method: 'POST', headers: { 'content-type': 'application/json', origin: emulator.url }, body: '{"scope":"state"}' });
    expect(reset.status).toBe(200);
    expect(await emulator.admin.listOrders()).toEqual([]);
  });

  it('never signs a call for a sellerUrl other than the configured seller without an admin token', async ({ emulator }) => {
    let received = 0;
    const attacker = createServer((_req, res) => {
      received += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/saasproduce`;
      const res = await fetch(`${emulator.url}/_koomock/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ activity: 'releaseInstance', instance: 'ins-1', sellerUrl: url }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/is not the configured seller .*server\.adminToken/);
      expect(received).toBe(0);
    } finally {
      attacker.close();
    }
  });
});
