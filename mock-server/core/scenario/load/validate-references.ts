import { OPEN_RESULT_FIELDS, ORDER_LINE_RESULT_FIELDS, ORDER_RESULT_FIELDS, SEND_RESULT_FIELDS, type StepKind } from './model.js';
import type { Finding } from './problems.js';
import { parseTemplate, type Reference } from './references.js';
import type { PathSegment } from '../../schemas/located-yaml.js';
import { suggestName } from '../../suggest.js';
import { toPointer } from '../../schemas/located-yaml.js';

/** A named step as references see it. */
export interface NamedStep {
  readonly index: number;
  readonly kind: StepKind;
  readonly line: number;
  /** The step's `attack`, when it sends a forged call. */
  readonly attack?: string;
  /** The activity of a send step. */
  readonly send?: string;
}

export interface ReferenceScope {
  readonly steps: ReadonlyMap<string, NamedStep>;
  /** Index of the step the value belongs to. */
  readonly current: number;
}

const LATER = 'a step can only use results of the steps before it';

/**
 * Why a result path is not something a step of `kind` produces, or undefined when it is.
 * Used for references and for `expect.fields` / `expect.sameAs` keys.
 */
export function resultPathProblem(kind: StepKind, path: readonly PathSegment[]): { problem: string; hint: string } | undefined {
  const [first, second, third, ...rest] = path;
  if (kind === 'wait' || kind === 'faults' || kind === 'usage' || kind === 'agent' || kind === 'sso') return { problem: `${kind} steps have no results`, hint: 'refer to an order or send step' };
  const fields: readonly string[] = kind === 'order' ? ORDER_RESULT_FIELDS : SEND_RESULT_FIELDS;
  const name = String(first);
  if (!fields.includes(name)) {
    return { problem: `\`${name}\` is not a result of ${kind === 'order' ? 'an order' : 'a send'} step`, hint: suggestName(name, fields, 'results') };
  }
  if (kind === 'send') {
    return path.length > 1 && !OPEN_RESULT_FIELDS.has(name)
      ? { problem: `\`${name}\` has no inner fields`, hint: `use ${name} alone, or one of ${[...OPEN_RESULT_FIELDS].join(', ')} for seller data` }
      : undefined;
  }
  if (name !== 'lines') {
    return path.length > 1 ? { problem: `\`${name}\` has no inner fields`, hint: `for another order line use lines[1].${name}` } : undefined;
  }
  if (second === undefined) return undefined;
  if (typeof second !== 'number') return { problem: '`lines` is a list', hint: 'pick a line by index, e.g. lines[1].orderLineId (0 is the first line)' };
  if (third === undefined) return undefined;
  if (!(ORDER_LINE_RESULT_FIELDS as readonly string[]).includes(String(third)) || rest.length > 0) {
    return { problem: `\`${String(third)}\` is not a field of an order line`, hint: suggestName(String(third), ORDER_LINE_RESULT_FIELDS, 'line fields') };
  }
  return undefined;
}

/** `${koomock.url}`: the base URL of koomock's fake platform (the OAuth domain a tenantSync hands the seller, docs/oauth.md). */
export const KOOMOCK_REFERENCE = 'koomock';
const KOOMOCK_FIELDS = ['url'] as const;

function referenceFinding(ref: Reference, pointer: string, scope: ReferenceScope): Finding | undefined {
  const at = { pointer, needle: ref.text };
  const target = scope.steps.get(ref.step);
  if (target === undefined && ref.step === KOOMOCK_REFERENCE) {
    const [field, ...rest] = ref.path;
    return field === 'url' && rest.length === 0 ? undefined : { ...at, problem: `${ref.text}: koomock offers only \${koomock.url}`, hint: suggestName(String(field), KOOMOCK_FIELDS, 'koomock values') };
  }
  if (target === undefined) {
    const names = [...scope.steps.keys()];
    return { ...at, problem: `${ref.text} refers to step \`${ref.step}\`, which does not exist`, hint: names.length === 0 ? 'give the step an id to refer to it' : suggestName(ref.step, names, 'step ids') };
  }
  if (target.index === scope.current) return { ...at, problem: `${ref.text} refers to its own step`, hint: LATER };
  if (target.index > scope.current) return { ...at, problem: `${ref.text} refers to step \`${ref.step}\`, which comes later (line ${target.line})`, hint: `${LATER}: move it up or refer to an earlier step` };
  const wrong = resultPathProblem(target.kind, ref.path);
  return wrong === undefined ? undefined : { ...at, problem: `${ref.text}: ${wrong.problem}`, hint: wrong.hint };
}

/**
 * Findings for the references in a value (strings are templates; mappings and lists are walked):
 * malformed `${…}`, unknown steps, later steps, and results the step does not produce.
 */
export function validateReferences(value: unknown, tokens: readonly (string | number)[], scope: ReferenceScope): Finding[] {
  if (typeof value === 'string') {
    const pointer = toPointer(tokens);
    const parsed = parseTemplate(value);
    if (!parsed.ok) return [{ pointer, needle: parsed.text, problem: parsed.problem, hint: 'write $${ for a literal ${' }];
    return parsed.parts.flatMap((p) => {
      if (typeof p === 'string') return [];
      const f = referenceFinding(p, pointer, scope);
      return f === undefined ? [] : [f];
    });
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => validateReferences(v, [...tokens, i], scope));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => validateReferences(v, [...tokens, k], scope));
  }
  return [];
}
