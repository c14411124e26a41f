/**
 * References `${step.path}` in scenario values: `${order.orderId}`, `${od.lines[1].productId}`,
 * `${query.body.info.0.appInfo}`. A string that is exactly one reference takes the referenced
 * value with its type (a number stays a number); a reference inside longer text is written as
 * text. `$${` is a literal `${`.
 */
import type { TemplateValue } from './model.js';
import { valueAtPath, type PathSegment } from '../../schemas/located-yaml.js';

export interface Reference {
  /** As written, e.g. `${create.instanceId}`. */
  readonly text: string;
  readonly step: string;
  /** At least one segment: the result field, then deeper names or list indexes. */
  readonly path: readonly PathSegment[];
  /** Index of `${` in the string. */
  readonly offset: number;
}

export type TemplatePart = string | Reference;

export type TemplateParse =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly offset: number; readonly text: string; readonly problem: string };

const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const PATH = new RegExp(`^${NAME}(?:\\.(?:${NAME}|\\d+)|\\[\\d+\\])*$`);
const SEGMENT = new RegExp(`${NAME}|\\d+`, 'g');

/**
 * Splits a path such as `body.info[0].appInfo` into segments; undefined when it is not one.
 * @example
 *   parsePath('lines[1].orderLineId'); // ['lines', 1, 'orderLineId']
 *   parsePath('lines..x');             // undefined
 */
export function parsePath(text: string): PathSegment[] | undefined {
  if (!PATH.test(text)) return undefined;
  return (text.match(SEGMENT) ?? []).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Finds the references in one string.
 * @example
 *   parseTemplate('${order.orderId}-x'); // { ok: true, parts: [{ step: 'order', path: ['orderId'], ... }, '-x'] }
 *   parseTemplate('${order}');          // { ok: false, problem: 'a reference names a step and a result ...' }
 */
export function parseTemplate(text: string): TemplateParse {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      literal += '${';
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      literal += text.charAt(i);
      i += 1;
      continue;
    }
    const end = text.indexOf('}', i + 2);
    if (end < 0) return { ok: false, offset: i, text: text.slice(i), problem: 'unclosed reference: `${` has no matching `}`' };
    const inner = text.slice(i + 2, end).trim();
    const written = text.slice(i, end + 1);
    const dot = inner.indexOf('.');
    const path = dot < 0 ? undefined : parsePath(inner.slice(dot + 1));
    const step = dot < 0 ? inner : inner.slice(0, dot);
    if (dot < 0 || path === undefined || !new RegExp(`^${NAME}$`).test(step)) {
      return { ok: false, offset: i, text: written, problem: `malformed reference \`${written}\`: a reference names a step and a result, like \${create.instanceId} or \${order.lines[1].orderLineId}` };
    }
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push({ text: written, step, path, offset: i });
    i = end + 1;
  }
  if (literal !== '' || parts.length === 0) parts.push(literal);
  return { ok: true, parts };
}


export type ResolveResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reference: string; readonly problem: string };

const toText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

function resolveString(text: string, results: Readonly<Record<string, unknown>>): ResolveResult {
  const parsed = parseTemplate(text);
  // The parser rejected malformed references already; keep such text as it is.
  if (!parsed.ok) return { ok: true, value: text };
  let out = '';
  for (const part of parsed.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = valueAtPath(results[part.step], part.path);
    if (value === undefined) {
      const reached = part.step in results ? 'has no such value' : 'has not run';
      return { ok: false, reference: part.text, problem: `${part.text}: step ${part.step} ${reached}` };
    }
    if (parsed.parts.length === 1) return { ok: true, value };
    out += toText(value);
  }
  return { ok: true, value: out };
}

/**
 * Replaces every reference in a value with results of earlier steps (`results[stepId]` is the
 * step's OrderStepResult or SendStepResult). A missing value is reported, never guessed.
 * @example
 *   resolveTemplate({ instanceId: '${create.instanceId}' }, { create: { instanceId: 'i-1' } });
 *   // { ok: true, value: { instanceId: 'i-1' } }
 */
export function resolveTemplate(value: TemplateValue, results: Readonly<Record<string, unknown>>): ResolveResult {
  if (typeof value === 'string') return resolveString(value, results);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value as readonly TemplateValue[]) {
      const r = resolveTemplate(item, results);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolveTemplate(v, results);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value };
}

/**
 * The step id of a whole-step reference such as `follows: ${create}` (its form was checked by the schema).
 * @example toFollowedStep('${create}') // 'create'
 */
export const toFollowedStep = (text: string): string => text.replace(/^\$\{\s*|\s*\}$/g, '');
