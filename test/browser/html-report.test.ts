/**
 * The HTML report in a real browser: a hostile seller answer stays text, nothing runs, nothing
 * loads, the summary counts are right and the CSS-only filter works.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe, expect, test as base } from 'vitest';
import { toSummaryLine } from '../../mock-server/adapters/cli/reporters/format.js';
import { toHtmlReport } from '../../mock-server/adapters/cli/reporters/html.js';
import { failingRun } from '../support/sample-report.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = '<script>window.__pwned=1</script>';
const HOSTILE_ANSWER = `{"resultCode":"000005","resultMsg":"${SCRIPT}<img src=x onerror=\\"window.__pwned=2\\">"}`;

interface Fixtures {
  dir: string;
  browser: Browser;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
}

const test = base.extend<Fixtures>({
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-html-report-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // One browser per file (a fresh temporary profile); each test gets its own context.
  browser: [
    async ({}, use) => {
      // A missing browser must fail loudly: a skipped browser test would hide an XSS regression.
      if (!existsSync(CHROMIUM)) {
        throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install chromium\` (Debian/Ubuntu) to run the browser tests.`);
      }
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  requests: async ({}, use) => {
    await use([]);
  },
  page: async ({ browser, requests }, use) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await use(page);
    } finally {
      await context.close();
    }
  },
});

const pwned = (page: Page): Promise<unknown> => page.evaluate(() => (globalThis as Record<string, unknown>)['__pwned']);

// Launching Chromium takes seconds on a busy CI machine.
describe('HTML report in Chromium', { timeout: 90_000 }, () => {
  const report = failingRun(2, HOSTILE_ANSWER);

  test('shows the hostile answer as text, runs none of it and loads nothing', async ({ dir, page, requests }) => {
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtmlReport(report));
    await page.goto(pathToFileURL(file).href);

    expect(await pwned(page)).toBeUndefined();
    expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);

    const lastAnswer = page.locator('.last-answer pre').first();
    expect(await lastAnswer.isVisible()).toBe(true);
    expect(await lastAnswer.textContent()).toContain(SCRIPT);
    expect(await page.getByText(SCRIPT).first().isVisible()).toBe(true);

    expect(requests).toEqual([pathToFileURL(file).href]);

    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'html-report.png'), fullPage: true });
  });

  test('shows the right counts in the summary', async ({ dir, page }) => {
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtmlReport(report));
    await page.goto(pathToFileURL(file).href);

    const countOf = async (name: string) => (await page.locator(`#summary [data-count="${name}"]`).textContent())?.trim();
    const s = report.summary;
    expect(s).toEqual({ scenarios: 3, scenariosFailed: 1, scenariosSkipped: 0, checks: 43, checksFailed: 2, warnings: 1 });
    expect(await countOf('scenarios')).toBe('3');
    expect(await countOf('scenariosFailed')).toBe('1');
    expect(await countOf('checks')).toBe('43');
    expect(await countOf('checksFailed')).toBe('2');
    expect(await countOf('warnings')).toBe('1');
    expect(await page.locator('#summary-line').textContent()).toBe(toSummaryLine(s, 'en'));
    expect(await page.locator('#verdict').textContent()).toBe('FAILED');
  });

  test('opens failed scenarios, closes passed ones, and hides passed ones with the CSS-only filter', async ({ dir, page }) => {
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtmlReport(report, { lang: 'zh' }));
    await page.goto(pathToFileURL(file).href);

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const failed = page.locator('details.scenario.failed');
    const passed = page.locator('details.scenario.passed');
    expect(await failed.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    expect(await passed.first().evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);

    await page.locator('label[for="only-failed"]').click();
    expect(await passed.first().isVisible()).toBe(false);
    expect(await failed.isVisible()).toBe(true);
  });

  test('its Content-Security-Policy would stop an injected script even if escaping failed', async ({ dir, page }) => {
    const file = join(dir, 'broken.html');
    // Simulate an escaping bug: raw markup from the seller lands in the page.
    const html = toHtmlReport(report).replace('<main>', `<main>${SCRIPT}<img src=x onerror="window.__pwned=2">`);
    writeFileSync(file, html);
    expect(readFileSync(file, 'utf8')).toContain(SCRIPT);
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('script').count()).toBe(1);
    expect(await pwned(page)).toBeUndefined();
  });
});
