import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { closestName } from '../../../core/suggest.js';
import { KoomockError, usageError } from '../../../core/errors.js';
import type { RunReport } from '../../../core/scenario/run/report.js';
import type { Lang } from '../i18n.js';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE } from '../io.js';
import { toHtmlReport } from './html.js';
import { toJsonReport } from './json.js';
import { toJunitXml } from './junit.js';
import { toPrettyReport } from './pretty.js';

export { shouldUseColor } from './pretty.js';

export const REPORT_KINDS = ['pretty', 'junit', 'json', 'html'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** One `--report kind=FILE`; `file` is `-` for standard output. */
export interface ReportSpec {
  readonly kind: ReportKind;
  readonly file: string;
}

/** Where `--report junit` (no `=FILE`) writes. */
export const DEFAULT_REPORT_FILES: Readonly<Record<ReportKind, string>> = {
  pretty: '-',
  junit: 'koomock-junit.xml',
  json: 'koomock-report.json',
  html: 'koomock-report.html',
};

const isKind = (s: string): s is ReportKind => (REPORT_KINDS as readonly string[]).includes(s);

/**
 * Parses one `--report` value: `junit=out/junit.xml`, `json=-` (stdout) or just `html` (default file).
 * @example
 *   parseReportSpec('junit=reports/koomock.xml'); // { kind: 'junit', file: 'reports/koomock.xml' }
 */
export function parseReportSpec(text: string): ReportSpec {
  const at = text.indexOf('=');
  const kind = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase();
  const file = at < 0 ? undefined : text.slice(at + 1).trim();
  if (!isKind(kind)) {
    const near = closestName(kind, REPORT_KINDS);
    throw usageError(
      `unknown report kind ${JSON.stringify(kind)} in --report ${JSON.stringify(text)}: expected one of ${REPORT_KINDS.join(', ')}` +
        `${near === undefined ? '' : ` (did you mean ${near}?)`}, e.g. --report junit=koomock-junit.xml`,
      { spec: text },
    );
  }
  if (file === '') throw usageError(`--report ${JSON.stringify(text)} names no file: write ${kind}=FILE, ${kind}=- for standard output, or just ${kind}`, { spec: text });
  return { kind, file: file ?? DEFAULT_REPORT_FILES[kind] };
}

/**
 * Parses every `--report` value; two reports into one file (or two on standard output) are a usage error.
 * @example
 *   parseReportSpecs(['pretty', 'junit=junit.xml']).length; // 2
 */
export function parseReportSpecs(texts: readonly string[]): ReportSpec[] {
  const specs = texts.map(parseReportSpec);
  const seen = new Map<string, ReportKind>();
  for (const spec of specs) {
    const other = seen.get(spec.file);
    if (other !== undefined) {
      const where = spec.file === '-' ? 'standard output' : spec.file;
      throw usageError(`--report ${other} and --report ${spec.kind} both write to ${where}: give each report its own file`, { file: spec.file });
    }
    seen.set(spec.file, spec.kind);
  }
  return specs;
}

export interface ReportTextOptions {
  readonly lang?: Lang;
  /** ANSI colours in the pretty report (ignored by the other kinds). */
  readonly color?: boolean;
}

/**
 * The text of one report kind. Pure.
 * @example
 *   toReportText(report, 'junit'); // '<?xml version="1.0" …'
 */
export function toReportText(report: RunReport, kind: ReportKind, options: ReportTextOptions = {}): string {
  const lang = options.lang ?? 'en';
  switch (kind) {
    case 'pretty':
      return toPrettyReport(report, { lang, color: options.color === true });
    case 'junit':
      return toJunitXml(report, lang);
    case 'json':
      return toJsonReport(report, lang);
    case 'html':
      return toHtmlReport(report, { lang });
  }
}

export interface WriteReportsOptions {
  readonly lang?: Lang;
  /** Files are resolved against this folder (default: the process's working directory). */
  readonly cwd?: string;
  /** Receives the text of `-` reports; without it they go to process.stdout. */
  readonly stdout?: (text: string) => void;
  /** Colour for a pretty report on standard output; files never get colour. */
  readonly color?: boolean;
}

/**
 * Writes every requested report (creating folders), then fails once, naming every file it could
 * not write, so one bad path does not cost the others. Resolves to the files written.
 * @example
 *   await writeReports(report, parseReportSpecs(['pretty', 'junit=out/junit.xml']), { lang: 'zh' });
 */
export async function writeReports(report: RunReport, specs: readonly ReportSpec[], options: WriteReportsOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const stdout = options.stdout ?? ((text: string) => process.stdout.write(text));
  const written: string[] = [];
  const failed: { file: string; reason: string }[] = [];
  for (const spec of specs) {
    if (spec.file === '-') {
      stdout(toReportText(report, spec.kind, { lang: options.lang ?? 'en', color: options.color === true }));
      continue;
    }
    const path = resolve(cwd, spec.file);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, toReportText(report, spec.kind, { lang: options.lang ?? 'en', color: false }), 'utf8');
      written.push(path);
    } catch (e) {
      failed.push({ file: path, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  if (failed.length > 0) {
    const list = failed.map((f) => `${f.file} (${f.reason})`).join('; ');
    throw new KoomockError('USAGE', `could not write ${failed.length === 1 ? 'a report' : `${failed.length} reports`}: ${list}; choose a writable path with --report kind=FILE`, { failed });
  }
  return written;
}

/**
 * The documented exit code of a run: 0 every check passed, 1 a check failed, 2 nothing ran
 * (no scenario, or scenarios without a single check: never 0 for a run that proved nothing).
 * @example
 *   toExitCode(report); // 1
 */
export function toExitCode(report: RunReport): number {
  const s = report.summary;
  if (s.scenarios === 0 || s.checks === 0) return EXIT_USAGE;
  return s.scenariosFailed > 0 || s.checksFailed > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}
