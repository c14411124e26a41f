import { setupServer } from 'msw/node';
import { afterEach, describe, expect, test } from 'vitest';
import { createMemoryStore } from '../../../mock-server/adapters/store/memory-store.js';
import { createHandlers, toMswPath } from '../../../mock-server/adapters/msw/index.js';
import { OPEN_API_ROUTES } from '../../../mock-server/core/openapi/routes.js';
import { createEmulator } from '../../../mock-server/emulator.js';
import { MOCK_ORDER_QUERY, ORDER_QUERY, SELLER_CONFIG, signRequest } from '../http/support.js';

const PLATFORM = 'https://mkt.myhuaweicloud.com';

interface Seen {
  status: number;
  contentType: string | null;
  body: string;
}

const read = async (res: Response): Promise<Seen> => ({ status: res.status, contentType: res.headers.get('content-type'), body: await res.text() });

/** APIG error bodies carry a fresh request id per call; everything else must match byte for byte. */
const withoutRequestId = (s: Seen): Seen => ({ ...s, body: s.body.replace(/"request_id":"[0-9a-f]{32}"/, '"request_id":"…"') });

type Case = { readonly name: string; readonly path: string; readonly tamper?: (h: Record<string, string>) => Record<string, string> };

const CASES: readonly Case[] = [
  { name: 'the documented mock order', path: MOCK_ORDER_QUERY },
  { name: 'an unknown orderId (docs/fidelity.md#d23)', path: `${ORDER_QUERY}?orderId=CS0000000000NOPE0` },
  { name: 'a signature with one changed byte', path: MOCK_ORDER_QUERY, tamper: (h) => ({ ...h, Authorization: (h.Authorization ?? '').replace(/Signature=./, 'Signature=x') }) },
  { name: 'a path no API serves', path: '/api/mkp-openapi-public/global/v1/nothing' },
];

/** Answers the same request from a real server and from the msw handlers. */
async function bothWays(c: Case): Promise<{ server: Seen; msw: Seen }> {
  const emulator = await createEmulator({ config: SELLER_CONFIG });
  let server: Seen;
  try {
    const url = `${emulator.url}${c.path}`;
    const headers = signRequest({ url });
    server = await read(await fetch(url, { headers: c.tamper?.(headers) ?? headers }));
  } finally {
    await emulator.close();
  }
  const mswServer = setupServer(...createHandlers({ config: SELLER_CONFIG }));
  mswServer.listen({ onUnhandledRequest: 'error' });
  try {
    const url = `${PLATFORM}${c.path}`;
    const headers = signRequest({ url });
    // onUnhandledRequest 'error' proves msw answered: nothing reaches the network.
    return { server, msw: await read(await fetch(url, { headers: c.tamper?.(headers) ?? headers })) };
  } finally {
    mswServer.close();
  }
}

describe('msw handlers (koomock/msw) answer like the server', () => {
  test.for(CASES)('same status and body for $name', async (c) => {
    const { server, msw } = await bothWays(c);
    expect(withoutRequestId(msw)).toEqual(withoutRequestId(server));
    expect(server.status).not.toBe(0);
  });

  test('the documented order comes back 200 MKT.0000 through msw', async () => {
    const { msw } = await bothWays(CASES[0] as Case);
    expect(msw.status).toBe(200);
    expect(JSON.parse(msw.body)).toMatchObject({ resultCode: 'MKT.0000', orderInfo: { orderId: 'MOCKPERIODYEARNEW' } });
  });

  test('registers one handler per route path, written */path with msw parameters, then the platform hosts', () => {
    const handlers = createHandlers({ config: { server: { hostNames: ['mkt.myhuaweicloud.com'] } } });
    const paths = [...new Set(OPEN_API_ROUTES.map((r) => r.path))];
    expect(handlers.map((h) => h.info.path)).toEqual([...paths.map(toMswPath), 'https://mkt.myhuaweicloud.com/*', 'http://mkt.myhuaweicloud.com/*']);
    expect(toMswPath('/api/mkp-openapi-public/global/v1/market-event/{event_id}/file')).toBe('*/api/mkp-openapi-public/global/v1/market-event/:event_id/file');
  });

  describe('with a store the test can look into', () => {
    const store = createMemoryStore();
    const server = setupServer(...createHandlers({ config: SELLER_CONFIG, store }));
    afterEach(() => server.close());

    test('journals intercepted calls in the given store', async () => {
      server.listen({ onUnhandledRequest: 'error' });
      const url = `${PLATFORM}${MOCK_ORDER_QUERY}`;
      const res = await fetch(url, { headers: signRequest({ url }) });
      expect(res.status).toBe(200);
      expect(store.listExchanges()).toMatchObject([{ operation: 'order.query', request: { host: 'mkt.myhuaweicloud.com' }, response: { status: 200 } }]);
    });

    test('leaves hosts other than the platform ones alone', async () => {
      server.listen({ onUnhandledRequest: 'error' });
      await expect(fetch('https://seller.example.com/api/other')).rejects.toThrow();
    });
  });
});
