/**
 * Shared by the console's browser tests: Chromium (Debian's, headless) driven by playwright-core,
 * and a screenshot of the page under test-results/ when a step fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'test-results');

export async function launchChromium(): Promise<Browser> {
  // A missing browser must fail loudly: a skipped browser test would hide a broken console.
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install chromium\` (Debian/Ubuntu) to run the browser tests.`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Runs `fn`; when it throws, saves `test-results/console-<name>.png` of the page first. */
export async function shotOnFailure<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, `console-${name}.png`), fullPage: true }).catch(() => {});
    throw e;
  }
}

/** Saves a screenshot when KOOMOCK_SCREENSHOTS is set (for looking at the console by eye). */
export async function shotIfAsked(page: Page, name: string): Promise<void> {
  if (process.env['KOOMOCK_SCREENSHOTS'] === undefined) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `console-${name}.png`), fullPage: true });
}
