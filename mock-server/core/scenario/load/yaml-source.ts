import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SourcePosition } from './model.js';

/** A parsed scenario file: its plain value and where each part of it is written. */
export interface YamlSource {
  readonly value: unknown;
  /**
   * Position of the value at a JSON pointer (`at: 'key'`: of its key in the parent mapping).
   * A pointer to something absent yields the position of the nearest present ancestor.
   */
  locate(pointer: string, at?: 'key' | 'value'): SourcePosition;
  /** Position of `needle` inside the scalar at `pointer` (e.g. a `${…}` reference), else of the scalar. */
  locateInScalar(pointer: string, needle: string): SourcePosition;
  /** The scalar at `pointer` exactly as written in the file (e.g. `000000` before YAML made it 0). */
  sourceText(pointer: string): string | undefined;
}

export interface YamlSyntaxError {
  readonly position: SourcePosition;
  readonly problem: string;
  readonly hint: string;
}

/** JSON pointer -> its unescaped reference tokens. */
export const toTokens = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

/** Tokens -> JSON pointer. */
export const toPointer = (tokens: readonly (string | number)[]): string =>
  tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

interface Found {
  readonly node: Node | undefined;
  readonly key: Node | undefined;
  /** False when the pointer ran past what the file has: node/key are the nearest ancestor's. */
  readonly exact: boolean;
}

function find(doc: Document, pointer: string): Found {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  let last: Found = { node: doc.contents ?? undefined, key: undefined, exact: true };
  for (const token of toTokens(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === token);
      if (pair === undefined) return { ...last, exact: false };
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(token) && node.items[Number(token)] !== undefined) {
      node = node.items[Number(token)];
      key = undefined;
    } else {
      return { ...last, exact: false };
    }
    last = { node: (node as Node | null) ?? undefined, key, exact: true };
  }
  return last;
}

const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'put one scenario in each file',
  DUPLICATE_KEY: 'a key appears twice in the same mapping: keep one',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'align the lines of a block at the same indentation',
};

/**
 * Parses the text of a scenario file with positions. Returns the first syntax error instead
 * when the YAML is malformed (or too deeply nested / alias-heavy to read safely).
 * @example
 *   const r = readYamlSource('id: x\nsteps: []\n');
 *   if ('value' in r) r.locate('/steps'); // { line: 2, column: 8 }
 */
export function readYamlSource(text: string): YamlSource | YamlSyntaxError {
  const lines = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let doc: Document;
  let value: unknown;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first !== undefined && /call stack/i.test(first.message)) throw first;
    if (first !== undefined) {
      return {
        position: at(first.pos[0]),
        problem: `YAML syntax error: ${first.message.split('\n')[0]?.trim() ?? first.code}`,
        hint: /^Flow (map|sequence)/.test(first.message)
          ? 'a `{` or `[` opened on this or an earlier line is not closed: add the missing `}` or `]`'
          : (SYNTAX_HINTS[first.code] ?? 'fix the YAML syntax (a YAML linter shows the exact spot)'),
      };
    }
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return { position: { line: 1, column: 1 }, problem: 'the file cannot be read as YAML', hint: 'it is too deeply nested or uses too many aliases' };
  }
  const startOf = (n: Node | undefined): SourcePosition => at(n?.range?.[0] ?? 0);
  return {
    value,
    locate(pointer, where = 'value') {
      const { node, key } = find(doc, pointer);
      return startOf(where === 'key' && key !== undefined ? key : (node ?? key));
    },
    locateInScalar(pointer, needle) {
      const { node, key } = find(doc, pointer);
      const range = node?.range;
      if (range === undefined || range === null) return startOf(node ?? key);
      const index = text.slice(range[0], range[1]).indexOf(needle);
      return at(range[0] + Math.max(0, index));
    },
    sourceText(pointer) {
      const { node, exact } = find(doc, pointer);
      const range = node?.range;
      return exact && isScalar(node) && range !== undefined && range !== null ? text.slice(range[0], range[1]) : undefined;
    },
  };
}
