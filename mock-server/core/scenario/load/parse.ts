import type { CatalogProduct } from '../../market/catalog.js';
import type { SchemaRegistry } from '../../schemas/registry.js';
import { validateRawScenario } from './validate-scenario.js';
import type { Scenario } from './model.js';
import { locateProblem, type ScenarioProblem, toScenarioError } from './problems.js';
import type { RawScenario } from './raw.js';
import { keysFromSchema, toSchemaFindings } from './schema-problems.js';
import { toScenario } from './to-model.js';
import { readYamlSource } from './yaml-source.js';

/** `$id` of schemas/scenario.schema.json. */
export const SCENARIO_SCHEMA_ID = 'scenario.schema.json';

/** Scenario files are small; anything larger is a mistake (or an attack) and is not parsed. */
export const MAX_SCENARIO_CHARS = 1_000_000;

export interface ParseScenarioOptions {
  /** The file as named in messages, e.g. `scenarios/subscribe-monthly.yaml`. */
  readonly file: string;
  /** The registry holding scenario.schema.json (and config.schema.json, which it refers to). */
  readonly schemas: SchemaRegistry;
  /** When given, productIds in order steps must be in it. */
  readonly catalog?: readonly CatalogProduct[];
}

export type ScenarioValidation =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/**
 * Reads a scenario file's text into the model, or every problem found, each with file, line,
 * column, JSON pointer and a hint. Stages: YAML syntax, then the schema, then semantics
 * (references, step ids, activities, fields, checks); a stage with problems ends the run.
 * @example
 *   const r = validateScenario(text, { file: 'scenarios/x.yaml', schemas: getSchemaRegistry() });
 *   if (!r.ok) console.log(r.problems[0]); // { file, line: 7, column: 11, pointer: '/steps/1/send', problem, hint }
 */
export function validateScenario(text: string, options: ParseScenarioOptions): ScenarioValidation {
  const { file } = options;
  if (text.length > MAX_SCENARIO_CHARS) {
    return { ok: false, problems: [locateProblem(file, { pointer: '', problem: `the file has ${text.length} characters; a scenario has at most ${MAX_SCENARIO_CHARS}`, hint: 'split it into several scenarios' }, undefined)] };
  }
  const source = readYamlSource(text.replace(/^\uFEFF/, ''));
  if (!('value' in source)) {
    return { ok: false, problems: [{ file, line: source.position.line, column: source.position.column, pointer: '', problem: source.problem, hint: source.hint }] };
  }
  const fail = (findings: ReturnType<typeof validateRawScenario>): ScenarioValidation => ({
    ok: false,
    problems: findings.map((f) => locateProblem(file, f, source)),
  });
  const schema = options.schemas.validate(SCENARIO_SCHEMA_ID, source.value);
  if (!schema.ok) return fail(toSchemaFindings(schema.violations, source.value, (p) => source.sourceText(p), keysFromSchema(options.schemas, SCENARIO_SCHEMA_ID)));
  const raw = source.value as RawScenario;
  const locate = (pointer: string) => source.locate(pointer);
  const findings = validateRawScenario(raw, locate, options.catalog);
  if (findings.length > 0) return fail(findings);
  return { ok: true, scenario: toScenario(raw, file, locate) };
}

/**
 * Like `validateScenario`, but returns the scenario or throws one KoomockError SCENARIO_INVALID
 * whose message has one `FILE:LINE:COL: what is wrong — hint` line per problem (the CLI exits 2).
 * @example
 *   const scenario = parseScenario(readFileSync(path, 'utf8'), { file: path, schemas: getSchemaRegistry() });
 *   scenario.steps[0]?.kind; // 'order'
 * @internal Exported for the tests.
 */
export function parseScenario(text: string, options: ParseScenarioOptions): Scenario {
  const result = validateScenario(text, options);
  if (!result.ok) throw toScenarioError(result.problems);
  return result.scenario;
}
