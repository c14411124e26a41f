/**
 * Turns JSON Schema violations of a scenario into findings a person can act on: one per place,
 * unknown fields named one by one with the closest known name, durations and result codes
 * explained instead of regular expressions.
 */
import { suggestDuration } from '../../duration.js';
import type { Finding } from './problems.js';
import { EVERY_ATTACK_NAME as ATTACK_NAMES } from '../../checks/attack-names.js';
import { closestName, suggestName } from '../../suggest.js';
import { ACTIVITY_NAMES } from './activities.js';
import { MOCK_ORDER_IDS } from './model.js';
import { toPointer, toTokens, unknownKeysOf, valueAtPath } from '../../schemas/located-yaml.js';
import { isObject } from '../../is-object.js';
import type { SchemaRegistry, SchemaViolation } from '../../schemas/registry.js';
import { knownKeys, schemaAt } from '../../schemas/schema-walk.js';

/** The keys an object at a pointer may have, read from scenario.schema.json. */
export type KeysAt = (pointer: string) => readonly string[];

/**
 * The keys a schema allows at each pointer of a value, read from the schema itself (with the
 * schemas it refers to), so that no list of keys is kept by hand.
 * @example keysFromSchema(registry, 'scenario.schema.json')('/steps/0'); // ['id', 'title', 'order', 'send', …]
 */
export function keysFromSchema(registry: SchemaRegistry, id: string): KeysAt {
  const root = registry.schemaOf(id) ?? {};
  const load = (other: string) => registry.schemaOf(other);
  return (pointer) => knownKeys(schemaAt(root, toTokens(pointer).map((t) => (/^\d+$/.test(String(t)) ? Number(t) : t)), load), load);
}

/** How a place is named in a message: the top level, a step by its id, or the key's path. */
const whereOf = (pointer: string, value: unknown): string =>
  pointer === '' ? 'at the top level' : /^\/steps\/\d+$/.test(pointer) ? `in ${labelOf(pointer, value)}` : `in \`${labelOf(pointer)}\``;

const DURATION_PLACE = /^(\/steps\/\d+\/wait|\/profile\/(callTimeoutMs|pollIntervalMs|pollWindowMs|retryIntervalMs)|\/profile\/retryWindowMs\/[^/]+)$/;
const RESULT_CODE_PLACE = /^\/steps\/\d+\/expect\/resultCode(\/\d+)?$/;
const ACTIONS = ['order', 'send', 'wait', 'faults', 'usage', 'agent', 'sso'] as const;
const ORDER_SOURCES = ['product', 'products', 'mock', 'follows'] as const;
const SEND_ONLY = ['with', 'set', 'sign', 'retry', 'debug', 'attack', 'expect'] as const;

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^\/id$/, 'kebab-case: lower-case letters and digits joined by single dashes, such as `subscribe-monthly`'],
  [/^\/group$/, 'kebab-case, such as `core` or `security`'],
  [/^\/steps\/\d+\/id$/, 'letters and digits joined by single dashes, starting with a letter, such as `create` or `create-2` (no dots: they separate ${step.field})'],
  [/^\/steps\/\d+\/expect\/(pass|fail)\/\d+$/, 'a check id such as `order.queried` or `instance.idempotent`'],
  [/^\/steps\/\d+\/expect\/noSideEffectOf$/, 'the id of an earlier attack step, such as `forged`'],
  [/^\/steps\/\d+\/order\/follows$/, 'a whole step in ${…}, such as ${create} (the newInstance step) or ${order}: no field after the step id'],
];

/**
 * A short name for the place a pointer points at; the line and column say where it is, so
 * paths inside a step start at the step: `with.orderId`, `step create`, `profile.callTimeoutMs`.
 */
export function labelOf(pointer: string, value?: unknown): string {
  const tokens = toTokens(pointer);
  if (tokens.length === 0) return 'the scenario';
  const join = (ts: readonly string[]) => ts.reduce((out, t) => (/^\d+$/.test(t) ? `${out}[${t}]` : out === '' ? t : `${out}.${t}`), '');
  if (tokens[0] === 'steps' && tokens.length >= 2) {
    if (tokens.length > 2) return join(tokens.slice(2));
    const id = valueAtPath(value, ['steps', Number(tokens[1]), 'id']);
    return typeof id === 'string' ? `step ${id}` : `step ${Number(tokens[1]) + 1}`;
  }
  return join(tokens);
}

const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** A value in words for messages: `a list`, `a mapping`, `string "RENEWEL"` (long values cut). */
export const typeName = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${shown(v)}`;

/** The label in backticks, except `the scenario` for the root. */
const quoted = (pointer: string): string => (pointer === '' ? 'the scenario' : `\`${labelOf(pointer)}\``);

const parentOf = (pointer: string): string => pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
const lastToken = (pointer: string): string => toTokens(pointer).at(-1) ?? '';

