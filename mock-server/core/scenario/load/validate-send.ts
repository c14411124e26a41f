import { CHECK_IDS } from '../../checks/catalog.js';
import type { FieldSpec } from '../../produce/field-spec.js';
import { ORDER_FAILING_ACTIVITIES } from '../../produce/retry-policy.js';
import { fieldSpecsOf, generationProblem, signParamsOf } from './activities.js';
import { validateAttackStep } from './validate-attack.js';
import { validateReferences, type ReferenceScope, resultPathProblem } from './validate-references.js';
import type { Finding } from './problems.js';
import type { RawStep } from './raw.js';
import { parsePath } from './references.js';
import { typeName } from './schema-problems.js';
import { suggestName } from '../../suggest.js';
import { toPointer } from '../../schemas/located-yaml.js';
import { isObject } from '../../is-object.js';

type Tokens = readonly (string | number)[];

const isTemplate = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** What a field of this kind must be, when `v` is not that (references are judged at run time). */
function kindProblem(spec: FieldSpec, v: unknown): string | undefined {
  if (v === null || isTemplate(v)) return undefined;
  switch (spec.kind) {
    case 'string':
    case 'time':
      return isScalar(v) ? undefined : 'a string';
    case 'int':
      return Number.isSafeInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)) ? undefined : 'a whole number';
    case 'idList':
      return isScalar(v) || (Array.isArray(v) && v.every(isScalar)) ? undefined : 'an id or a list of ids';
    case 'object':
      return isObject(v) ? undefined : 'a mapping';
    case 'objectList':
      return Array.isArray(v) && v.every((item) => isObject(item) || isTemplate(item)) ? undefined : 'a list of mappings';
  }
}

/** `with` keys against the builder's fields, one level of members deep for objects and lists. */
function checkFields(activity: string, specs: readonly FieldSpec[], value: Readonly<Record<string, unknown>>, tokens: Tokens): Finding[] {
  const names = specs.map((s) => s.name);
  const where = tokens.length > 3 ? `\`${tokens.slice(3).join('.')}\`` : activity;
  return Object.entries(value).flatMap(([key, v]): Finding[] => {
    const at = [...tokens, key];
    const spec = specs.find((s) => s.name === key);
    if (spec === undefined) {
      return [{ pointer: toPointer(at), at: 'key', problem: `\`${key}\` is not a field of ${where}`, hint: `${suggestName(key, names, 'fields')} (send an extra field with \`set\`)` }];
    }
    const wrongKind = kindProblem(spec, v);
    if (wrongKind !== undefined) {
      return [{ pointer: toPointer(at), problem: `\`${key}\` of ${activity} must be ${wrongKind}, received ${typeName(v)}` }];
    }
    if (spec.values !== undefined && (typeof v === 'string' || typeof v === 'number') && !isTemplate(v) && !spec.values.includes(v)) {
      const allowed = spec.values.map(String);
      return [{ pointer: toPointer(at), problem: `\`${key}\` of ${activity} must be one of ${allowed.join(', ')}, received ${JSON.stringify(v)}`, hint: `${suggestName(String(v), allowed, 'allowed')} (send any value with \`set\`)` }];
    }
    const members = spec.members ?? [];
    if (spec.kind === 'object' && isObject(v)) return checkFields(activity, members, v, at);
    if (spec.kind === 'objectList' && Array.isArray(v)) {
      return v.flatMap((item, i) => (isObject(item) ? checkFields(activity, members, item, [...at, i]) : []));
    }
    return [];
  });
}

