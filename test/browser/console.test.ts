/**
 * The web console in Chromium against a real emulator and the reference seller: create an order,
 * send newInstance, watch it arrive live with its checks, open it, copy it as curl and run that
 * curl, replay it broken, run the subscribe scenario, switch to Chinese.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator, type Emulator } from '../../mock-server/emulator.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials, type TestSellerServer } from '../support/faulty-sellers.js';
import { MOCK_ORDER_QUERY, signedFetch } from '../integration/http/support.js';
import { launchChromium, shotIfAsked, shotOnFailure } from './console-support.js';

const run = promisify(execFile);

// Runs in the page.
const readClipboard = (): Promise<string> => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();

const CREDS: SellerCredentials = {
  keys: { basic: 'console-basic-0123456789', general: 'console-general-0123456789', kit: 'console-kit-0123456789' },
  ak: 'CONSOLESELLERAK00000',
  sk: 'consoleSellerSecretAccessKey000000000000',
};

let emulator: Emulator;
let seller: TestSellerServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const port = await reserveFreePort();
  seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
  emulator = await createEmulator({ port, config: { seller: { ak: CREDS.ak, sk: CREDS.sk, keys: { ...CREDS.keys }, productionUrl: seller.produceUrl } } });
  browser = await launchChromium();
  page = await (await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await seller?.close();
  await emulator?.close();
});

describe('web console in Chromium', { timeout: 90_000 }, () => {
  let exchangeId = '';

  test('/ redirects to the console, served under a strict CSP', async () => {
    const res = await fetch(`${emulator.url}/`, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/_koomock/console/');
    // An API client asking for JSON still gets the Open APIs' answer.
    expect((await fetch(`${emulator.url}/`, { redirect: 'manual' })).headers.get('content-type')).toMatch(/^application\/json/);
    const html = await fetch(`${emulator.url}/_koomock/console/`);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    await shotOnFailure(page, 'timeline', async () => {
      await page.goto(`${emulator.url}/`);
      await page.locator('#timeline').waitFor();
      expect(page.url()).toBe(`${emulator.url}/_koomock/console/`);
      await shotIfAsked(page, 'timeline-empty');
    });
  });

  test('creates an order from the catalog on the state page', async () => {
    await shotOnFailure(page, 'state', async () => {
      await page.locator('[data-nav=state]').click();
      await page.locator('#create-order').waitFor();
      await page.locator('#create-order button[type=submit]').click();
      await expect.poll(() => page.locator('#state-notice').textContent()).toMatch(/Order created: CS\d{10}[A-Z0-9]{5}/);
      const orderId = (await page.locator('#state-notice').textContent())?.split(': ')[1] ?? '';
      expect(await page.locator('#orders').textContent()).toContain(orderId);
      expect((await emulator.admin.getOrder(orderId)).status).toBe('PENDING');
      await shotIfAsked(page, 'state');
    });
  });

  test('sends newInstance for that order and sees it arrive live on the timeline with its checks', async () => {
    await shotOnFailure(page, 'send', async () => {
      const [order] = (await emulator.admin.listOrders()).slice(-1);
      const orderId = order?.orderInfo.orderId ?? '';
      await page.locator('[data-nav=timeline]').click();
      await page.locator('#timeline').waitFor();
      // Sent from the API while the timeline is open: it must appear without a reload.
      const sent = await emulator.admin.listExchanges({ limit: 1000 });
      await page.evaluate(() => {
        (globalThis as unknown as { marker: number }).marker = 1;
      });
      const send = fetch(`${emulator.url}/_koomock/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ activity: 'newInstance', order: orderId }) });
      const row = page.locator('#timeline tr[data-activity=newInstance]').first();
      await row.waitFor({ timeout: 15_000 });
      const sentResponse = await send;
      expect(sentResponse.status).toBe(200);
      const { result } = (await sentResponse.json()) as { result: { instanceId: string } };
      expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(1);
      expect(await row.locator('.verdict').textContent()).toBe('✔');
      expect(await row.textContent()).toContain('000000');
      // The seller's order query arrived too (inbound).
      await page.locator('#timeline tr[data-activity="order.query"]').first().waitFor();
      expect((await emulator.admin.listExchanges({ limit: 1000 })).length).toBeGreaterThan(sent.length);
      exchangeId = (await row.getAttribute('data-id')) ?? '';
      await shotIfAsked(page, 'timeline-live');

      // And through the console's own send form.
      await page.locator('[data-nav=send]').click();
      await page.locator('#send-activity').selectOption('queryInstance');
      await page.locator('#send-body').fill('{"instanceId": 5');
      expect(await page.locator('#send-problems').textContent()).toContain('JSON');
      await page.locator('#send-body').fill('{"status":"FROZEN"}');
      await page.locator('#send-activity').selectOption('updateInstanceStatus');
      await page.locator('#send-body').fill('{"status":"FROZEN"}');
      expect(await page.locator('#send-problems').textContent()).toContain('is not one of FREEZE, UNFREEZE');
      await page.locator('#send-instance').fill(result.instanceId);
      await page.locator('#send-body').fill('{"status":"FREEZE"}');
      await page.locator('#send button[type=submit]').click();
      await page.locator('#send-result [data-status=passed]').waitFor({ timeout: 15_000 });
      await shotIfAsked(page, 'send');
    });
  });

  test('opens the exchange: checks, signed string, and a curl that the seller accepts while fresh', async () => {
    expect(exchangeId).not.toBe('');
    await shotOnFailure(page, 'exchange', async () => {
      await page.goto(`${emulator.url}/_koomock/console/#/exchange/${exchangeId}`);
      await page.locator('#curl').waitFor();
      expect(await page.locator('[data-check="result.code"] .mark').textContent()).toBe('✔');
      expect(await page.locator('[data-check="response.schema"] .mark').textContent()).toBe('✔');
      expect(await page.locator('#string-to-sign').textContent()).toMatch(/^\{accessKey\}[A-Za-z0-9]+\d{13}[0-9a-f]{64}$/);
      expect(await page.locator('#exchange').textContent()).not.toContain(CREDS.keys.basic);
      // As sent: the same bytes and signature; the seller already accepted its nonce, so it refuses it.
      const asSent = await page.locator('#curl').inputValue();
      expect(asSent).toMatch(/^curl -sS -X POST '.*\?signature=[0-9A-F]{64}&timestamp=\d{13}&nonce=[A-Za-z0-9]+' /);
      expect(asSent).toContain(`--data-raw '{"activity":"newInstance"`);
      await page.locator('#copy-curl').click();
      await expect.poll(() => page.evaluate(readClipboard)).toBe(asSent);
      expect((await run('sh', ['-c', asSent])).stdout).toContain('"resultCode":"000001"');
      // Signed now: copied to the clipboard, and accepted while its timestamp is fresh.
      await page.locator('#copy-curl-now').click();
      await page.locator('#curl-now').waitFor();
      const now = await page.locator('#curl-now').inputValue();
      await expect.poll(() => page.evaluate(readClipboard)).toBe(now);
      expect(now).not.toBe(asSent);
      expect((await run('sh', ['-c', now])).stdout).toContain('"resultCode":"000000"');
      await shotIfAsked(page, 'exchange');
    });
  });

  test('replays the exchange broken and sees the seller refuse it', async () => {
    await shotOnFailure(page, 'replay', async () => {
      await page.goto(`${emulator.url}/_koomock/console/#/exchange/${exchangeId}`);
      await page.locator('button[data-break=tamper]').click();
      const tampered = page.locator('#replay-results [data-break=tamper]');
      await tampered.waitFor({ timeout: 15_000 });
      expect(await tampered.textContent()).toContain('resultCode 000001');
      expect(await tampered.locator('[data-check="security.body-changed-after-signing"] .mark').textContent()).toBe('✔');
      await page.locator('button[data-break=wrong-key]').click();
      await page.locator('#replay-results [data-break=wrong-key]').waitFor({ timeout: 15_000 });
      expect(await page.locator('#replay-results [data-break=wrong-key]').textContent()).toContain('resultCode 000001');
      await shotIfAsked(page, 'replay');
    });
  });

  test('runs the subscribe scenario and sees it pass, step by step, then its report', async () => {
    await shotOnFailure(page, 'scenarios', async () => {
      await page.locator('[data-nav=scenarios]').click();
      await page.locator('#scenario-subscribe-monthly').check();
      await page.locator('#run-selected').click();
      await page.locator('#run-report [data-scenario=subscribe-monthly]').waitFor({ timeout: 60_000 });
      expect(await page.locator('#run-progress li[data-scenario=subscribe-monthly]').getAttribute('data-status')).toBe('passed');
      expect(await page.locator('#run-report [data-scenario=subscribe-monthly]').getAttribute('data-status')).toBe('passed');
      expect(await page.locator('#run-report [data-scenario=subscribe-monthly] li.fail').count()).toBe(0);
      expect(await page.locator('#run-report [data-scenario=subscribe-monthly] li.ok').count()).toBeGreaterThan(3);
      // Each call of the run appeared as it happened, linked to its exchange.
      await expect.poll(() => page.locator('#run-live li').count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      expect(await page.locator('#run-live').textContent()).toContain('subscribe-monthly · newInstance');
      await shotIfAsked(page, 'scenarios');
    });
  });

  test('switches to Chinese, and remembers it', async () => {
    await shotOnFailure(page, 'chinese', async () => {
      expect(await page.locator('[data-nav=state]').textContent()).toBe('State');
      await page.locator('#lang').click();
      expect(await page.locator('[data-nav=state]').textContent()).toBe('状态');
      expect(await page.locator('[data-nav=timeline]').textContent()).toBe('调用记录');
      await page.reload();
      await page.locator('[data-nav=state]').waitFor();
      expect(await page.locator('[data-nav=state]').textContent()).toBe('状态');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      // The checks of an exchange read as in `koomock run --lang zh`: the same catalogue (core/messages).
      await page.goto(`${emulator.url}/_koomock/console/#/exchange/${exchangeId}`);
      const timeout = page.locator('[data-check="transport.timeout"]').first();
      await timeout.waitFor();
      expect(await timeout.textContent()).toMatch(/在 \d+ ms 内返回完整应答/);
      await page.locator('[data-nav=timeline]').click();
      await page.locator('#timeline').waitFor();
      await shotIfAsked(page, 'timeline-zh');
      await page.locator('#lang').click();
      expect(await page.locator('[data-nav=state]').textContent()).toBe('State');
    });
  });

  test('an Open API call with a wrong signature shows what koomock signed and the mistake that reproduces it', async () => {
    await shotOnFailure(page, 'debugger', async () => {
      await page.goto(`${emulator.url}/_koomock/console/`);
      await page.locator('#timeline').waitFor();
      const answer = await signedFetch({ url: `${emulator.url}${MOCK_ORDER_QUERY}`, ak: CREDS.ak, sk: `${CREDS.sk}x` });
      expect(answer.status).toBe(401);
      const row = page.locator('#timeline tr[data-activity="order.query"].failed').first();
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      const diagnosis = page.locator('[data-check="apig.signature"] .diagnosis pre');
      await diagnosis.waitFor();
      expect(await diagnosis.textContent()).toMatch(/^GET\n\/api\/mkp-openapi-public\/global\/v1\/order\/query\/\n/);
      await shotIfAsked(page, 'debugger');
    });
  });

  test('advances the virtual clock, and resets only after the confirmation', async () => {
    await shotOnFailure(page, 'reset', async () => {
      await page.goto(`${emulator.url}/_koomock/console/#/state`);
      await page.locator('#clock-now').waitFor();
      const before = (await emulator.admin.getClock()).offsetMs;
      await page.locator('#advance-by').fill('2d');
      await page.locator('#clock button[type=submit]').click();
      await expect.poll(async () => (await emulator.admin.getClock()).offsetMs - before).toBeGreaterThanOrEqual(2 * 86_400_000);
      expect((await emulator.admin.listOrders()).length).toBeGreaterThan(0);
      await page.locator('#reset').click();
      await page.locator('#reset-dialog').getByRole('button', { name: 'Cancel' }).click();
      expect((await emulator.admin.listOrders()).length).toBeGreaterThan(0);
      await page.locator('#reset').click();
      await page.locator('#reset-yes').click();
      await expect.poll(async () => (await emulator.admin.listOrders()).length).toBe(0);
      await expect.poll(() => page.locator('#orders').count()).toBe(0);
      expect((await emulator.admin.getClock()).offsetMs).toBe(0);
    });
  });

  test('the page logged no errors (a CSP violation would show here)', () => {
    expect(pageErrors).toEqual([]);
  });
});
