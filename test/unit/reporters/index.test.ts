import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test as base } from 'vitest';
import {
  parseReportSpec,
  parseReportSpecs,
  toExitCode,
  toReportText,
  writeReports,
} from '../../../mock-server/adapters/cli/reporters/index.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';
import { buildRunReport, buildScenario, failingRun, passingRun, warned } from '../../support/sample-report.js';

/** A temporary folder, removed after the test. */
const test = base.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-reports-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const usageMessage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isKoomockError(e) && e.code === 'USAGE') return e.message;
    throw e;
  }
  throw new Error('expected a usage error');
};

describe('parseReportSpec', () => {
  test.for([
    ['kind=FILE', 'junit=reports/koomock.xml', { kind: 'junit', file: 'reports/koomock.xml' }],
    ['standard output', 'json=-', { kind: 'json', file: '-' }],
    ['a kind alone (default file)', 'html', { kind: 'html', file: 'koomock-report.html' }],
    ['pretty alone (standard output)', 'pretty', { kind: 'pretty', file: '-' }],
    ['an upper-case kind', 'JUNIT=a.xml', { kind: 'junit', file: 'a.xml' }],
    ['a file name with =', 'json=out=1.json', { kind: 'json', file: 'out=1.json' }],
  ] as const)('reads %s', ([, text, expected]) => {
    expect(parseReportSpec(text)).toEqual(expected);
  });

  test.for([
    ['an unknown kind', 'xml=out.xml', 'unknown report kind "xml" in --report "xml=out.xml": expected one of pretty, junit, json, html, e.g. --report junit=koomock-junit.xml'],
    ['a misspelt kind, with a suggestion', 'jnuit=out.xml', 'unknown report kind "jnuit" in --report "jnuit=out.xml": expected one of pretty, junit, json, html (did you mean junit?), e.g. --report junit=koomock-junit.xml'],
    ['an empty file', 'junit=', '--report "junit=" names no file: write junit=FILE, junit=- for standard output, or just junit'],
  ] as const)('rejects %s with a usage error that says what to write', ([, text, message]) => {
    expect(usageMessage(() => parseReportSpec(text))).toBe(message);
  });
});

describe('parseReportSpecs', () => {
  test('keeps the order of the flags', () => {
    expect(parseReportSpecs(['pretty', 'junit=j.xml', 'json=r.json']).map((s) => s.kind)).toEqual(['pretty', 'junit', 'json']);
  });

  test.for([
    ['one file', ['junit=out.xml', 'json=out.xml'], '--report junit and --report json both write to out.xml: give each report its own file'],
    ['standard output', ['pretty', 'json=-'], '--report pretty and --report json both write to standard output: give each report its own file'],
  ] as const)('rejects two reports into %s', ([, texts, message]) => {
    expect(usageMessage(() => parseReportSpecs(texts))).toBe(message);
  });
});

describe('writeReports', () => {
  test('writes every kind, creating folders, and resolves to the files written', async ({ dir }) => {
    const report = failingRun(1);
    const specs = parseReportSpecs(['pretty=out/checklist.txt', 'junit=out/ci/junit.xml', 'json=out/report.json', 'html=out/report.html']);
    const written = await writeReports(report, specs, { cwd: dir, color: true });
    expect(written).toEqual(['out/checklist.txt', 'out/ci/junit.xml', 'out/report.json', 'out/report.html'].map((f) => join(dir, f)));
    expect(readFileSync(join(dir, 'out/report.json'), 'utf8')).toBe(toReportText(report, 'json'));
    expect(readFileSync(join(dir, 'out/ci/junit.xml'), 'utf8')).toBe(toReportText(report, 'junit'));
    expect(readFileSync(join(dir, 'out/report.html'), 'utf8')).toBe(toReportText(report, 'html'));
    // A file never gets colour, even when the terminal would.
    expect(readFileSync(join(dir, 'out/checklist.txt'), 'utf8')).toBe(toReportText(report, 'pretty'));
  });

  test('sends "-" reports to standard output, in colour only when asked', async ({ dir }) => {
    const out: string[] = [];
    await writeReports(failingRun(1), parseReportSpecs(['pretty']), { cwd: dir, stdout: (t) => out.push(t), color: true, lang: 'zh' });
    await writeReports(failingRun(1), parseReportSpecs(['pretty']), { cwd: dir, stdout: (t) => out.push(t) });
    expect(out[0]).toContain('\u001b[31m✗\u001b[0m');
    expect(out[0]).toContain('个场景');
    expect(out[1]).not.toContain('\u001b');
  });

  test('writes the reports it can, then fails naming the file it could not write', async ({ dir }) => {
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const attempt = writeReports(passingRun(1), parseReportSpecs(['junit=blocker/junit.xml', 'json=ok.json']), { cwd: dir });
    await expect(attempt).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining(`could not write a report: ${join(dir, 'blocker/junit.xml')}`) });
    expect(JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8'))).toMatchObject({ tool: 'koomock' });
  });
});

describe('toExitCode', () => {
  const warningsOnly = buildRunReport([buildScenario({ id: 'w', title: 'w', steps: [{ id: 's', title: 's', checks: [warned({ id: 'response.body-sign', ok: false }, 's')] }] })]);
  const noChecks = buildRunReport([buildScenario({ id: 'e', title: 'e', steps: [] })]);
  test.for([
    ['every check passed', passingRun(2), 0],
    ['only warnings', warningsOnly, 0],
    ['a check failed', failingRun(1), 1],
    ['no scenario ran', buildRunReport([]), 2],
    ['scenarios ran without a single check', noChecks, 2],
  ] as const)('is %s → %i', ([, report, code]) => {
    expect(toExitCode(report)).toBe(code);
  });
});
