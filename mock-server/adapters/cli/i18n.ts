import { closestName } from '../../core/suggest.js';
import { usageError } from '../../core/errors.js';

/** Languages of the human-readable reports (`--lang`). */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A count: `{n}` is replaced by the number; `one` is used for exactly 1. */
export interface Plural {
  readonly one: string;
  readonly other: string;
}

/** Every string the pretty and HTML reporters show; templates use `{name}` placeholders. */
export interface Messages {
  readonly expected: string;
  readonly received: string;
  readonly hint: string;
  /** Label of the Chinese background hint shown after the specific one (zh only). */
  readonly about: string;
  readonly warning: string;
  readonly skipped: string;
  /** JUnit message of a skipped step: `{id}`, `{title}`. */
  readonly stepSkipped: string;
  readonly scenarios: Plural;
  readonly checks: Plural;
  readonly warnings: Plural;
  /** `{scenarios}`, `{checks}`, `{warnings}` are already counted with their Plural. */
  readonly summary: string;
  /** `, {n} skipped`: inserted into the summary only when a scenario was skipped. */
  readonly summarySkipped: string;
  readonly nothingRan: string;
  /** First line of `koomock run`: `{n}`, `{seller}`, `{openApi}`, and `{others}` (the other hosts, from `hostAt`). */
  readonly runStart: string;
  /** One more Open API host in runStart: `{name}`, `{url}`. */
  readonly hostAt: string;
  /** Where the web console shows the run, at the end of runStart: `{url}`. */
  readonly watchAt: string;
  readonly attempts: string;
  readonly allAttempts: string;
  readonly noAnswer: string;
  readonly reportTitle: string;
  readonly verdictPassed: string;
  readonly verdictFailed: string;
  readonly verdictEmpty: string;
  readonly sellerUrl: string;
  readonly startedAt: string;
  readonly duration: string;
  readonly version: string;
  readonly profile: string;
  readonly onlyFailed: string;
  readonly check: string;
  readonly step: string;
  readonly lastAnswer: string;
  readonly attempt: string;
  readonly time: string;
  readonly status: string;
  readonly outcome: string;
  readonly answer: string;
  readonly cardScenarios: string;
  readonly cardScenariosFailed: string;
  readonly cardScenariosSkipped: string;
  readonly cardChecks: string;
  readonly cardChecksFailed: string;
  readonly cardWarnings: string;
}

/**
 * The en/zh string table. Adding a language means adding one column here.
 * @example
 *   MESSAGES.zh.expected; // '期望'
 */
