/**
 * The console's defences in Chromium: a hostile seller answer is shown as text and runs nothing;
 * with an admin token set, the console without it sees no data and asks for the token (kept only
 * in sessionStorage); the journal shown survives a restart of `koomock serve` with its database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator } from '../../mock-server/emulator.js';
import { startServe } from '../integration/http/serve-process.js';
import { launchChromium, shotIfAsked, shotOnFailure } from './console-support.js';

const HOSTILE = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
const KEYS = { basic: 'console-sec-basic-0123456789', general: 'console-sec-general-0123456789', kit: 'console-sec-kit-0123456789' };

let browser: Browser;
let hostile: Server;
let hostileUrl: string;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  // A seller whose answer carries markup in every text it controls.
  hostile = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'x-note': HOSTILE.replace(/"/g, "'") });
    res.end(JSON.stringify({ resultCode: '000001', resultMsg: HOSTILE }));
  });
  await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/produce`;
  dir = mkdtempSync(join(tmpdir(), 'koomock-console-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => hostile?.close(r));
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const pwned = (page: Page): Promise<unknown> => page.evaluate(() => (globalThis as Record<string, unknown>)['__pwned']);

async function newPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

describe('console defences in Chromium', { timeout: 90_000 }, () => {
  test('a seller answer containing <img src=x onerror=...> is shown as text and runs nothing', async () => {
    const emulator = await createEmulator({ config: { seller: { keys: KEYS, productionUrl: hostileUrl } } });
    const page = await newPage();
    try {
      const sent = await fetch(`${emulator.url}/_koomock/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ activity: 'queryInstance', instance: 'i-1' }) });
      const [id] = ((await sent.json()) as { exchangeIds: number[] }).exchangeIds;
      await shotOnFailure(page, 'hostile', async () => {
        await page.goto(`${emulator.url}/_koomock/console/#/exchange/${id}`);
        await page.locator('#response-body').waitFor();
        expect(await page.locator('#response-body').textContent()).toContain(JSON.stringify(HOSTILE).slice(1, -1));
        expect(await page.locator('#exchange').textContent()).toContain(HOSTILE.replace(/"/g, "'"));
        expect(await page.locator('#exchange img, #exchange script').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(1);
        expect(await pwned(page)).toBeUndefined();
        await shotIfAsked(page, 'hostile');
      });
    } finally {
      await page.context().close();
      await emulator.close();
    }
  });

  test('with an admin token set, the console without it sees nothing and asks for it; the token lives in sessionStorage only', async () => {
    const token = 'console-admin-token-0123456789';
    const emulator = await createEmulator({ config: { server: { adminToken: token }, seller: { keys: KEYS, productionUrl: hostileUrl } } });
    const page = await newPage();
    try {
      const order = await createEmulatorOrder(emulator.url, token);
      const seen: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/_koomock/') && !r.url().includes('/console/')) seen.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      await shotOnFailure(page, 'token', async () => {
        await page.goto(`${emulator.url}/_koomock/console/#/state`);
        await page.locator('#token').waitFor();
        expect(await page.locator('body').textContent()).not.toContain(order);
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((s) => s.startsWith('401 '))).toBe(true);
        await shotIfAsked(page, 'token');

        await page.locator('#token').fill(token);
        await page.locator('form.token button[type=submit]').click();
        await page.locator('#orders').waitFor();
        expect(await page.locator('#orders').textContent()).toContain(order);
        const stored = await page.evaluate(() => {
          const g = globalThis as unknown as { sessionStorage: object; localStorage: object; document: { cookie: string } };
          return { session: Object.keys(g.sessionStorage), local: Object.keys(g.localStorage), cookie: g.document.cookie };
        });
        expect(stored.session).toEqual(['koomock.adminToken']);
        expect(stored.local).not.toContain('koomock.adminToken');
        expect(stored.cookie).toBe('');
      });
      // Another tab (a new context: nothing shared) starts without it.
      const other = await newPage();
      try {
        await other.goto(`${emulator.url}/_koomock/console/#/state`);
        await other.locator('#token').waitFor();
        expect(await other.locator('body').textContent()).not.toContain(order);
      } finally {
        await other.context().close();
      }
    } finally {
      await page.context().close();
      await emulator.close();
    }
  });

  test('history survives a restart of koomock serve with its database', async () => {
    const dbPath = join(dir, 'state.db');
    const args = ['--port', '0', '--db', dbPath, '--seller-url', hostileUrl, '--key', KEYS.basic];
    const first = await startServe(args, { cwd: dir });
    try {
      const sent = await fetch(`${first.url}/_koomock/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ activity: 'queryInstance', instance: 'kept-across-restarts' }) });
      expect(sent.status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    const second = await startServe(args, { cwd: dir });
    const page = await newPage();
    try {
      const before = ((await (await fetch(`${second.url}/_koomock/exchanges?limit=1000`)).json()) as { exchanges: unknown[] }).exchanges;
      expect(before.length).toBeGreaterThan(0);
      await shotOnFailure(page, 'restart', async () => {
        await page.goto(`${second.url}/_koomock/console/`);
        const row = page.locator('#timeline tr[data-activity=queryInstance]');
        await row.first().waitFor();
        expect(await page.locator('#timeline tbody tr').count()).toBe(before.length);
        await row.first().click();
        await page.locator('#request-body').waitFor();
        expect(await page.locator('#request-body').textContent()).toContain('kept-across-restarts');
      });
    } finally {
      await page.context().close();
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});

async function createEmulatorOrder(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/_koomock/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ chargingMode: 'PERIOD' }) });
  return ((await res.json()) as { orderInfo: { orderId: string } }).orderInfo.orderId;
}
