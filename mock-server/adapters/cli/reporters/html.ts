import { isFailure, scenarioOutcome, type ReportedAttempt, type ReportedCheck, type RunReport, type ScenarioReport } from '../../../core/scenario/run/report.js';
import { fill, MESSAGES, type Lang, type Messages } from '../i18n.js';
import { formatSpan, local, toAttemptResult, toAttemptsLine, toCheckTitle, toScenarioTitle, toStepTitle, toSummaryLine, toZhAdvice } from './format.js';
import { groupChecks, type StepGroup } from './group.js';
import { HTML_STYLE } from './html-style.js';
import { toSafeText, type SafeTextOptions } from './safe-text.js';

/** No scripts, no network: only the inline stylesheet may apply. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Longest seller answer excerpt shown per attempt. */
const EXCERPT_MAX_CHARS = 4000;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @example escapeHtml(`<a href="x">'`); // '&lt;a href=&quot;x&quot;&gt;&#39;' */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** Any value, made safe (controls, ANSI, length) and HTML-escaped. */
const h = (value: unknown, options?: SafeTextOptions): string => escapeHtml(toSafeText(value, options));

const MARK = { passed: '✔', failed: '✗', warn: '!', skipped: '–' } as const;

type CheckState = 'passed' | 'failed' | 'warn';
const stateOf = (c: ReportedCheck): CheckState => (c.ok ? 'passed' : isFailure(c) ? 'failed' : 'warn');

const isoTime = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : '?');

function checkRow(check: ReportedCheck, groupId: string, lang: Lang): string {
  const state = stateOf(check);
  const title = toCheckTitle(check.id, lang);
  const where = check.step === groupId ? '' : ` <span class="muted">(${h(check.step, { max: 80 })})</span>`;
  const advice = state === 'passed' ? undefined : toZhAdvice(check.id, lang);
  const hint = state === 'passed' || check.hint === undefined ? '' : h(local(check.hint, lang), { max: 1000 });
  return [
    `<tr class="${state}"><td class="mark">${MARK[state]}</td>`,
    `<td><code>${h(check.id, { max: 80 })}</code>${where}${title === undefined ? '' : `<div class="muted">${h(title)}</div>`}</td>`,
    `<td>${h(local(check.expected, lang))}</td><td>${h(local(check.received, lang))}</td>`,
    `<td>${hint}${advice === undefined ? '' : `<div class="advice" lang="zh">${h(advice, { max: 1000 })}</div>`}</td></tr>`,
  ].join('');
}

const excerpt = (a: ReportedAttempt): string =>
  a.responseExcerpt === undefined ? '' : `<pre>${h(a.responseExcerpt, { max: EXCERPT_MAX_CHARS, multiline: true })}</pre>`;