function checkExpect(step: RawStep, tokens: Tokens, scope: ReferenceScope): Finding[] {
  const expect = step.expect;
  if (expect === undefined) return [];
  const at = [...tokens, 'expect'];
  const findings: Finding[] = [];
  for (const list of ['pass', 'fail'] as const) {
    (expect[list] ?? []).forEach((id, i) => {
      if (!CHECK_IDS.includes(id)) findings.push({ pointer: toPointer([...at, list, i]), problem: `unknown check \`${id}\``, hint: suggestName(id, CHECK_IDS, 'checks') });
    });
  }
  (expect.fail ?? []).forEach((id, i) => {
    if ((expect.pass ?? []).includes(id)) findings.push({ pointer: toPointer([...at, 'fail', i]), problem: `\`${id}\` is listed in both pass and fail`, hint: 'keep it in one of them' });
  });
  for (const [group, map] of [['fields', expect.fields], ['sameAs', expect.sameAs]] as const) {
    for (const [key, v] of Object.entries(map ?? {})) {
      const keyAt = [...at, group, key];
      const path = parsePath(key);
      const wrong = path === undefined ? { problem: `\`${key}\` is not a result path`, hint: 'write a path such as instanceId, appInfo.frontEndUrl or body.info[0].appInfo' } : resultPathProblem('send', path);
      if (wrong !== undefined) findings.push({ pointer: toPointer(keyAt), at: 'key', ...wrong });
      const equals = isObject(v) && 'equals' in v ? v['equals'] : isObject(v) ? undefined : v;
      if (equals !== undefined) findings.push(...validateReferences(equals, isObject(v) ? [...keyAt, 'equals'] : keyAt, scope));
      if (isObject(v) && typeof v['matches'] === 'string') {
        try {
          new RegExp(v['matches']);
        } catch (e) {
          findings.push({ pointer: toPointer([...keyAt, 'matches']), problem: `\`${v['matches']}\` is not a regular expression: ${(e as Error).message}`, hint: 'write a JavaScript regular expression (escape \\ as \\\\ in double quotes)' });
        }
      }
    }
  }
  const activity = step.send ?? '';
  if (expect.outcome === 'order-failed' && !ORDER_FAILING_ACTIVITIES.has(activity)) {
    findings.push({ pointer: toPointer([...at, 'outcome']), problem: `${activity} cannot end in order-failed`, hint: 'only newInstance and upgradeInstance fail the order (docs/fidelity.md#d14); other calls end in production-interface-message' });
  }
  if (expect.outcome === 'production-interface-message' && ORDER_FAILING_ACTIVITIES.has(activity)) {
    findings.push({ pointer: toPointer([...at, 'outcome']), problem: `${activity} cannot end in production-interface-message`, hint: 'when its retries run out the order fails: expect order-failed (docs/fidelity.md#d14)' });
  }
  if (expect.outcome === 'refused' && activity !== 'changeInstanceCheck') {
    findings.push({ pointer: toPointer([...at, 'outcome']), problem: `${activity} cannot end in refused`, hint: 'only changeInstanceCheck refuses (any code but 000000 and 000001); a newInstance refused with 000100-000107 ends order-failed' });
  }
  if (step.retry === false && expect.attempts !== undefined && expect.attempts > 1) {
    findings.push({ pointer: toPointer([...at, 'attempts']), problem: `\`attempts: ${expect.attempts}\` cannot happen with \`retry: false\` (one attempt only)`, hint: 'remove retry: false or expect attempts: 1' });
  }
  return findings;
}

/**
 * Semantic findings for one `send` step: the activity under the scenario's generation, `with`
 * fields and their fixed values, `sign` parameter names, references, and expectations.
 */
export function validateSendStep(step: RawStep, index: number, generation: 'v1' | 'v2', scope: ReferenceScope): Finding[] {
  const activity = step.send ?? '';
  const tokens: Tokens = ['steps', index];
  const findings: Finding[] = [];
  const wrongGeneration = generationProblem(activity, generation);
  if (wrongGeneration !== undefined) findings.push({ pointer: toPointer([...tokens, 'send']), ...wrongGeneration });
  const specs = fieldSpecsOf(activity, generation);
  if (specs !== undefined && step.with !== undefined) findings.push(...checkFields(activity, specs, step.with, [...tokens, 'with']));
  const signParams = signParamsOf(activity, generation);
  for (const key of Object.keys(step.sign ?? {})) {
    if (!signParams.includes(key)) {
      findings.push({ pointer: toPointer([...tokens, 'sign', key]), at: 'key', problem: `\`${key}\` is not a signature parameter of ${activity}`, hint: suggestName(key, signParams, 'parameters') });
    }
  }
  for (const part of ['with', 'set', 'sign'] as const) findings.push(...validateReferences(step[part] ?? {}, [...tokens, part], scope));
  if (step.dropAnswers !== undefined && (step.retry === false || step.attack !== undefined)) {
    findings.push({ pointer: toPointer([...tokens, 'dropAnswers']), problem: '`dropAnswers` needs a retried call', hint: 'a dropped answer is followed by a retry: remove `retry: false` / `attack`, or remove dropAnswers' });
  }
  if (step.onlyIf !== undefined && step.attack !== undefined) {
    findings.push({ pointer: toPointer([...tokens, 'onlyIf']), problem: '`onlyIf` does not apply to a forged call', hint: 'remove onlyIf or attack' });
  }
  findings.push(...checkExpect(step, tokens, scope), ...validateAttackStep(step, index, generation, scope));
  return findings;
}