/** A missing key that is present under a misspelt name: the unknown-field finding says it already. */
function isMisspelt(missing: string, parentPointer: string, parent: unknown, keysAt: KeysAt): boolean {
  const known = keysAt(parentPointer);
  return isObject(parent) && Object.keys(parent).some((k) => !known.includes(k) && closestName(k, [missing]) === missing);
}

function unknownKeys(pointer: string, value: unknown, keysAt: KeysAt): Finding[] {
  const node = valueAtPath(value, toTokens(pointer));
  const known = keysAt(pointer);
  if (!isObject(node) || known.length === 0) return [];
  const where = whereOf(pointer, value);
  return unknownKeysOf(node, known).map((k) => ({
    pointer: `${pointer}${toPointer([k])}`,
    at: 'key' as const,
    problem: `unknown field \`${k}\` ${where}`,
    hint: suggestName(k, known, 'allowed fields'),
  }));
}

function durationFinding(pointer: string, given: unknown): Finding {
  const label = quoted(pointer);
  const format = 'write whole milliseconds (500) or a number with a unit ms, s, m, h or d (10s, 3m, 3h, 30d)';
  if (typeof given === 'number') {
    return given > 0
      ? { pointer, problem: `${label} must be whole milliseconds, received ${given}`, hint: format }
      : { pointer, problem: `${label} must be more than zero, received ${given}`, hint: format };
  }
  if (typeof given === 'string') {
    const guess = suggestDuration(given);
    return {
      pointer,
      problem: `${label}: ${JSON.stringify(given)} is not a duration`,
      hint: guess !== undefined && guess !== given && !/^0+(\.0+)?[a-z]+$/.test(guess) ? `did you mean ${guess}?` : format,
    };
  }
  return { pointer, problem: `${label} must be a duration, received ${typeName(given)}`, hint: format };
}

function resultCodeFinding(pointer: string, given: unknown, sourceText: string | undefined): Finding {
  const label = quoted(pointer);
  if (typeof given === 'number') {
    const written = sourceText ?? String(given);
    return { pointer, problem: `${label} must be a string of six digits, received the number ${given}`, hint: `put it in quotes: "${written.padStart(6, '0')}" (YAML reads ${written} unquoted as a number)` };
  }
  const orList = /\/\d+$/.test(pointer) ? '' : ', or a list of them';
  return { pointer, problem: `${label} must be six digits in quotes such as "000000"${orList}, received ${typeName(given)}` };
}

function oneOfFinding(pointer: string, node: unknown): Finding | undefined {
  if (!isObject(node)) return undefined;
  const isStep = /^\/steps\/\d+$/.test(pointer);
  const options: readonly string[] = isStep ? ACTIONS : ORDER_SOURCES;
  const present = options.filter((k) => k in node);
  const what = isStep ? 'a step' : 'an order';
  const list = options.map((o) => `\`${o}\``).join(', ');
  if (present.length === 0) {
    const guess = Object.keys(node).map((k) => closestName(k, options)).find((g) => g !== undefined);
    return { pointer, problem: `${what} needs one of ${list}`, hint: guess === undefined ? `add one of ${options.join(', ')}` : `did you mean ${guess}?` };
  }
  return {
    pointer: `${pointer}/${present[1] ?? ''}`,
    at: 'key',
    problem: `${what} has both \`${present[0] ?? ''}\` and \`${present[1] ?? ''}\``,
    hint: isStep ? 'split it into two steps' : 'keep one of them',
  };
}

function enumFinding(pointer: string, given: unknown): Finding {
  const label = quoted(pointer);
  if (/^\/steps\/\d+\/send$/.test(pointer)) {
    return { pointer, problem: `unknown activity ${typeof given === 'string' ? `\`${given}\`` : typeName(given)}`, hint: suggestName(String(given), ACTIVITY_NAMES, 'activities') };
  }
  if (/^\/steps\/\d+\/order\/mock$/.test(pointer)) {
    return { pointer, problem: `unknown mock order \`${String(given)}\``, hint: suggestName(String(given), MOCK_ORDER_IDS, 'mock orders') };
  }
  const choices = ENUMS[lastToken(pointer)];
  if (choices === undefined) return { pointer, problem: `${label} has a value koomock does not know: ${typeName(given)}`, hint: 'see the allowed values in docs/config.md' };
  return { pointer, problem: `${label} must be one of ${choices.join(', ')}, received ${typeName(given)}`, hint: suggestName(String(given), choices, 'allowed') };
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  null: '~ (null)',
};

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  orderType: ['NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'UNSUBSCRIBE', 'RENEW', 'CHANGE'],
  periodType: ['year', 'month', 'day', 'hour'],
  outcome: ['success', 'order-failed', 'production-interface-message'],
  attack: ATTACK_NAMES,
};

