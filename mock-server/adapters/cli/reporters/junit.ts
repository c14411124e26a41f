import { fill, type Lang, MESSAGES } from '../i18n.js';
import { local, toScenarioTitle, toStepTitle } from './format.js';
import { isFailure, type ReportedCheck, type RunReport, type ScenarioReport } from '../../../core/scenario/run/report.js';
import { toSafeText } from './safe-text.js';

// Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML 1.0 content or attribute values: invalid characters removed, markup escaped, and
 * (for attributes) line breaks kept as character references so parsers do not fold them to spaces.
 * @example
 *   escapeXml('a<b\u0000 "c"'); // 'a&lt;b &quot;c&quot;'
 */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
  return attribute ? escaped.replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : escaped;
}

const attr = (name: string, value: string | number): string => ` ${name}="${escapeXml(String(value), true)}"`;
const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0.000');
// The common JUnit schema wants a timestamp without zone or fraction: 2024-11-21T09:08:46.
const junitTimestamp = (iso: string): string => (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.exec(iso)?.[0] ?? iso);

/** Profile values as flat `profile.<name>` properties; nested records become `profile.<name>.<key>`. */
function profileProperties(profile: Readonly<Record<string, unknown>>, prefix = 'profile'): [string, string][] {
  return Object.entries(profile).flatMap(([key, value]): [string, string][] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? profileProperties(value as Record<string, unknown>, `${prefix}.${key}`)
      : [[`${prefix}.${key}`, typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))]],
  );
}

function details(check: ReportedCheck, lang: Lang): string {
  const m = MESSAGES[lang];
  const rows: [string, string | undefined][] = [
    [m.expected, local(check.expected, lang)],
    [m.received, local(check.received, lang)],
    [m.hint, local(check.hint, lang)],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== undefined)
    .map(([name, value]) => `${name}: ${toSafeText(value, { max: 2000 })}`)
    .join('\n');
}

function testcase(scenario: ScenarioReport, check: ReportedCheck, name: string, lang: Lang): string {
  const open = `    <testcase${attr('name', name)}${attr('classname', toSafeText(scenario.id))}${attr('time', '0.000')}`;
  if (check.ok) return `${open}/>`;
  const m = MESSAGES[lang];
  const text = escapeXml(details(check, lang));
  if (!isFailure(check)) return `${open}>\n      <system-out>${escapeXml(`${m.warning}: ${check.id}\n`)}${text}</system-out>\n    </testcase>`;
  const expected = local(check.expected, lang);
  const received = local(check.received, lang);
  const message = [expected === undefined ? '' : `${m.expected} ${expected}`, received === undefined ? '' : `${m.received} ${received}`]
    .filter((s) => s !== '')
    .join(lang === 'zh' ? '；' : '; ');
  return `${open}>\n      <failure${attr('message', toSafeText(message === '' ? check.id : message))}${attr('type', toSafeText(check.id))}>${text}</failure>\n    </testcase>`;
}

// CI tools key test cases by name: a check reported twice for one step gets ` (2)`, ` (3)`, ...
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

function testsuite(report: RunReport, scenario: ScenarioReport, index: number, props: string, lang: Lang): string {
  const skippedSteps = scenario.steps.filter((s) => s.status === 'skipped');
  const cases = [
    ...uniqueNames(scenario.checks.map((c) => `${toSafeText(c.step)} › ${toSafeText(c.id)}`)).map((name, i) => testcase(scenario, scenario.checks[i] as ReportedCheck, name, lang)),
    ...skippedSteps.map(
      (s) =>
        `    <testcase${attr('name', `${toSafeText(s.id)} › (skipped)`)}${attr('classname', toSafeText(scenario.id))}${attr('time', '0.000')}>
      <skipped${attr('message', fill(MESSAGES[lang].stepSkipped, { id: toSafeText(s.id), title: toSafeText(toStepTitle(s, lang)) }))}/>
    </testcase>`,
    ),
  ];
  const head =
    `  <testsuite${attr('name', toSafeText(scenario.id))}${attr('tests', cases.length)}${attr('failures', scenario.checks.filter(isFailure).length)}` +
    `${attr('errors', 0)}${attr('skipped', skippedSteps.length)}${attr('time', seconds(scenario.durationMs))}` +
    `${attr('timestamp', junitTimestamp(report.startedAt))}${attr('hostname', 'localhost')}${attr('id', index)}${attr('package', 'koomock')}` +
    `${scenario.file === undefined ? '' : attr('file', toSafeText(scenario.file))}>`;
  const title = `      <property${attr('name', 'scenario.title')}${attr('value', toSafeText(toScenarioTitle(scenario, lang)))}/>`;
  return [head, '    <properties>', title, props, '    </properties>', ...cases, '  </testsuite>'].join('\n');
}

/**
 * The run as JUnit XML: one `<testsuite>` per scenario, one `<testcase>` per check (plus one per
 * skipped step), named `step › check id`, classname = scenario id. Warnings pass, with `<system-out>`.
 * @example
 *   writeFileSync('koomock-junit.xml', toJunitXml(report));
 */
export function toJunitXml(report: RunReport, lang: Lang = 'en'): string {
  // `run.` and `profile.` keep the names apart from scenario.title whatever the profile holds.
  const props = [
    ['run.koomockVersion', report.version],
    ['run.sellerUrl', report.sellerUrl],
    ['run.startedAt', report.startedAt],
    ...profileProperties(report.profile),
  ]
    .map(([name, value]) => `      <property${attr('name', toSafeText(name))}${attr('value', toSafeText(value, { max: 2000 }))}/>`)
    .join('\n');
  const suites = report.scenarios.map((s, i) => testsuite(report, s, i, props, lang));
  const skipped = report.scenarios.reduce((n, s) => n + s.steps.filter((st) => st.status === 'skipped').length, 0);
  const tests = report.scenarios.reduce((n, s) => n + s.checks.length, 0) + skipped;
  const failures = report.scenarios.reduce((n, s) => n + s.checks.filter(isFailure).length, 0);
  const root =
    `<testsuites${attr('name', 'koomock')}${attr('tests', tests)}${attr('failures', failures)}${attr('errors', 0)}` +
    `${attr('skipped', skipped)}${attr('time', seconds(report.durationMs))}${attr('timestamp', junitTimestamp(report.startedAt))}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
}
