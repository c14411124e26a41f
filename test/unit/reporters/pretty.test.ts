import { describe, expect, test } from 'vitest';
import { formatSpan, toAttemptsLine, toSummaryLine } from '../../../mock-server/adapters/cli/reporters/format.js';
import { shouldUseColor, toPrettyReport } from '../../../mock-server/adapters/cli/reporters/pretty.js';
import {
  attempts,
  buildRunReport,
  buildScenario,
  failed,
  failingRun,
  HOSTILE_TEXT,
  passingRun,
} from '../../support/sample-report.js';

// ESC, C1 controls, C0 controls other than the line feed, DEL, bidi overrides, lone surrogates.
const TERMINAL_ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const lines = (text: string): string[] => text.split('\n');

describe('summary line', () => {
  const TWELVE = { scenarios: 12, scenariosFailed: 1, scenariosSkipped: 0, checks: 240, checksFailed: 1, warnings: 2 };
  const SKIPPED = { ...TWELVE, scenarios: 26, scenariosFailed: 0, scenariosSkipped: 1 };
  test.for([
    ['en', TWELVE, '12 scenarios: 11 passed, 1 failed · 240 checks, 1 failed, 2 warnings'],
    ['zh', TWELVE, '12 个场景：11 通过，1 失败 · 240 项检查，1 失败，2 个警告'],
    ['en', { scenarios: 1, scenariosFailed: 0, scenariosSkipped: 0, checks: 1, checksFailed: 0, warnings: 1 }, '1 scenario: 1 passed, 0 failed · 1 check, 0 failed, 1 warning'],
    ['en', SKIPPED, '26 scenarios: 25 passed, 1 skipped, 0 failed · 240 checks, 1 failed, 2 warnings'],
    ['zh', SKIPPED, '26 个场景：25 通过，1 跳过，0 失败 · 240 项检查，1 失败，2 个警告'],
  ] as const)('%s: %o reads "%s"', ([lang, summary, expected]) => {
    expect(toSummaryLine(summary, lang)).toBe(expected);
  });

  test('is the last line of the report', () => {
    const report = failingRun(2);
    expect(lines(toPrettyReport(report)).at(-2)).toBe('3 scenarios: 2 passed, 1 failed · 43 checks, 2 failed, 1 warning');
  });

  test('says that nothing ran instead of a row of zeros', () => {
    expect(toPrettyReport(buildRunReport([]))).toBe('No scenario ran: check the scenario paths and filters.\n');
  });
});

describe('checklist', () => {
  const report = failingRun(1);
  const text = toPrettyReport(report);

  test('starts each scenario with ✔ or ✗ and its title', () => {
    expect(text).toMatch(/^✔ New instance: provision and answer 000000 {2}newinstance-basic-1 · 240ms$/m);
    expect(text).toMatch(/^✗ New instance: the marketplace retries for 3 hours {2}newinstance-retry · 3h$/m);
  });

  test('lists a passed check with ✔ and its id only', () => {
    expect(lines(text)).toContain('    ✔ http.status');
    expect(text).not.toContain('answered in 84 ms');
  });

  test('shows expected, received and hint under a failed check', () => {
    const at = lines(text).findIndex((l) => l.startsWith('    ✗ result.code'));
    expect(at).toBeGreaterThan(0);
    const [expected, received, hint] = lines(text).slice(at + 1, at + 4);
    expect(expected).toBe('        expected  "000000" (or "000004" = provisioning in progress)');
    expect(received).toMatch(/^ {8}received {2}"000005" \(internal error\), resultMsg /);
    expect(hint).toBe('        hint      The seller reported an internal error: see its logs.');
  });

  test('marks a warning with ! and says it is one', () => {
    expect(text).toMatch(/^ {4}! response\.body-sign \(warning\)/m);
  });

  test('marks a scenario that ran no check because its steps were skipped with – and (skipped), not ✔', () => {
    const scenario = buildScenario({
      id: 'order-query-failover',
      title: 'Primary host down',
      durationMs: 1,
      steps: [{ id: 'down', title: 'faults (skipped: no fallback host)', status: 'skipped' }],
    });
    const out = lines(toPrettyReport(buildRunReport([scenario])));
    expect(out).toContain('– Primary host down  order-query-failover · 1ms (skipped)');
    expect(out.some((l) => l.startsWith('✔ Primary host down'))).toBe(false);
    expect(out.at(-2)).toBe('1 scenario: 0 passed, 1 skipped, 0 failed · 0 checks, 0 failed, 0 warnings');
  });

  test('marks a skipped step with – and (skipped)', () => {
    expect(lines(text)).toContain('  – Query the instance  query · queryInstance (skipped)');
  });

  test('summarises the attempts of a retried step and says nothing for a single attempt', () => {
    expect(lines(text)).toContain('    61 attempts over 3h, last: 000005');
    expect(text.match(/attempts over/g)).toHaveLength(1);
  });

  test('names the re-send a check came from when it is not the step itself', () => {
    expect(lines(text)).toContain('    ✔ instance.idempotent (create#2)');
  });

  test('writes Chinese labels, the Chinese check title and advice with --lang zh', () => {
    const zh = toPrettyReport(report, { lang: 'zh' });
    expect(zh).toMatch(/^ {4}✗ result\.code {2}resultCode 为 000000/m);
    expect(zh).toMatch(/^ {8}期望 {2}"000000"/m);
    expect(zh).toMatch(/^ {8}提示 {2}卖家服务报告了内部错误/m);
    expect(zh).toMatch(/^ {8}说明 {2}只有 000000 表示成功/m);
    expect(zh).toContain('共 61 次尝试，历时 3h，最后一次：000005');
    expect(zh).toContain('(已跳过)');
  });
});

