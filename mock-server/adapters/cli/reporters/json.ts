import { type ReportedCheck, scenarioOutcome, type RunReport, type ScenarioReport } from '../../../core/scenario/run/report.js';
import type { Lang } from '../i18n.js';
import { local, toScenarioTitle, toStepTitle } from './format.js';

// A profile is open-ended; a bigint in it must not make the whole report unwritable.
const replacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/** A check's sentences in `lang`; its id, step, ok and severity stay as they are. */
function localCheck(check: ReportedCheck, lang: Lang): ReportedCheck {
  const texts = { expected: local(check.expected, lang), received: local(check.received, lang), hint: local(check.hint, lang) };
  return { ...check, ...Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined)) };
}

/** A scenario's human text (titles and check sentences) in `lang`; ids, statuses, codes and values stay. */
function localScenario(s: ScenarioReport, lang: Lang): ScenarioReport {
  if (lang === 'en') return s;
  return {
    ...s,
    title: toScenarioTitle(s, lang),
    steps: s.steps.map((step) => ({ ...step, title: toStepTitle(step, lang) })),
    checks: s.checks.map((c) => localCheck(c, lang)),
  };
}

/**
 * The run as JSON, in the shape of `schemas/report.schema.json` (documented in docs/reports.md).
 * In `zh`, the human text fields (titles, expected, received, hint) are the Chinese ones and `lang`
 * says so; every id, key, status, code and value is the same as in English.
 * Values are kept as received: JSON escaping already makes control characters and lone surrogates inert.
 * @example
 *   writeFileSync('koomock-report.json', toJsonReport(report));
 *   writeFileSync('koomock-report.zh.json', toJsonReport(report, 'zh'));
 */
export function toJsonReport(report: RunReport, lang: Lang = 'en'): string {
  // A scenario that could run no check is written as skipped, as the summary counts it.
  const scenarios = report.scenarios.map((s) => ({ ...localScenario(s, lang), status: scenarioOutcome(s) }));
  return `${JSON.stringify({ ...report, ...(lang === 'en' ? {} : { lang }), scenarios }, replacer, 2)}\n`;
}