function ruleFinding(v: SchemaViolation, given: unknown, sourceText: string | undefined): Finding {
  const { pointer } = v;
  const label = quoted(pointer);
  switch (v.rule) {
    case 'required': {
      const parent = parentOf(pointer);
      return { pointer: parent, problem: `${quoted(parent)} has no \`${lastToken(pointer)}\``, hint: `add ${lastToken(pointer)}` };
    }
    case 'type': {
      const quote = typeof given === 'number' && /string/.test(v.message) && sourceText !== undefined ? `put it in quotes: "${sourceText}"` : undefined;
      const expected = v.message.replace(/^must be /, '').split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { pointer, problem: `${label} must be ${expected}, received ${typeName(given)}`, ...(quote === undefined ? {} : { hint: quote }) };
    }
    case 'pattern': {
      const shape = PATTERNS.find(([re]) => re.test(pointer))?.[1];
      return { pointer, problem: `${label}: ${JSON.stringify(given)} has the wrong form`, hint: shape === undefined ? v.message : `write ${shape}` };
    }
    case 'enum':
      return enumFinding(pointer, given);
    case 'minItems':
      return { pointer, problem: `${label} is empty`, hint: pointer === '/steps' ? 'add at least one step' : 'add an item or remove the field' };
    case 'uniqueItems':
      return { pointer, problem: `${label} lists the same value twice`, hint: 'remove the repeat' };
    default:
      return { pointer, problem: `${label} ${v.message}` };
  }
}

/**
 * Findings for schema violations of a scenario value. `sourceText` gives a scalar as written
 * (so `000000` can be told apart from 0).
 */
export function toSchemaFindings(violations: readonly SchemaViolation[], value: unknown, sourceText: (pointer: string) => string | undefined, keysAt: KeysAt): Finding[] {
  const oneOfAt = new Set(violations.filter((v) => v.rule === 'oneOf').map((v) => v.pointer));
  const byPointer = new Map<string, SchemaViolation[]>();
  for (const v of violations) {
    // `required` inside a failed oneOf only restates the oneOf finding, and so does a `not` of one of its branches.
    if (v.rule === 'required' && oneOfAt.has(parentOf(v.pointer))) continue;
    if (v.rule === 'not' && oneOfAt.has(v.pointer)) continue;
    byPointer.set(v.pointer, [...(byPointer.get(v.pointer) ?? []), v]);
  }
  const findings: Finding[] = [];
  for (const [pointer, group] of byPointer) {
    const given = valueAtPath(value, toTokens(pointer));
    const rules = new Set(group.map((v) => v.rule));
    if (DURATION_PLACE.test(pointer)) {
      findings.push(durationFinding(pointer, given));
      continue;
    }
    if (RESULT_CODE_PLACE.test(pointer)) {
      // A list: its entries report themselves; only the list's own rules are said here.
      if (!Array.isArray(given)) findings.push(resultCodeFinding(pointer, given, sourceText(pointer)));
      else for (const v of group.filter((x) => x.rule === 'minItems' || x.rule === 'uniqueItems')) findings.push(ruleFinding(v, given, undefined));
      continue;
    }
    if (/^\/steps\/\d+\/expect\/fields\/[^/]+$/.test(pointer) && (rules.has('anyOf') || rules.has('type'))) {
      findings.push({ pointer, problem: `\`${labelOf(pointer)}\` is not a matcher`, hint: 'write a value to equal, or one of {present: true}, {equals: value}, {matches: regex}' });
      continue;
    }
    if (rules.has('additionalProperties')) findings.push(...unknownKeys(pointer, value, keysAt));
    if (rules.has('oneOf')) {
      const f = oneOfFinding(pointer, given);
      if (f !== undefined) findings.push(f);
    }
    if (rules.has('dependentRequired') && isObject(given)) {
      for (const key of SEND_ONLY.filter((k) => k in given)) {
        const kind = ACTIONS.find((a) => a in given);
        const article = kind === 'order' ? 'an' : 'a';
        findings.push({ pointer: `${pointer}/${key}`, at: 'key', problem: `\`${key}\` belongs to a \`send\` step${kind === undefined ? '' : `, and this is ${article} \`${kind}\` step`}`, hint: 'move it to a send step or remove it' });
      }
    }
    if (rules.has('minProperties') || rules.has('maxProperties')) {
      findings.push({ pointer, problem: `\`${labelOf(pointer)}\` must have exactly one of present, equals, matches` });
    }
    const handled = new Set(['additionalProperties', 'oneOf', 'dependentRequired', 'minProperties', 'maxProperties', 'anyOf']);
    const seen = new Set<string>();
    for (const v of group) {
      if (handled.has(v.rule) || seen.has(v.rule)) continue;
      if (v.rule === 'required' && isMisspelt(lastToken(pointer), parentOf(pointer), valueAtPath(value, toTokens(parentOf(pointer))), keysAt)) continue;
      seen.add(v.rule);
      findings.push(ruleFinding(v, given, sourceText(pointer)));
    }
  }
  return findings;
}
