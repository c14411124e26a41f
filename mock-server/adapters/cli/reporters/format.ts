import { CHECKS } from '../../../core/checks/catalog.js';
import { CHECK_MESSAGES_ZH } from '../../../core/checks/messages-zh.js';
import { localise } from '../../../core/messages/localise.js';
import type { ReportedAttempt, RunSummary, ScenarioReport, StepReport } from '../../../core/scenario/run/report.js';
import { count, fill, MESSAGES, type Lang } from '../i18n.js';
import { toSafeText } from './safe-text.js';

const two = (big: number, bigUnit: string, small: number, smallUnit: string): string =>
  small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit} ${small}${smallUnit}`;

/**
 * A duration the way a human says it, to two units at most (rounded in the smaller one).
 * @example
 *   formatSpan(10_800_000); // '3h'
 *   formatSpan(1_234);      // '1.2s'
 */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (Math.round(ms) < 1000) return `${Math.round(ms)}ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${tenths / 10}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return two(Math.floor(seconds / 60), 'm', seconds % 60, 's');
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1440) return two(Math.floor(minutes / 60), 'h', minutes % 60, 'm');
  const hours = Math.round(ms / 3_600_000);
  return two(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

/**
 * The summary line of a run.
 * @example
 *   toSummaryLine({ scenarios: 12, scenariosFailed: 1, scenariosSkipped: 0, checks: 240, checksFailed: 1, warnings: 2 }, 'en');
 *   // '12 scenarios: 11 passed, 1 failed · 240 checks, 1 failed, 2 warnings'
 *   // with 1 skipped: '12 scenarios: 10 passed, 1 skipped, 1 failed · ...'
 */
export function toSummaryLine(summary: RunSummary, lang: Lang): string {
  const m = MESSAGES[lang];
  const skipped = summary.scenariosSkipped;
  return fill(m.summary, {
    scenarios: count(m.scenarios, summary.scenarios),
    scenariosPassed: summary.scenarios - summary.scenariosFailed - skipped,
    scenariosSkipped: skipped === 0 ? '' : fill(m.summarySkipped, { n: skipped }),
    scenariosFailed: summary.scenariosFailed,
    checks: count(m.checks, summary.checks),
    checksFailed: summary.checksFailed,
    warnings: count(m.warnings, summary.warnings),
  });
}

/** What an attempt ended with, in a few characters: its resultCode, else its HTTP status, else "no answer". */
export function toAttemptResult(attempt: ReportedAttempt, lang: Lang): string {
  if (attempt.resultCode !== undefined) return toSafeText(attempt.resultCode, { max: 40 });
  if (attempt.status !== undefined) return `HTTP ${attempt.status}`;
  return MESSAGES[lang].noAnswer;
}

/**
 * One line for a retried step, or undefined when it was tried once.
 * @example
 *   toAttemptsLine(attempts, 'en'); // '61 attempts over 3h, last: 000005'
 */
export function toAttemptsLine(attempts: readonly ReportedAttempt[], lang: Lang): string | undefined {
  const first = attempts[0];
  const last = attempts[attempts.length - 1];
  if (first === undefined || last === undefined || attempts.length < 2) return undefined;
  return fill(MESSAGES[lang].attempts, {
    count: attempts.length,
    span: formatSpan(last.at - first.at),
    last: toAttemptResult(last, lang),
  });
}

/** What a check verifies, in the report's language (undefined for ids koomock does not know). */
export const toCheckTitle = (id: string, lang: Lang): string | undefined =>
  lang === 'zh' ? (CHECK_MESSAGES_ZH[id]?.title ?? CHECKS[id]) : CHECKS[id];

/** The general Chinese advice for a check id, shown under the specific English hint in zh reports. */
export const toZhAdvice = (id: string, lang: Lang): string | undefined => (lang === 'zh' ? CHECK_MESSAGES_ZH[id]?.hint : undefined);

/** A sentence of a check or a step in the report's language (see core/messages); undefined stays undefined. */
export const local = (text: string | undefined, lang: Lang): string | undefined => (text === undefined ? undefined : localise(text, lang));

/** A scenario's title in the report's language: `title_zh` of its file for zh. */
export const toScenarioTitle = (scenario: Pick<ScenarioReport, 'title' | 'titleZh'>, lang: Lang): string =>
  lang === 'zh' ? (scenario.titleZh ?? localise(scenario.title, lang)) : scenario.title;

/** A step's title in the report's language: `title_zh` of the file, or the generated title put in Chinese. */
export const toStepTitle = (step: Pick<StepReport, 'title' | 'titleZh'>, lang: Lang): string =>
  lang === 'zh' ? localise(step.titleZh ?? step.title, lang) : step.title;
