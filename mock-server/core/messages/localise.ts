/**
 * Puts koomock's English sentences (check expectations, hints, step titles, run lines) into the
 * reader's language through one catalogue of `{ en, zh }` templates. A template's `{name}` is a value
 * kept as it is (an id, a field, a code, seller text); `{~name}` is a phrase that is itself looked up
 * in the catalogue. Pure: no I/O.
 */
import { MESSAGE_CATALOGUE } from './catalogue.js';
import type { MessageEntry } from './message-entry.js';

export type MessageLang = 'en' | 'zh';

/** Values that are always one token: ids, activities, numbers, codes, paths. */
const SINGLE_TOKEN = new Set(['id', 'activity', 'code', 'status', 'n', 'ms', 'bytes', 'operation', 'host', 'path', 'field', 'instanceId', 'orderId', 'orderLineId', 'step', 's', 'min', 'amount', 'forged', 'rule', 'type']);

interface Compiled {
  readonly key: string;
  /** Only inside a `{~name}` slot of another sentence (a word such as `reset` is no sentence on its own). */
  readonly nested: boolean;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly zh: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(key: string, entry: MessageEntry): Compiled {
  const names: string[] = [];
  const parts = entry.en.split(/(\{~?\w+\})/);
  const source = parts.map((p) => {
    const m = /^\{(~?\w+)\}$/.exec(p);
    if (m?.[1] === undefined) return escapeRegExp(p);
    names.push(m[1]);
    // An id, an activity, a number is one token, so a sentence around it may hold parentheses;
    // `{en}` (an English text followed by its Chinese form in parentheses) runs to the last parenthesis.
    if (SINGLE_TOKEN.has(m[1])) return '(\\S+)';
    return m[1] === 'en' ? '([\\s\\S]+)' : '([\\s\\S]+?)';
  });
  return { key, nested: entry.nested === true, pattern: new RegExp(`^${source.join('')}$`), names, zh: entry.zh };
}

/** Literal characters of a template: the more it fixes, the earlier it is tried. */
const literalLength = (en: string): number => en.replace(/\{~?\w+\}/g, '').length;

const COMPILED: readonly Compiled[] = Object.entries(MESSAGE_CATALOGUE)
  .sort(([, a], [, b]) => literalLength(b.en) - literalLength(a.en))
  .map(([key, entry]) => compile(key, entry));

const MAX_DEPTH = 6;

const CJK = /[\u4e00-\u9fff]/;

/** Two English words in a row: a phrase that is more than a value. */
const WORDS = /[a-z]{2,}[ ,]+[a-z]{2,}/i;

/**
 * A `{~name}` phrase must itself be catalogued, or be no sentence (a quoted value, a code, Chinese
 * already), else the template does not apply.
 */
function phraseZh(value: string, depth: number): string | undefined {
  return toZh(value, depth + 1) ?? (CJK.test(value) || !WORDS.test(value.replace(/"(?:[^"\\]|\\.)*"/g, '')) ? value : undefined);
}

function fillZh(c: Compiled, m: RegExpExecArray, depth: number): string | undefined {
  const values = new Map<string, string>();
  for (const [i, name] of c.names.entries()) {
    const value = m[i + 1] ?? '';
    const shown = name.startsWith('~') ? phraseZh(value, depth) : value;
    if (shown === undefined) return undefined;
    values.set(name, shown);
  }
  return c.zh.replace(/\{(~?\w+)\}/g, (whole, name: string) => values.get(name) ?? whole);
}

function toZh(text: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH || text === '') return undefined;
  for (const c of COMPILED) {
    if (c.nested && depth === 0) continue;
    const m = c.pattern.exec(text);
    const zh = m === null ? undefined : fillZh(c, m, depth);
    if (zh !== undefined) return zh;
  }
  return undefined;
}

/**
 * The text in `lang`; English, or text the catalogue does not know, is returned as it is.
 * @example
 *   localise('no order query for this order in that time', 'zh'); // '在这段时间内没有该订单的订单查询'
 *   localise('send newInstance', 'zh'); // '发送 newInstance'
 */
export function localise(text: string, lang: MessageLang): string {
  if (lang === 'en') return text;
  return toZh(text, 0) ?? text;
}

/**
 * Whether the catalogue has a zh form for the text, as a sentence or (`phrase`) inside another one.
 * @internal Exported for the tests.
 */
export const isCatalogued = (text: string, options: { readonly phrase?: boolean } = {}): boolean => toZh(text, options.phrase === true ? 1 : 0) !== undefined;
