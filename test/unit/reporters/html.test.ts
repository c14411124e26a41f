import { describe, expect, test } from 'vitest';
import { escapeHtml, HTML_CSP, toHtmlReport } from '../../../mock-server/adapters/cli/reporters/html.js';
import { buildRunReport, failingRun, HOSTILE, HOSTILE_TEXT, passingRun, passingScenario, skippingRun } from '../../support/sample-report.js';

const report = failingRun(2);
const html = toHtmlReport(report);

describe('toHtmlReport', () => {
  test('is one page with a CSP that allows nothing but inline styles, set before any content', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(HTML_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
  });

  test('loads nothing: only inert elements, no src/href attributes, no @import or url() in the style', () => {
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? '').toLowerCase()));
    const INERT = 'html head meta title style body header h1 h3 h4 p dl dt dd div details summary table thead tbody tr th td code pre span input label main section footer';
    expect([...tags].filter((t) => !INERT.split(' ').includes(t))).toEqual([]);
    expect(html.match(/<[^>]*\s(src|href|action|formaction)=/g)).toBeNull();
    expect(html.includes('@import') || html.includes('url(')).toBe(false);
  });

  test('shows the summary line and each count at the top', () => {
    const top = html.slice(0, html.indexOf('<main>'));
    expect(top).toContain('<p class="summary-line" id="summary-line">3 scenarios: 2 passed, 1 failed · 43 checks, 2 failed, 1 warning</p>');
    expect(top).toContain('<dd data-count="scenarios">3</dd>');
    expect(top).toContain('<dd data-count="scenariosFailed">1</dd>');
    expect(top).toContain('<dd data-count="checks">43</dd>');
    expect(top).toContain('<dd data-count="checksFailed">2</dd>');
    expect(top).toContain('<dd data-count="warnings">1</dd>');
    expect(top).toContain('<p class="verdict" id="verdict">FAILED</p>');
  });

  test('shows a skipped scenario as skipped (–, no 0/0) and counts it apart from the passed ones', () => {
    const page = toHtmlReport(skippingRun(2));
    const top = page.slice(0, page.indexOf('<main>'));
    expect(top).toContain('<p class="summary-line" id="summary-line">3 scenarios: 2 passed, 1 skipped, 0 failed · ');
    expect(top).toContain('<dd data-count="scenariosSkipped">1</dd>');
    const block = page.slice(page.indexOf('<details class="scenario skipped" id="scenario-2">'));
    expect(block).toMatch(/^<details class="scenario skipped" id="scenario-2">\n<summary><span class="mark">–<\/span>Primary host down <span class="muted">order-query-failover · [^<]* · 1ms · skipped<\/span>/);
    expect(page).not.toContain('0/0');
  });

  test('has one <details> per scenario, open when it failed and closed when it passed', () => {
    const opening = html.match(/<details class="scenario [a-z]+" id="scenario-\d+"( open)?>/g) ?? [];
    expect(opening).toEqual([
      '<details class="scenario passed" id="scenario-0">',
      '<details class="scenario passed" id="scenario-1">',
      '<details class="scenario failed" id="scenario-2" open>',
    ]);
  });

  test('lists checks in a table and the seller’s answers in <pre>', () => {
    expect(html).toContain('<tr class="failed"><td class="mark">✗</td><td><code>result.code</code>');
    expect(html).toContain('<tr class="warn"><td class="mark">!</td><td><code>response.body-sign</code>');
    expect(html).toContain('<p class="attempts-line">61 attempts over 3h, last: 000005</p>');
    expect(html.match(/<details class="attempts"><summary>All attempts \(61\)<\/summary>/g)).toHaveLength(1);
    expect(html).toMatch(/<div class="last-answer"><h4>Last answer<\/h4><pre>\{&quot;resultCode&quot;:&quot;000005&quot;/);
  });

  test('escapes everything the seller sent', () => {
    expect(html.includes(HOSTILE.script)).toBe(false);
    expect(html.includes('onerror="')).toBe(false);
    expect(html.includes(HOSTILE.xml)).toBe(false);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&quot;double&quot; &#39;single&#39; &amp;amp; &amp;');
    expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(html)).toBe(false);
  });

  test('escapes seller text in every place it can appear', () => {
    const evil = buildRunReport([], { sellerUrl: HOSTILE_TEXT, version: HOSTILE.script, profile: { [HOSTILE.img]: HOSTILE.script } });
    const page = toHtmlReport(evil);
    expect(page.includes('<script') || page.includes('<img')).toBe(false);
    expect(page).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
  });

  test('writes lang="zh-CN" and Chinese headings with --lang zh', () => {
    const zh = toHtmlReport(report, { lang: 'zh' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>koomock 一致性测试报告</h1>');
    expect(zh).toContain('3 个场景：2 通过，1 失败 · 43 项检查，2 失败，1 个警告');
    expect(zh).toContain('<div class="advice" lang="zh">只有 000000 表示成功');
  });

  test('names the one-call scenario of koomock send by its command-line label, in Chinese with --lang zh', () => {
    const sent = buildRunReport([{ ...passingScenario('send-newInstance', 'send newInstance'), file: '(command line)' }]);
    expect(toHtmlReport(sent)).toMatch(/<span class="muted">send-newInstance · \(command line\) · /);
    const zh = toHtmlReport(sent, { lang: 'zh' });
    expect(zh).toMatch(/<span class="muted">send-newInstance · （命令行） · /);
    expect(zh).not.toContain('(command line)');
  });

  test('says PASSED for a passing run and that nothing ran for an empty one', () => {
    expect(toHtmlReport(passingRun(1))).toContain('<p class="verdict" id="verdict">PASSED</p>');
    const empty = toHtmlReport(buildRunReport([]));
    expect(empty).toContain('<p class="verdict" id="verdict">NOTHING RAN</p>');
    expect(empty).toContain('No scenario ran: check the scenario paths and filters.');
  });
});

describe('escapeHtml', () => {
  test.for([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['&lt;', '&amp;lt;'],
    ['plain 文本', 'plain 文本'],
  ] as const)('escapes %s as %s', ([input, expected]) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
