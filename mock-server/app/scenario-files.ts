import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { usageError } from '../core/errors.js';
import type { CatalogProduct } from '../core/market/catalog.js';
import type { Scenario } from '../core/scenario/load/model.js';
import { MAX_SCENARIO_CHARS, validateScenario } from '../core/scenario/load/parse.js';
import { type ScenarioProblem, toScenarioError } from '../core/scenario/load/problems.js';
import { readYamlSource } from '../core/scenario/load/yaml-source.js';
import type { SchemaRegistry } from '../core/schemas/registry.js';
import { getSchemaRegistry, SCHEMAS_DIR } from '../config/schemas-fs.js';

/** The shipped conformance suite: `scenarios/` beside `schemas/` in the package. */
export const SCENARIOS_DIR = join(dirname(SCHEMAS_DIR), 'scenarios');

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return listYaml(p);
      return e.isFile() && isYaml(e.name) ? [p] : [];
    })
    .sort();
}

/**
 * The scenario files named by `paths`: files as given, folders searched (sub-folders too) for
 * `*.yaml` / `*.yml` in name order. Absolute paths, no repeats. A missing path, a file that is not
 * YAML, or a folder without scenarios is a usage error (exit 2).
 * @example
 *   findScenarioFiles(['scenarios', 'my/extra.yaml']); // ['/…/scenarios/cancel-renewal.yaml', …, '/…/my/extra.yaml']
 */
export function findScenarioFiles(paths: readonly string[], cwd: string = process.cwd()): string[] {
  if (paths.length === 0) throw usageError('no scenario files given: name YAML files or folders of them, e.g. scenarios/');
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw usageError(`no scenario file or folder at ${given}: check the path (relative paths start at ${cwd})`, { path: given });
    }
    if (!isDir && !isYaml(path)) throw usageError(`${given} is not a scenario file: scenario files end in .yaml or .yml`, { path: given });
    const found = isDir ? listYaml(path) : [path];
    if (found.length === 0) throw usageError(`the folder ${given} has no *.yaml scenario files`, { path: given });
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return files;
}

/** How a file is named in messages: relative to the working folder when inside it. */
export function toDisplayName(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export interface LoadScenariosOptions {
  /** Default: the registry over the package's schemas/. */
  readonly schemas?: SchemaRegistry;
  /** When given, productIds in order steps must be in it. */
  readonly catalog?: readonly CatalogProduct[];
  readonly cwd?: string;
}

function readText(file: string, name: string): { text: string } | { problem: ScenarioProblem } {
  const at = { file: name, line: 1, column: 1, pointer: '' };
  try {
    // Bytes >= characters in UTF-8, so a file within 4x the limit may still fit; larger ones are not read.
    if (statSync(file).size > 4 * MAX_SCENARIO_CHARS) {
      return { problem: { ...at, problem: 'the file is too large for a scenario', hint: 'split it into several scenarios' } };
    }
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    return { problem: { ...at, problem: `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check that it exists and is readable' } };
  }
}

/**
 * Reads and parses every scenario file under `paths`. Problems of all files are gathered into one
 * SCENARIO_INVALID error (one `FILE:LINE:COL: what — hint` line each), including two files with the
 * same scenario id.
 * @example
 *   const scenarios = loadScenarios(['scenarios']);
 *   scenarios.map((s) => s.id); // ['async-provisioning', 'cancel-renewal', …]
 */
export function loadScenarios(paths: readonly string[], options: LoadScenariosOptions = {}): Scenario[] {
  const cwd = options.cwd ?? process.cwd();
  const schemas = options.schemas ?? getSchemaRegistry();
  const problems: ScenarioProblem[] = [];
  const scenarios: Scenario[] = [];
  const firstFileOf = new Map<string, string>();
  for (const file of findScenarioFiles(paths, cwd)) {
    const name = toDisplayName(file, cwd);
    const read = readText(file, name);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const result = validateScenario(read.text, { file: name, schemas, ...(options.catalog === undefined ? {} : { catalog: options.catalog }) });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { scenario } = result;
    const first = firstFileOf.get(scenario.id);
    if (first !== undefined) {
      const source = readYamlSource(read.text);
      const pos = 'value' in source ? source.locate('/id') : { line: 1, column: 1 };
      problems.push({ file: name, ...pos, pointer: '/id', problem: `scenario id \`${scenario.id}\` is already used by ${first}`, hint: 'give every scenario its own id' });
      continue;
    }
    firstFileOf.set(scenario.id, name);
    scenarios.push(scenario);
  }
  if (problems.length > 0) throw toScenarioError(problems);
  return scenarios;
}

/**
 * Shipped groups a plain `koomock run` leaves out: they apply only to some sellers (the kit calls to
 * joint-operation products, docs/joint-operation.md; the Agents gateway, docs/agents.md; the legacy
 * V1 calls, docs/v1.md). `--group`, `--only` or a path runs them.
 */
export const OPT_IN_GROUPS: readonly string[] = [
  'kit',
  'kit-security',
  'v1-security',
  'agents',
  'v1',
];

/**
 * The shipped conformance suite as a plain `koomock run` plays it (scenarios/ without the opt-in groups), parsed.
 * @internal Exported for the tests.
 */
export const loadShippedScenarios = (options: Omit<LoadScenariosOptions, 'cwd'> = {}): Scenario[] =>
  loadScenarios([SCENARIOS_DIR], options).filter((s) => !OPT_IN_GROUPS.includes(s.group));