describe('colour', () => {
  test('is off unless asked for', () => {
    expect(toPrettyReport(failingRun(1))).not.toContain('\u001b');
  });

  test('paints ✔ green, ✗ red and ! yellow when asked for', () => {
    const text = toPrettyReport(failingRun(1), { color: true });
    expect(text).toContain('\u001b[32m✔\u001b[0m http.status');
    expect(text).toContain('\u001b[31m✗\u001b[0m');
    expect(text).toContain('\u001b[33m!\u001b[0m');
  });

  test.for([
    ['a terminal without NO_COLOR', true, {}, true],
    ['a terminal with NO_COLOR=1', true, { NO_COLOR: '1' }, false],
    ['a terminal with an empty NO_COLOR (no-color.org: ignored)', true, { NO_COLOR: '' }, true],
    ['a pipe', false, {}, false],
  ] as const)('is chosen for %s: %s', ([, isTTY, env, expected]) => {
    expect(shouldUseColor({ isTTY }, env)).toBe(expected);
  });
});

describe('seller text', () => {
  const hostile = buildRunReport([
    buildScenario({
      id: 'hostile\u001b[2J',
      title: `title ${HOSTILE_TEXT}`,
      steps: [
        {
          id: 'create',
          title: 'step \u001b]0;x\u0007',
          attempts: attempts({ count: 2, resultCode: '\u001b[2J000000', outcome: 'failed' }),
          checks: [failed({ id: 'result.code', ok: false, expected: 'x', received: HOSTILE_TEXT, hint: `\u001b[1A${HOSTILE_TEXT}` }, 'create')],
        },
      ],
    }),
  ]);

  test('cannot move the cursor, clear the screen, set the title or reorder text', () => {
    const text = toPrettyReport(hostile, { lang: 'en' });
    expect(text).not.toMatch(TERMINAL_ACTIVE);
    expect(text).toContain('all checks passed');
    expect(text).toContain('2 attempts over 3m, last: 000000');
  });

  test('keeps colour codes only where koomock put them', () => {
    const text = toPrettyReport(hostile, { color: true });
    const sequences = text.match(/\u001b\[[0-9;]*m/g) ?? [];
    expect(sequences.every((s) => /^\u001b\[(0|1|2|31|32|33)m$/.test(s))).toBe(true);
    expect(text).not.toContain('\u001b[2J');
    expect(text).not.toContain('\u001b]');
  });

  test('cuts a long value and says how much was left out', () => {
    const report = buildRunReport([
      buildScenario({ id: 'long', title: 'long', steps: [{ id: 's', title: 's', checks: [failed({ id: 'body.json', ok: false, received: 'A'.repeat(5000) }, 's')] }] }),
    ]);
    const received = lines(toPrettyReport(report)).find((l) => l.includes('received'));
    expect(received?.length).toBeLessThan(400);
    expect(received).toContain('… (+4700 chars)');
  });
});

describe('formatSpan', () => {
  test.for([
    [0, '0ms'],
    [999, '999ms'],
    [1_234, '1.2s'],
    [59_990, '1m'],
    [90_000, '1m 30s'],
    [3_599_999, '1h'],
    [10_620_000, '2h 57m'],
    [10_800_000, '3h'],
    [90_000_000, '1d 1h'],
    [-1, '?'],
  ] as const)('%i ms reads %s', ([ms, expected]) => {
    expect(formatSpan(ms)).toBe(expected);
  });
});

describe('toAttemptsLine', () => {
  test.for([
    ['the resultCode', attempts({ count: 3, status: 200, resultCode: '000001' }), '3 attempts over 6m, last: 000001'],
    ['the HTTP status without a resultCode', attempts({ count: 2, status: 502 }), '2 attempts over 3m, last: HTTP 502'],
    ['"no answer" after a timeout', attempts({ count: 2, outcome: 'failed' }), '2 attempts over 3m, last: no answer'],
  ] as const)('ends with %s', ([, list, expected]) => {
    expect(toAttemptsLine(list, 'en')).toBe(expected);
  });

  test('is undefined for a step tried once', () => {
    expect(toAttemptsLine(attempts({ count: 1 }), 'en')).toBeUndefined();
  });
});

test('a passing run has no ✗ and ends with its summary', () => {
  const text = toPrettyReport(passingRun(2));
  expect(text).not.toContain('✗');
  expect(lines(text).at(-2)).toBe('2 scenarios: 2 passed, 0 failed · 34 checks, 0 failed, 0 warnings');
});
