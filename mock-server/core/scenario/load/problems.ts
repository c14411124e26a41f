import { KoomockError, scenarioError } from '../../errors.js';
import type { SourcePosition } from './model.js';

/** One thing wrong with a scenario file, located. */
export interface ScenarioProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON pointer into the scenario, e.g. `/steps/1/send` ("" for the whole file). */
  readonly pointer: string;
  /** What is wrong, e.g. "unknown activity `newInstanse`". */
  readonly problem: string;
  /** What to do, e.g. "did you mean newInstance?". */
  readonly hint?: string;
}

/** An unlocated problem, as the checks produce it; `needle` locates it inside a scalar. */
export interface Finding {
  readonly pointer: string;
  readonly problem: string;
  readonly hint?: string;
  /** Locate the key rather than the value (unknown fields). */
  readonly at?: 'key' | 'value';
  /** Text inside the scalar to point at (a `${…}` reference). */
  readonly needle?: string;
}

/** `FILE:LINE:COL: what is wrong — hint` */
export const formatProblem = (p: ScenarioProblem): string =>
  `${p.file}:${p.line}:${p.column}: ${p.problem}${p.hint === undefined ? '' : ` — ${p.hint}`}`;

export function locateProblem(
  file: string,
  finding: Finding,
  source: { locate(pointer: string, at?: 'key' | 'value'): SourcePosition; locateInScalar(pointer: string, needle: string): SourcePosition } | undefined,
): ScenarioProblem {
  let pos: SourcePosition = { line: 1, column: 1 };
  if (source !== undefined) {
    pos = finding.needle === undefined ? source.locate(finding.pointer, finding.at) : source.locateInScalar(finding.pointer, finding.needle);
  }
  return {
    file,
    line: pos.line,
    column: pos.column,
    pointer: finding.pointer,
    problem: finding.problem,
    ...(finding.hint === undefined ? {} : { hint: finding.hint }),
  };
}

/**
 * One SCENARIO_INVALID error for all problems of a run (one file or several): each problem on its
 * own line, in file and line order. `details` has the first problem's file, line, column and
 * pointer, and every problem in `problems`.
 * @example
 *   throw toScenarioError([{ file: 'a.yaml', line: 3, column: 9, pointer: '/steps/0/send', problem: 'unknown activity `x`' }]);
 */
export function toScenarioError(problems: readonly ScenarioProblem[]): KoomockError {
  // Files keep the order they were given in; within a file, problems follow the text.
  const fileOrder = [...new Set(problems.map((p) => p.file))];
  const sorted = [...problems].sort(
    (a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.line - b.line || a.column - b.column,
  );
  const first = sorted[0];
  if (first === undefined) return scenarioError('the scenario is invalid');
  return scenarioError(sorted.map(formatProblem).join('\n'), {
    file: first.file,
    line: first.line,
    column: first.column,
    pointer: first.pointer,
    problems: sorted,
  });
}

/**
 * The problems carried by an error from `parseScenario`/`toScenarioError` (empty for other errors).
 * @internal Exported for the tests.
 */
export function problemsOf(error: unknown): readonly ScenarioProblem[] {
  if (!(error instanceof KoomockError) || error.code !== 'SCENARIO_INVALID') return [];
  const problems = error.details['problems'];
  return Array.isArray(problems) ? (problems as ScenarioProblem[]) : [];
}