export const MESSAGES: Readonly<Record<Lang, Messages>> = {
  en: {
    expected: 'expected',
    received: 'received',
    hint: 'hint',
    about: 'about',
    warning: 'warning',
    skipped: 'skipped',
    stepSkipped: 'step {id} was skipped: {title}',
    scenarios: { one: '{n} scenario', other: '{n} scenarios' },
    checks: { one: '{n} check', other: '{n} checks' },
    warnings: { one: '{n} warning', other: '{n} warnings' },
    summary: '{scenarios}: {scenariosPassed} passed{scenariosSkipped}, {scenariosFailed} failed · {checks}, {checksFailed} failed, {warnings}',
    summarySkipped: ', {n} skipped',
    nothingRan: 'No scenario ran: check the scenario paths and filters.',
    runStart: 'koomock: {n} scenario(s) against {seller}; Open APIs (order query, usage push) at {openApi}{others}',
    hostAt: '; {name} at {url}',
    watchAt: '; watch it at {url}',
    attempts: '{count} attempts over {span}, last: {last}',
    allAttempts: 'All attempts ({count})',
    noAnswer: 'no answer',
    reportTitle: 'koomock conformance report',
    verdictPassed: 'PASSED',
    verdictFailed: 'FAILED',
    verdictEmpty: 'NOTHING RAN',
    sellerUrl: 'Seller URL',
    startedAt: 'Started',
    duration: 'Duration',
    version: 'koomock version',
    profile: 'Fidelity profile',
    onlyFailed: 'Show failed scenarios only',
    check: 'Check',
    step: 'Step',
    lastAnswer: 'Last answer',
    attempt: 'Attempt',
    time: 'Time',
    status: 'HTTP',
    outcome: 'Outcome',
    answer: 'Answer',
    cardScenarios: 'Scenarios',
    cardScenariosFailed: 'Scenarios failed',
    cardScenariosSkipped: 'Scenarios skipped',
    cardChecks: 'Checks',
    cardChecksFailed: 'Checks failed',
    cardWarnings: 'Warnings',
  },
  zh: {
    expected: '期望',
    received: '实际',
    hint: '提示',
    about: '说明',
    warning: '警告',
    skipped: '已跳过',
    stepSkipped: '步骤 {id} 已跳过：{title}',
    scenarios: { one: '{n} 个场景', other: '{n} 个场景' },
    checks: { one: '{n} 项检查', other: '{n} 项检查' },
    warnings: { one: '{n} 个警告', other: '{n} 个警告' },
    summary: '{scenarios}：{scenariosPassed} 通过{scenariosSkipped}，{scenariosFailed} 失败 · {checks}，{checksFailed} 失败，{warnings}',
    summarySkipped: '，{n} 跳过',
    nothingRan: '没有运行任何场景：请检查场景路径和过滤条件。',
    runStart: 'koomock：对 {seller} 运行 {n} 个场景；开放接口（订单查询、话单上报）地址 {openApi}{others}',
    hostAt: '；{name} 地址 {url}',
    watchAt: '；在 {url} 观看运行过程',
    attempts: '共 {count} 次尝试，历时 {span}，最后一次：{last}',
    allAttempts: '全部尝试（{count} 次）',
    noAnswer: '无应答',
    reportTitle: 'koomock 一致性测试报告',
    verdictPassed: '通过',
    verdictFailed: '失败',
    verdictEmpty: '未运行',
    sellerUrl: '卖家地址',
    startedAt: '开始时间',
    duration: '耗时',
    version: 'koomock 版本',
    profile: '仿真配置（fidelity profile）',
    onlyFailed: '只显示失败的场景',
    check: '检查项',
    step: '步骤',
    lastAnswer: '最后一次应答',
    attempt: '次序',
    time: '时间',
    status: 'HTTP',
    outcome: '结果',
    answer: '应答',
    cardScenarios: '场景',
    cardScenariosFailed: '失败场景',
    cardScenariosSkipped: '跳过场景',
    cardChecks: '检查项',
    cardChecksFailed: '失败检查项',
    cardWarnings: '警告',
  },
};

/**
 * Fills `{name}` placeholders; unknown names stay as they are.
 * @example
 *   fill('{n} checks', { n: 3 }); // '3 checks'
 */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** @example count(MESSAGES.en.checks, 1); // '1 check' */
export const count = (plural: Plural, n: number): string => fill(n === 1 ? plural.one : plural.other, { n });

/**
 * `--lang` value to a Lang; `zh-CN`, `zh_TW`, `en-US` are accepted too.
 * @example
 *   parseLang('zh-CN'); // 'zh'
 */
export function parseLang(text: string): Lang {
  const base = text.trim().toLowerCase().split(/[-_.]/)[0] ?? '';
  if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  const near = closestName(base, LANGS);
  throw usageError(
    `unknown language ${JSON.stringify(text)} for --lang: expected one of ${LANGS.join(', ')}${near === undefined ? '' : ` (did you mean ${near}?)`}`,
    { lang: text },
  );
}

/**
 * The language of the reports: `--lang`, else `KOOMOCK_LANG`, else Chinese when `LC_ALL` or `LANG`
 * starts with `zh` (a Chinese desktop or terminal), else English.
 * @example
 *   chooseLang(undefined, { LANG: 'zh_CN.UTF-8' }); // 'zh'
 */
export function chooseLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag !== undefined) return parseLang(flag);
  const chosen = env['KOOMOCK_LANG'];
  if (chosen !== undefined && chosen !== '') return parseLang(chosen);
  const locale = env['LC_ALL'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
