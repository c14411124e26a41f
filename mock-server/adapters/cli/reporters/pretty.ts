import { isFailure, isSkippedScenario, type ReportedCheck, type RunReport, type ScenarioReport } from '../../../core/scenario/run/report.js';
import { MESSAGES, type Lang, type Messages } from '../i18n.js';
import { formatSpan, local, toAttemptsLine, toCheckTitle, toScenarioTitle, toStepTitle, toSummaryLine, toZhAdvice } from './format.js';
import { groupChecks, type StepGroup } from './group.js';
import { toSafeText } from './safe-text.js';

export interface PrettyOptions {
  readonly lang?: Lang;
  /** ANSI colours; decide with {@link shouldUseColor}, never inside the formatter. */
  readonly color?: boolean;
}

/**
 * Colour only for a terminal, and never when NO_COLOR is set to anything but "" (no-color.org).
 * @example
 *   shouldUseColor(process.stdout, process.env);
 */
export const shouldUseColor = (stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean =>
  stream.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');

type Paint = (sgr: number, text: string) => string;

const MARK = { passed: '✔', failed: '✗', warn: '!', skipped: '–' } as const;
const GREEN = 32;
const RED = 31;
const YELLOW = 33;
const DIM = 2;
const BOLD = 1;

const safe = (text: unknown, max = 200): string => toSafeText(text, { max });

interface Ctx {
  readonly m: Messages;
  readonly lang: Lang;
  readonly paint: Paint;
}

function checkLines(check: ReportedCheck, groupId: string, ctx: Ctx): string[] {
  const { m, paint } = ctx;
  const where = check.step === groupId ? '' : paint(DIM, ` (${safe(check.step, 80)})`);
  if (check.ok) return [`    ${paint(GREEN, MARK.passed)} ${safe(check.id, 80)}${where}`];
  const warn = !isFailure(check);
  const mark = warn ? paint(YELLOW, MARK.warn) : paint(RED, MARK.failed);
  const title = toCheckTitle(check.id, ctx.lang);
  const label = warn ? paint(YELLOW, ` (${m.warning})`) : '';
  const head = `    ${mark} ${paint(BOLD, safe(check.id, 80))}${where}${label}${title === undefined ? '' : `  ${paint(DIM, title)}`}`;
  const rows: [string, string | undefined][] = [
    [m.expected, local(check.expected, ctx.lang)],
    [m.received, local(check.received, ctx.lang)],
    [m.hint, local(check.hint, ctx.lang)],
    [m.about, toZhAdvice(check.id, ctx.lang)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const details = rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([name, value]) => `        ${paint(DIM, name.padEnd(width))}  ${safe(value, name === m.hint || name === m.about ? 600 : 300)}`);
  return [head, ...details];
}

function groupLines(group: StepGroup, ctx: Ctx): string[] {
  const { m, paint } = ctx;
  const step = group.step;
  const status = step?.status ?? (group.checks.some(isFailure) ? 'failed' : 'passed');
  const mark = status === 'passed' ? paint(GREEN, MARK.passed) : status === 'failed' ? paint(RED, MARK.failed) : paint(DIM, MARK.skipped);
  const title = step?.title === undefined || step.title === '' ? safe(group.id, 80) : safe(toStepTitle(step, ctx.lang));
  const tags = [safe(group.id, 80), ...(step?.activity === undefined ? [] : [safe(step.activity, 80)])].join(' · ');
  const skipped = status === 'skipped' ? ` (${m.skipped})` : '';
  const attempts = step === undefined ? undefined : toAttemptsLine(step.attempts, ctx.lang);
  return [
    `  ${mark} ${title}  ${paint(DIM, tags)}${skipped}`,
    ...group.checks.flatMap((c) => checkLines(c, group.id, ctx)),
    ...(attempts === undefined ? [] : [`    ${paint(DIM, attempts)}`]),
  ];
}

function scenarioLines(scenario: ScenarioReport, ctx: Ctx): string[] {
  const { paint } = ctx;
  const skipped = isSkippedScenario(scenario);
  const passed = scenario.status === 'passed';
  const mark = skipped ? paint(DIM, MARK.skipped) : passed ? paint(GREEN, MARK.passed) : paint(RED, MARK.failed);
  const tags = [safe(scenario.id, 120), formatSpan(scenario.durationMs)].join(' · ');
  const note = skipped ? ` (${ctx.m.skipped})` : '';
  return [`${mark} ${paint(BOLD, safe(toScenarioTitle(scenario, ctx.lang)))}  ${paint(DIM, tags)}${note}`, ...groupChecks(scenario).flatMap((g) => groupLines(g, ctx))];
}

/**
 * The ✔/✗ checklist of a run, for a terminal or a text file. Pure: colour is an option.
 * @example
 *   process.stdout.write(toPrettyReport(report, { lang: 'zh', color: shouldUseColor(process.stdout, process.env) }));
 *   // ✗ 新开通实例 …\n  ✗ … \n\n12 个场景：11 通过，1 失败 · 240 项检查，1 失败，2 个警告\n
 */
export function toPrettyReport(report: RunReport, options: PrettyOptions = {}): string {
  const lang = options.lang ?? 'en';
  const paint: Paint = options.color === true ? (sgr, text) => `\u001b[${sgr}m${text}\u001b[0m` : (_sgr, text) => text;
  const ctx: Ctx = { m: MESSAGES[lang], lang, paint };
  const body = report.scenarios.flatMap((s) => [...scenarioLines(s, ctx), '']);
  const s = report.summary;
  const ok = s.scenarios > 0 && s.scenariosFailed === 0 && s.checksFailed === 0;
  const last = s.scenarios === 0 ? paint(RED, ctx.m.nothingRan) : paint(ok ? GREEN : RED, toSummaryLine(s, lang));
  return `${[...body, last].join('\n')}\n`;
}