function attemptsTable(attempts: readonly ReportedAttempt[], m: Messages, lang: Lang): string {
  const rows = attempts.map(
    (a) =>
      `<tr><td>${h(a.attempt)}</td><td>${isoTime(a.at)}</td><td>${a.status === undefined ? '' : h(a.status)}</td>` +
      `<td>${h(toAttemptResult(a, lang))}</td><td>${h(a.outcome)}</td><td>${formatSpan(a.durationMs)}</td><td>${excerpt(a)}</td></tr>`,
  );
  const head = [m.attempt, m.time, m.status, 'resultCode', m.outcome, m.duration, m.answer].map((t) => `<th>${h(t)}</th>`).join('');
  return `<table class="attempt-list"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function stepSection(group: StepGroup, m: Messages, lang: Lang): string {
  const step = group.step;
  const status = step?.status ?? (group.checks.some(isFailure) ? 'failed' : 'passed');
  const title = step?.title === undefined || step.title === '' ? h(group.id, { max: 80 }) : h(toStepTitle(step, lang), { max: 200 });
  const activity = step?.activity === undefined ? '' : ` <span class="muted">${h(step.activity, { max: 80 })}</span>`;
  const skipped = status === 'skipped' ? ` <span class="muted">(${h(m.skipped)})</span>` : '';
  const parts = [`<section class="step ${status}"><h3><span class="mark">${MARK[status]}</span>${title} <code>${h(group.id, { max: 80 })}</code>${activity}${skipped}</h3>`];
  if (group.checks.length > 0) {
    const head = ['', m.check, m.expected, m.received, m.hint].map((t) => `<th>${h(t)}</th>`).join('');
    parts.push(`<table class="checks"><thead><tr>${head}</tr></thead><tbody>${group.checks.map((c) => checkRow(c, group.id, lang)).join('')}</tbody></table>`);
  }
  const attempts = step?.attempts ?? [];
  const last = attempts[attempts.length - 1];
  const line = toAttemptsLine(attempts, lang);
  if (line !== undefined) parts.push(`<p class="attempts-line">${h(line)}</p>`);
  if (status === 'failed' && last?.responseExcerpt !== undefined) parts.push(`<div class="last-answer"><h4>${h(m.lastAnswer)}</h4>${excerpt(last)}</div>`);
  if (attempts.length > 0) {
    parts.push(`<details class="attempts"><summary>${h(fill(m.allAttempts, { count: attempts.length }))}</summary>${attemptsTable(attempts, m, lang)}</details>`);
  }
  return `${parts.join('\n')}</section>`;
}

function scenarioBlock(scenario: ScenarioReport, index: number, m: Messages, lang: Lang): string {
  const outcome = scenarioOutcome(scenario);
  const failed = outcome === 'failed';
  const ok = scenario.checks.filter((c) => c.ok).length;
  // A skipped scenario is not a pass, whatever checks it ran: it says skipped instead of "n/n".
  const counted = outcome === 'skipped' ? h(m.skipped) : `${ok}/${scenario.checks.length}`;
  const meta = [h(scenario.id, { max: 120 }), ...(scenario.file === undefined ? [] : [h(local(scenario.file, lang) ?? '', { max: 200 })]), formatSpan(scenario.durationMs), counted];
  return [
    `<details class="scenario ${outcome}" id="scenario-${index}"${failed ? ' open' : ''}>`,
    `<summary><span class="mark">${MARK[outcome]}</span>${h(toScenarioTitle(scenario, lang), { max: 200 })} <span class="muted">${meta.join(' · ')}</span></summary>`,
    ...groupChecks(scenario).map((g) => stepSection(g, m, lang)),
    '</details>',
  ].join('\n');
}

function header(report: RunReport, m: Messages, lang: Lang): string {
  const s = report.summary;
  const state = s.scenarios === 0 ? 'empty' : s.scenariosFailed === 0 && s.checksFailed === 0 ? 'passed' : 'failed';
  const verdict = state === 'empty' ? m.verdictEmpty : state === 'passed' ? m.verdictPassed : m.verdictFailed;
  const card = (name: string, label: string, value: number, bad: 'bad' | 'warn' | '') =>
    `<div${bad !== '' && value > 0 ? ` class="${bad}"` : ''}><dt>${h(label)}</dt><dd data-count="${name}">${value}</dd></div>`;
  const profile = Object.entries(report.profile)
    .map(([k, v]) => `<tr><th>${h(k, { max: 80 })}</th><td><code>${h(v, { max: 1000 })}</code></td></tr>`)
    .join('');
  return [
    `<header class="run ${state}">`,
    `<h1>${h(m.reportTitle)}</h1>`,
    `<p class="verdict" id="verdict">${h(verdict)}</p>`,
    `<p class="summary-line" id="summary-line">${h(s.scenarios === 0 ? m.nothingRan : toSummaryLine(s, lang))}</p>`,
    `<dl class="counts" id="summary">${[
      card('scenarios', m.cardScenarios, s.scenarios, ''),
      card('scenariosFailed', m.cardScenariosFailed, s.scenariosFailed, 'bad'),
      card('scenariosSkipped', m.cardScenariosSkipped, s.scenariosSkipped, 'warn'),
      card('checks', m.cardChecks, s.checks, ''),
      card('checksFailed', m.cardChecksFailed, s.checksFailed, 'bad'),
      card('warnings', m.cardWarnings, s.warnings, 'warn'),
    ].join('')}</dl>`,
    `<dl class="meta"><dt>${h(m.sellerUrl)}</dt><dd><code>${h(report.sellerUrl)}</code></dd><dt>${h(m.startedAt)}</dt><dd>${h(report.startedAt)}</dd>` +
      `<dt>${h(m.duration)}</dt><dd>${formatSpan(report.durationMs)}</dd><dt>${h(m.version)}</dt><dd>${h(report.version)}</dd></dl>`,
    `<details class="profile"><summary>${h(m.profile)}</summary><table>${profile}</table></details>`,
    '</header>',
  ].join('\n');
}

export interface HtmlOptions {
  readonly lang?: Lang;
}

/**
 * The run as one self-contained HTML page: inline CSS, no scripts, no requests (a CSP says so),
 * one `<details>` per scenario with failed ones open. Everything the seller sent is escaped.
 * @example
 *   writeFileSync('koomock-report.html', toHtmlReport(report, { lang: 'zh' }));
 */
export function toHtmlReport(report: RunReport, options: HtmlOptions = {}): string {
  const lang = options.lang ?? 'en';
  const m = MESSAGES[lang];
  const s = report.summary;
  const title = `koomock · ${s.scenarios === 0 ? m.verdictEmpty : toSummaryLine(s, lang)}`;
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    header(report, m, lang),
    `<input type="checkbox" id="only-failed"><label class="filter-label" for="only-failed">${h(m.onlyFailed)}</label>`,
    '<main>',
    ...report.scenarios.map((sc, i) => scenarioBlock(sc, i, m, lang)),
    '</main>',
    `<footer>koomock ${h(report.version)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
