/**
 * The console offers only the replay breaks a call's family defines: a V2 call all four, a kit call
 * no `tamper` (disabled, its tooltip saying why, in English and Chinese); a tamper forced anyway
 * shows the server's 400 text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator, type Emulator } from '../../mock-server/emulator.js';
import { launchChromium, shotOnFailure } from './console-support.js';

const KEYS = { basic: 'console-brk-basic-0123456789', general: 'console-brk-general-0123456789', kit: 'console-brk-kit-0123456789' };
const BREAKS = ['tamper', 'stale', 'wrong-key', 'replay'];
const TENANT = { instanceId: 'i-brk', orderId: 'CS-BRK', tenantId: 't-brk', tenantCode: 'acme', name: 'ACME', domainName: 'https://acme.example.com', flag: 1 };

let browser: Browser;
let seller: Server;
let emulator: Emulator;

beforeAll(async () => {
  browser = await launchChromium();
  // Any answer will do: the console's buttons depend on the call, not on the seller's verdict.
  seller = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify({ resultCode: '000000', resultMsg: 'ok' }));
  });
  await new Promise<void>((r) => seller.listen(0, '127.0.0.1', r));
  const productionUrl = `http://127.0.0.1:${(seller.address() as AddressInfo).port}/produce`;
  emulator = await createEmulator({ config: { seller: { keys: KEYS, productionUrl } } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await new Promise((r) => seller?.close(r));
});

async function sent(body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${emulator.url}/_koomock/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const [id] = ((await res.json()) as { exchangeIds: number[] }).exchangeIds;
  return id as number;
}

async function openExchange(id: number, lang: 'en' | 'zh'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // Runs in the page.
  await page.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('koomock.lang', l), lang);
  await page.goto(`${emulator.url}/_koomock/console/#/exchange/${id}`);
  await page.locator('button[data-break=replay]').waitFor();
  return page;
}

const enabled = (page: Page): Promise<string[]> =>
  page.locator('button[data-break]:not([disabled])').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-break') ?? ''));

describe('replay breaks offered per interface family', { timeout: 90_000 }, () => {
  test('a V2 exchange offers all four breaks', async () => {
    const page = await openExchange(await sent({ activity: 'queryInstance', instance: 'i-1' }), 'en');
    try {
      await shotOnFailure(page, 'breaks-v2', async () => {
        expect(await enabled(page)).toEqual(['fresh', ...BREAKS]);
        expect(await page.locator('#breaks-note').count()).toBe(0);
      });
    } finally {
      await page.context().close();
    }
  });

  test('a kit exchange disables tamper and says why, in English and in Chinese', async () => {
    const id = await sent({ activity: 'tenantSync', fields: TENANT });
    const page = await openExchange(id, 'en');
    try {
      await shotOnFailure(page, 'breaks-kit', async () => {
        expect(await enabled(page)).toEqual(['fresh', 'stale', 'wrong-key', 'replay']);
        const tamper = page.locator('button[data-break=tamper]');
        expect(await tamper.isDisabled()).toBe(true);
        expect(await tamper.getAttribute('title')).toContain('V2 calls only');
        expect(await page.locator('#breaks-note').textContent()).toContain('kit call');
        // Forced anyway (a stale page, a script): the server's refusal is shown as it said it.
        await tamper.evaluate((b) => b.removeAttribute('disabled'));
        await tamper.click();
        const refused = page.locator('#replay-results [data-break=tamper] [role=alert]');
        await refused.waitFor({ timeout: 15_000 });
        expect(await refused.textContent()).toContain('break tamper is not defined for tenantSync: use one of stale, wrong-key, replay');
        expect(await tamper.isDisabled()).toBe(true);
      });
    } finally {
      await page.context().close();
    }
    const zh = await openExchange(id, 'zh');
    try {
      await shotOnFailure(zh, 'breaks-kit-zh', async () => {
        expect(await zh.locator('button[data-break=tamper]').getAttribute('title')).toContain('篡改报文仅适用于 V2 调用');
        expect(await zh.locator('#breaks-note').textContent()).toContain('kit 调用');
      });
    } finally {
      await zh.context().close();
    }
  });
});
